"""The DuckDB file a sync writes: the tables of records (`executions`, `activities`), upserted by
`id`, and the sync's own state beside them (`_sync_state`: the vendor, the `created_at` the walk
has reached, the run number; `_sync_unfinished`: the executions to read again; `_sync_activities`:
the executions whose activities are stored). Each write is one transaction holding the rows and
the state that goes with them, so a crash, SIGKILL included, leaves the old state or the new one.

Needs the `duckdb` extra; imported only by `agent_executions.sync`, which checks it first.
"""

from __future__ import annotations

import contextlib
import datetime
import logging
import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from .._constants import LOGGER_NAME
from .columns import Column

if TYPE_CHECKING:
    import duckdb

STATE_TABLES = (
    "CREATE TABLE IF NOT EXISTS _sync_state (vendor VARCHAR NOT NULL, cursor TIMESTAMPTZ, run BIGINT NOT NULL)",
    "ALTER TABLE _sync_state ADD COLUMN IF NOT EXISTS base_url VARCHAR",
    "CREATE TABLE IF NOT EXISTS _sync_unfinished (id VARCHAR PRIMARY KEY, run BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS _sync_activities (execution_id VARCHAR PRIMARY KEY)",
)


logger = logging.getLogger(LOGGER_NAME)
_NO_EXTENSIONS: dict[str, str | bool | int | float | list[str]] = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
}
_IN_USE: set[Any] = set()
"""The files the Stores of this process have open: their real paths, and their device and inode."""
_IN_USE_LOCK = threading.Lock()
DUCKDB_MAGIC = b"DUCK"
"""What a DuckDB database file holds at byte 8."""
DETAIL_AT_MOST = 300
"""The characters of a DuckDB error message shown (one can list a whole page of values)."""
TYPE_NAMES = {"TIMESTAMPTZ": "TIMESTAMP WITH TIME ZONE"}
"""The column types as information_schema names them, where the name differs."""


def first_line(exc: BaseException) -> str:
    """An error's first line, cut to `DETAIL_AT_MOST` characters, or its type's name."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text if len(text) <= DETAIL_AT_MOST else text[: DETAIL_AT_MOST - 1] + "\u2026"


def _connect(where: str) -> duckdb.DuckDBPyConnection:
    """A connection that fetches and loads no extension on its own (a file that only looks like a
    database is not DuckDB's to open with one), or, when this process has the file open already (a
    notebook's `duckdb.connect`), one with that connection's settings: DuckDB allows no other."""
    import duckdb

    try:
        return duckdb.connect(where, config=_NO_EXTENSIONS)
    except duckdb.ConnectionException as exc:
        if "different configuration" not in str(exc):
            raise
        return duckdb.connect(where)


def _file_id(where: str) -> tuple[str, int, int]:
    found = os.stat(where)
    return ("inode", found.st_dev, found.st_ino)


def _check_duckdb_file(path: str | os.PathLike[str], where: str) -> None:
    """Refuse a file that is there, not empty, and not a DuckDB database (DuckDB would open a
    Parquet or CSV file as a database in memory, and the sync would write nothing)."""
    try:
        with open(where, "rb") as file:
            head = file.read(12)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise DatabaseError(f"{os.fspath(path)!r} cannot be read ({exc.strerror or exc})") from None
    if head and head[8:12] != DUCKDB_MAGIC:
        raise DatabaseError(f"{os.fspath(path)!r} is not a DuckDB database: sync into a DuckDB file or a new one")


class DatabaseError(OSError):
    """The DuckDB file could not be opened or written: not a DuckDB database, in use by another
    process or another sync of this one, a directory that refuses its write-ahead log... The
    command line reports it in one line and exits 74 (the output could not be written)."""


@attrs.define
class Counts:
    """What one write did to a table: rows it added, rows it changed, rows it found as they were."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0

    def add(self, other: Counts) -> None:
        self.new, self.updated, self.unchanged = (
            self.new + other.new,
            self.updated + other.updated,
            self.unchanged + other.unchanged,
        )


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class Store:
    """An open sync database: `tables` maps each table of records to its columns (keyed by `id`)."""

    def __init__(
        self, path: str | os.PathLike[str], vendor: str, tables: dict[str, tuple[Column, ...]], base_url: str = ""
    ) -> None:
        import duckdb

        self.tables = tables
        # Always an absolute file path: DuckDB gives `:memory:`, `md:x` (MotherDuck, over the
        # network), `sqlite:x` or `file:x` meanings of their own.
        where = os.path.abspath(os.fspath(path))
        _check_duckdb_file(path, where)
        self._claims: set[Any] = set()
        self._claim(path, os.path.realpath(where))  # the file may not exist yet: by its path first
        try:
            try:
                self.db: duckdb.DuckDBPyConnection = _connect(where)
            except duckdb.Error as exc:
                raise DatabaseError(
                    f"{os.fspath(path)!r} is not a DuckDB database, or is in use by another process ({first_line(exc)})"
                ) from None
            try:
                self._claim(path, _file_id(where))  # then by the file itself: a hard link is the same
                self._prepare(vendor, base_url)
            except BaseException:
                self.db.close()
                raise
        except BaseException:
            self._release()
            raise

    def _prepare(self, vendor: str, base_url: str) -> None:
        """The tables, created or completed with the columns a regeneration added; the vendor and
        the server checked (a database synced from one server is not reused against another)."""
        with self._transaction():
            self._prepare_tables(vendor, base_url)

    def _prepare_tables(self, vendor: str, base_url: str) -> None:
        if not self._has_table("_sync_state"):  # a file no sync wrote: none of its tables is ours
            for table in self.tables:
                if self._has_table(table):
                    raise ValueError(
                        f"the database has a table {table!r} that this sync did not make: sync into another file"
                    )
        for statement in STATE_TABLES:
            self.db.execute(statement)
        row = self.db.execute("SELECT vendor, base_url FROM _sync_state").fetchone()
        stored = (
            self.db.execute("SELECT count(*) FROM executions").fetchone() if self._has_table("executions") else None
        )
        empty = stored in (None, (0,))
        if row is None:
            self.db.execute(
                "INSERT INTO _sync_state (vendor, cursor, run, base_url) VALUES (?, NULL, 0, ?)", [vendor, base_url]
            )
        elif row[0] != vendor:
            raise ValueError(f"the database holds {row[0]} executions, not {vendor}: sync into another file")
        elif row[1] is None or (row[1] != base_url and empty):
            # made before the server was stored, or by a first sync that stored nothing (a server
            # mistyped, the port of a fake): tied to this server from now on
            self.db.execute("UPDATE _sync_state SET base_url = ?", [base_url])
        elif row[1] != base_url:
            raise ValueError(
                f"the database holds executions from {row[1]}, not {base_url}: sync into another file"
                " (or --full into a new file)"
            )
        for table, columns in self.tables.items():
            definition = ", ".join(f"{quoted(c.name)} {c.type}" for c in columns)
            self.db.execute(f"CREATE TABLE IF NOT EXISTS {quoted(table)} ({definition}, PRIMARY KEY (id))")
            keyed = self.db.execute(
                "SELECT count(*) FROM duckdb_constraints() WHERE table_name = ? AND schema_name = 'main'"
                " AND constraint_type = 'PRIMARY KEY' AND constraint_column_names = ['id']",
                [table],
            ).fetchone()
            if keyed != (1,):
                raise ValueError(
                    f"the database has a table {table!r} that this sync did not make (no primary key on id):"
                    " sync into another file"
                )
            # DuckDB's column names are case-insensitive: "Duration" is the model's duration
            present = {
                name.lower(): (name, kind, nullable == "YES" or default is not None)
                for name, kind, nullable, default in self.db.execute(
                    "SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns"
                    " WHERE table_name = ? AND table_schema = 'main'",
                    [table],
                ).fetchall()
            }
            written = {column.name.lower() for column in columns}
            for column in columns:
                found = present.get(column.name.lower())
                if found is not None and found[1] != TYPE_NAMES.get(column.type, column.type):
                    raise ValueError(
                        f"the database has a table {table!r} that this sync did not make (column"
                        f" {found[0]!r} is {found[1]}, not {column.type}): sync into another file"
                    )
                if found is None:
                    self.db.execute(f"ALTER TABLE {quoted(table)} ADD COLUMN {quoted(column.name)} {column.type}")
            others = sorted(name for key, (name, _, _) in present.items() if key not in written)
            required = [name for key, (name, _, fillable) in present.items() if key not in written and not fillable]
            if required:  # every insert would fail on it, after the requests
                raise ValueError(
                    f"the database's table {table!r} has NOT NULL columns without a default that this sync does"
                    f" not write ({', '.join(sorted(required))}): drop the constraint, or sync into another file"
                )
            if others:
                logger.info(
                    "%s: columns this sync does not write keep their values (%s): your own, or properties a"
                    " regeneration dropped",
                    table,
                    ", ".join(others),
                )
            self.db.execute(f"CREATE TEMP TABLE {quoted('_page_' + table)} AS SELECT * FROM {quoted(table)} LIMIT 0")

    def _has_table(self, table: str) -> bool:
        found = self.db.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ? AND table_schema = 'main'", [table]
        ).fetchone()
        return found is not None and found[0] > 0

    def close(self) -> None:
        try:
            self.db.close()
        finally:
            self._release()

    def _claim(self, path: str | os.PathLike[str], key: Any) -> None:
        """Take `key` for this store, or refuse: DuckDB lets two connections of one process write
        one file, interleaved."""
        with _IN_USE_LOCK:
            if key in _IN_USE and key not in self._claims:
                raise DatabaseError(f"{os.fspath(path)!r} is in use by another sync in this process")
            _IN_USE.add(key)
            self._claims.add(key)

    def _release(self) -> None:
        with _IN_USE_LOCK:
            _IN_USE.difference_update(self._claims)
            self._claims.clear()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """One transaction, rolled back on any exception; the exception raised is the first one (a
        commit that failed, say for a full disk, has ended the transaction already, and the rollback's
        own error would hide it)."""
        import duckdb

        self.db.begin()
        try:
            yield
            self.db.commit()
        except BaseException:
            with contextlib.suppress(duckdb.Error):
                self.db.rollback()
            raise

    # --- the state --------------------------------------------------------------

    def cursor(self) -> datetime.datetime | None:
        """The newest `created_at` the walk has reached (None: none yet, or `--full` started over)."""
        row = self.db.execute("SELECT cursor FROM _sync_state").fetchone()
        value = row[0] if row is not None else None
        return value.astimezone(datetime.UTC) if isinstance(value, datetime.datetime) else None

    def begin_run(self, *, start_over: bool) -> int:
        """A new run's number (the unfinished executions not seen in it are read again); `start_over`
        forgets the cursor, so the walk lists everything."""
        with self._transaction():
            self.db.execute("UPDATE _sync_state SET run = run + 1")
            if start_over:
                self.db.execute("UPDATE _sync_state SET cursor = NULL")
            row = self.db.execute("SELECT run FROM _sync_state").fetchone()
        assert row is not None
        return int(row[0])

    def unfinished_before(self, run: int, limit: int) -> list[str]:
        """Up to `limit` unfinished executions not written in `run`."""
        rows = self.db.execute(
            "SELECT id FROM _sync_unfinished WHERE run < ? ORDER BY id LIMIT ?", [run, limit]
        ).fetchall()
        return [str(row[0]) for row in rows]

    def waiting(self, run: int) -> tuple[int, datetime.datetime | None, datetime.datetime | None]:
        """The unfinished executions not written in `run`: how many, the oldest and newest `created_at`."""
        row = self.db.execute(
            "SELECT count(*), min(e.created_at), max(e.created_at) FROM _sync_unfinished u"
            " JOIN executions e USING (id) WHERE u.run < ?",
            [run],
        ).fetchone()
        assert row is not None
        # a time outside Python's (year 0 in UTC, say) comes back as text: no range, read again by id
        oldest, newest = (
            value.astimezone(datetime.UTC) if isinstance(value, datetime.datetime) else None for value in row[1:]
        )
        return int(row[0]), oldest, newest

    def worth_writing_again(self, ids: Sequence[str], run: int) -> set[str]:
        """Of `ids`, those unfinished and not written in `run`, or not stored at all: what a listing
        that reads executions again writes (a finished one, or one this run wrote, is as stored)."""
        found = self.db.execute(
            "SELECT id FROM unnest(?::VARCHAR[]) AS t(id) WHERE id IN (SELECT id FROM _sync_unfinished WHERE run < ?)"
            " OR id NOT IN (SELECT id FROM executions)",
            [list(ids), run],
        ).fetchall()
        return {str(row[0]) for row in found}

    def rows_since(self, moment: datetime.datetime) -> int:
        """How many stored executions were created at `moment` or later."""
        row = self.db.execute("SELECT count(*) FROM executions WHERE created_at >= ?", [moment]).fetchone()
        assert row is not None
        return int(row[0])

    def without_activities(self, limit: int) -> list[str]:
        """Up to `limit` finished executions whose activities are not stored yet."""
        rows = self.db.execute(
            "SELECT id FROM executions WHERE id NOT IN (SELECT id FROM _sync_unfinished)"
            " AND id NOT IN (SELECT execution_id FROM _sync_activities) ORDER BY id LIMIT ?",
            [limit],
        ).fetchall()
        return [str(row[0]) for row in rows]

    # --- writing ----------------------------------------------------------------

    def write_executions(
        self,
        rows: Sequence[tuple[Any, ...]],
        unfinished: Sequence[bool],
        run: int,
        *,
        cursor: datetime.datetime | None = None,
        gone: Iterable[str] = (),
    ) -> Counts:
        """One transaction: `rows` upserted, their unfinished ones marked as written in `run`, the
        finished ones and `gone` (deleted at the vendor) no longer to read again, the cursor moved
        up to `cursor`."""
        with self._transaction():
            counts = self._upsert("executions", rows)
            key = self._id_index("executions")
            # an id twice in a page counts once, as its last copy (as in the upsert)
            latest = {row[key]: still for row, still in zip(rows, unfinished, strict=True)}
            ids = list(latest)
            gone = list(gone)
            if ids or gone:
                self.db.execute("DELETE FROM _sync_unfinished WHERE list_contains(?, id)", [ids + gone])
            waiting = [key for key, still in latest.items() if still]
            if waiting:
                self.db.execute("INSERT INTO _sync_unfinished SELECT unnest(?::VARCHAR[]), ?", [waiting, run])
            if cursor is not None:
                self.db.execute("UPDATE _sync_state SET cursor = greatest(coalesce(cursor, ?), ?)", [cursor, cursor])
        return counts

    def write_activities(self, done: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> Counts:
        """One transaction: the activities of the executions `done`, and those marked as stored."""
        with self._transaction():
            counts = self._upsert("activities", rows)
            if done:
                self.db.execute("INSERT OR IGNORE INTO _sync_activities SELECT unnest(?::VARCHAR[])", [list(done)])
        return counts

    def _id_index(self, table: str) -> int:
        return next(i for i, column in enumerate(self.tables[table]) if column.name == "id")

    def _upsert(self, table: str, rows: Sequence[tuple[Any, ...]]) -> Counts:
        """Rows inserted or replaced by id (the last of a repeated id wins), counted against what was there."""
        if not rows:
            return Counts()
        key = self._id_index(table)
        rows = list({row[key]: row for row in rows}.values())
        columns = self.tables[table]
        names = ", ".join(quoted(c.name) for c in columns)
        page = quoted("_page_" + table)
        # One list per column, unnested side by side: binding a list is far quicker than as many
        # parameters as cells (16 ms against 3 ms for a page of 100 executions).
        lists = ", ".join(f"unnest(?::{c.type if c.type != 'JSON' else 'VARCHAR'}[])" for c in columns)
        self.db.execute(
            f"INSERT INTO {page} ({names}) SELECT {lists}", [list(cells) for cells in zip(*rows, strict=True)]
        )
        changed = " OR ".join(f"p.{quoted(c.name)} IS DISTINCT FROM t.{quoted(c.name)}" for c in columns)
        row = self.db.execute(
            f"SELECT count(*) FILTER (WHERE t.id IS NULL), count(*) FILTER (WHERE t.id IS NOT NULL AND ({changed}))"
            f" FROM {page} p LEFT JOIN {quoted(table)} t ON p.id = t.id"
        ).fetchone()
        assert row is not None
        new, updated = int(row[0]), int(row[1])
        if new == len(rows):  # a plain insert when every id is new: half the cost of a replace
            self.db.execute(f"INSERT INTO {quoted(table)} ({names}) SELECT {names} FROM {page}")
        elif new or updated:
            self.db.execute(f"INSERT OR REPLACE INTO {quoted(table)} ({names}) SELECT {names} FROM {page}")
        self.db.execute(f"DELETE FROM {page}")
        return Counts(new, updated, len(rows) - new - updated)
