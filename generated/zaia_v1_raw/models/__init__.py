"""Contains all the data models used in inputs/outputs"""

from .error import Error
from .execution import Execution
from .execution_detail import ExecutionDetail
from .execution_nesting import ExecutionNesting

__all__ = (
    "Error",
    "Execution",
    "ExecutionDetail",
    "ExecutionNesting",
)
