"""agent-executions: list and inspect the executions of AI-agent platforms.

The stable, handwritten facade over the raw clients generated from the vendors'
OpenAPI documents (`asteroid_agents_v2_raw`, `zaia_v1_raw`). Import from here:
names in this package follow semantic versioning; the raw packages do not.
"""

__version__ = "0.1.0"
