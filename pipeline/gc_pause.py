"""Python's cycle collector held off while a document is read and extracted.

Reading a PDF makes tens of thousands of small objects (a line, its text, its box) that live
until the document is built, and none of them form cycles; the collector would walk them all
again and again as they pile up (a tenth of the time of a 300-page PDF). Whatever cycles are
made meanwhile are collected once the pause ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0  # pauses open: the collector comes back when the last one ends
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
