"""Records as a Parquet file with the sync's typed columns (`columns.columns_of`), through pyarrow.

Each column type of `columns` maps to one Arrow type (`ARROW_TYPES`): `TIMESTAMPTZ` is a
timestamp in microseconds, UTC; `JSON` is Arrow's canonical JSON extension type, which Parquet
stores as a string annotated JSON (DuckDB reads it as `JSON`, `metadata->>'team'` works as on a
synced file). Records are converted a batch at a time and written in row groups of
`ROW_GROUP_ROWS`, so memory stays flat however many there are.

Needs the `parquet` extra (pyarrow); imported only after `parquet_available()`.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from typing import IO, Any

from .columns import Column, row_of

NEEDS_PYARROW = "--format parquet needs pyarrow: pip install 'agent-executions[parquet]'"
BATCH_ROWS = 1_000
"""Records turned into one Arrow record batch at a time."""
ROW_GROUP_ROWS = 10_000
"""Rows per Parquet row group: batches are kept (as Arrow, a few MB) until this many, then written."""


def parquet_available() -> bool:
    """Whether the `parquet` extra (pyarrow) is installed; checked before any request."""
    try:
        return importlib.util.find_spec("pyarrow") is not None
    except ValueError:  # a module without a spec stands in for it
        return False


def arrow_schema(columns: tuple[Column, ...]) -> Any:
    """The Arrow schema of `columns`, in their order."""
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

    types = {
        "VARCHAR": pa.string(),
        "BIGINT": pa.int64(),
        "DOUBLE": pa.float64(),
        "BOOLEAN": pa.bool_(),
        "TIMESTAMPTZ": pa.timestamp("us", tz="UTC"),
        "DATE": pa.date32(),
        "JSON": pa.json_(pa.string()),
    }
    return pa.schema([pa.field(column.name, types[column.type]) for column in columns])


def write_parquet(records: Iterable[Any], sink: IO[bytes], columns: tuple[Column, ...]) -> int:
    """Write every record to `sink` (a binary file opened for writing) as Parquet; how many.

    An empty iterable gives a valid file with the columns and no rows."""
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    schema = arrow_schema(columns)
    count = 0
    pending: list[Any] = []  # record batches not yet written
    pending_rows = 0
    rows: list[tuple[Any, ...]] = []

    def to_batch() -> None:
        nonlocal pending_rows
        cells = list(zip(*rows, strict=True))
        arrays = [pa.array(cells[i], type=field.type) for i, field in enumerate(schema)]
        pending.append(pa.record_batch(arrays, schema=schema))
        pending_rows += len(rows)
        rows.clear()

    def flush(writer: Any) -> None:
        nonlocal pending_rows
        if pending:
            # one row group of every pending row (the default size would split off a small one)
            writer.write_table(pa.Table.from_batches(pending, schema=schema), row_group_size=pending_rows)
            pending.clear()
            pending_rows = 0

    with pq.ParquetWriter(sink, schema, compression="zstd") as writer:
        for record in records:
            rows.append(row_of(record, columns))
            count += 1
            if len(rows) >= BATCH_ROWS:
                to_batch()
                if pending_rows >= ROW_GROUP_ROWS:
                    flush(writer)
        if rows:
            to_batch()
        flush(writer)
    return count
