"""What a batch run tells as it goes: one plain line per task, or a bar on a terminal.

Plain mode (a pipe, a log file, CI) writes every line through `log`. Bar mode (stderr is a
terminal) draws a tqdm bar per stage on stderr and writes only the lines that matter —
failures, warnings — above it; the summary is written in both.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import IO


class Progress:
    def __init__(self, log: Callable[[str], None] = print, bar_stream: IO[str] | None = None):
        self.log = log
        self.bar_stream = bar_stream
        self._bar = None

    @classmethod
    def for_terminal(cls, log: Callable[[str], None], stream: IO[str]) -> Progress:
        """A bar when `stream` is a terminal, plain lines otherwise."""
        return cls(log, stream if stream.isatty() else None)

    def start(self, label: str, total: int, done: int = 0, unit: str = "task") -> None:
        """A stage of `total` tasks begins, `done` of them already done (from the cache)."""
        self.finish()
        if self.bar_stream is None or total == 0:
            return
        from tqdm import tqdm

        tqdm.monitor_interval = 0  # no monitor thread: the process pool forks after this
        self._bar = tqdm(
            total=total,
            initial=done,
            desc=label,
            unit=f" {unit}",
            file=self.bar_stream,
            mininterval=0.1,
            leave=True,
            **_size(self.bar_stream),
        )

    def advance(self) -> None:
        if self._bar is not None:
            self._bar.update(1)

    def routine(self, line: str) -> None:
        """A line for the record, left out in bar mode."""
        if self.bar_stream is None:
            self.log(line)

    def notice(self, line: str) -> None:
        """A line the reader must see: written in both modes, above the bar."""
        if self._bar is None:
            self.log(line)
            return
        self._bar.clear()
        self.log(line)
        self._bar.refresh()

    def finish(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def _size(stream: IO[str]) -> dict[str, int]:
    """80 × 24 for a terminal that does not tell its size (a fresh pseudo-terminal), which
    tqdm would take for 0 × 0 and draw nothing; else nothing: tqdm asks the terminal."""
    try:
        size = os.get_terminal_size(stream.fileno())
    except (AttributeError, OSError, ValueError):
        return {"ncols": 80, "nrows": 24}
    return {} if size.columns and size.lines else {"ncols": 80, "nrows": 24}
