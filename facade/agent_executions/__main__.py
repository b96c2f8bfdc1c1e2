"""`python -m agent_executions`: the command line."""

import sys

from .cli import main

sys.exit(main())
