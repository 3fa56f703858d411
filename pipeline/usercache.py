"""Data derived from a package's own files and slow to derive (CC-CEDICT parsed, jieba's
dictionary built), kept between runs in the user's cache folder.

Each entry is named after the file it comes from and that file's sha256, so a new version of
the package makes a new entry. A cache that cannot be read or written is passed over: the
data is derived again, never wrong, only slower.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pipeline import atomic

T = TypeVar("T")


def derived(name: str, source: Path, derive: Callable[[], T]) -> T:
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    entry = folder() / f"{name}-{digest}.pickle"
    try:
        return pickle.loads(entry.read_bytes())
    except Exception:  # noqa: BLE001, S110 - missing, unreadable or spoiled: derive it again
        pass
    value = derive()
    try:
        atomic.write_bytes(entry, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass
    return value


def folder() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "planalign"
