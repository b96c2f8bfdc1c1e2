"""The fake servers' clock: the time their executions are created, run and finish at."""

from __future__ import annotations

import datetime
import math
import threading
import time


class FakeClock:
    """Starts at the server's `now` and runs with real time; a test moves it with `advance` and
    stops it with `freeze`. Executions started on the fake get their `createdAt`, durations and
    terminal times from it, and their lifecycle moves on with it.

        server.clock.freeze()        # time stands still: only advance() moves it
        server.clock.advance(60)     # a minute later; scheduled executions move on
    """

    def __init__(self, start: datetime.datetime) -> None:
        self.start: datetime.datetime = start
        """The moment the clock read when the server was made (its `now`)."""
        self._origin = time.monotonic()
        self._offset = 0.0
        self._frozen_at: float | None = None
        self._latest = 0.0  # the latest reading given out: the clock never reads earlier again
        self._lock = threading.Lock()

    def elapsed(self) -> float:
        """Seconds on this clock since `start`: the fakes' schedules run on it."""
        with self._lock:
            real = self._frozen_at if self._frozen_at is not None else time.monotonic()
            self._latest = max(self._latest, real - self._origin + self._offset)
            return self._latest

    def now(self) -> datetime.datetime:
        """The current time on this clock (timezone-aware, UTC)."""
        return self.start + datetime.timedelta(seconds=self.elapsed())

    def advance(self, seconds: float) -> None:
        """Move the clock `seconds` ahead (a finite number >= 0: it never goes back)."""
        if isinstance(seconds, bool) or not isinstance(seconds, int | float):
            raise TypeError(f"seconds must be a number, not {type(seconds).__name__}")
        if not 0 <= seconds < math.inf:
            raise ValueError(f"seconds must be a finite number >= 0, not {seconds!r}")
        with self._lock:
            try:
                self.start + datetime.timedelta(seconds=self._offset + seconds + 1)
            except OverflowError:
                raise ValueError(f"seconds={seconds!r} takes the clock past the year 9999") from None
            self._offset += seconds

    def freeze(self, at: datetime.datetime | None = None) -> None:
        """Stop the clock: it reads the same until `advance` or `unfreeze`. `at` (timezone-aware,
        not before the clock's current time: it never goes back) is the moment it stops at, for a
        test that wants exact times: `server.clock.freeze(at=server.now)` before the first request."""
        if at is not None:
            if not isinstance(at, datetime.datetime):
                raise TypeError(f"at must be a datetime.datetime, not {type(at).__name__}")
            if at.utcoffset() is None:
                raise ValueError("at must be timezone-aware (e.g. datetime.now(timezone.utc)), not naive")
            latest = self.start + datetime.timedelta(seconds=self._latest)
            if at < latest:
                raise ValueError(f"at must not be before the clock's latest reading, {latest.isoformat()}")
        with self._lock:
            if self._frozen_at is None:
                self._frozen_at = time.monotonic()
            if at is not None:
                self._offset = (at - self.start).total_seconds() - (self._frozen_at - self._origin)

    def unfreeze(self) -> None:
        """Let the clock run with real time again, from where it stood."""
        with self._lock:
            if self._frozen_at is not None:
                self._offset -= time.monotonic() - self._frozen_at
                self._frozen_at = None

    @property
    def frozen(self) -> bool:
        return self._frozen_at is not None

    def __repr__(self) -> str:
        state = "frozen" if self.frozen else "running"
        return f"FakeClock({self.now().isoformat()}, {state})"
