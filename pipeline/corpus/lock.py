"""One batch run at a time per project folder.

The lock is an OS file lock (flock) on `output/.lock`: the kernel releases it when the process
ends, however it ends (SIGKILL included), so a killed run never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.errors import InputError

LOCK_FILE = ".lock"


@contextmanager
def run_lock(output: Path) -> Iterator[None]:
    """Held for the whole run; a second run meanwhile stops at once (InputError: exit 2)."""
    output.mkdir(parents=True, exist_ok=True)
    path = output / LOCK_FILE
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise InputError(
                str(path), "another planalign run is working on this folder; wait for it to finish"
            ) from None
        yield
    finally:
        os.close(descriptor)  # closing the descriptor releases the lock
