"""Contains all the data models used in inputs/outputs"""

from .error import Error
from .zaia_execution import ZaiaExecution
from .zaia_execution_detail import ZaiaExecutionDetail
from .zaia_execution_nesting import ZaiaExecutionNesting

__all__ = (
    "Error",
    "ZaiaExecution",
    "ZaiaExecutionDetail",
    "ZaiaExecutionNesting",
)
