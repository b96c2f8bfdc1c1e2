"""Execution history in a database: how the models become typed columns (`columns`), and the
DuckDB tables a sync writes (`store`, which needs the `duckdb` extra). Used by `agent_executions.sync`."""
