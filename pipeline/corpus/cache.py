"""The batch run's cache: each task's `Product`, filed under a hash of everything it came from.

A key is the sha256 of the task's inputs (the document's bytes, its manifest entry, the keys
of the documents an alignment reads, the overrides) and of `code_version()`: the `pipeline`
package's own files and the installed packages' versions. Change any of them and the key
changes, so an entry is never stale, only unused; unused entries are pruned at the end of a
run. An entry that cannot be read back (truncated, corrupt, from another Python) is a miss.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import site
import sys
from pathlib import Path

from pipeline import atomic
from pipeline.corpus.results import Product, pack

CACHE = Path("output/.cache")
PACKAGE = Path(__file__).resolve().parent.parent


def digest(*parts: str | bytes) -> str:
    """sha256 of the parts, each length-prefixed so that ("ab", "c") != ("a", "bc")."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


@functools.cache  # once a process: the code it runs is the code it loaded
def code_version() -> str:
    """What made the results: our package's files, Python's version, the installed packages."""
    files = sorted(
        p
        for p in PACKAGE.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    )
    parts: list[str | bytes] = [sys.version]
    for path in files:
        parts += [path.relative_to(PACKAGE).as_posix(), path.read_bytes()]
    return digest(*parts, *_installed())


def _installed() -> list[str]:
    """Installed distributions with their versions (dist-info names): cheaper than metadata."""
    names: list[str] = []
    for folder in site.getsitepackages() + [site.getusersitepackages()]:
        try:
            names += sorted(n for n in os.listdir(folder) if n.endswith(".dist-info"))
        except OSError:
            continue
    return names


class Cache:
    """Products by stage and key under `folder`; `read=False` (`--force`) only writes."""

    def __init__(self, folder: Path, read: bool = True):
        self.folder = folder
        self.read = read
        self.used: set[Path] = set()
        self.hits = 0
        self.misses = 0

    def get(self, stage: str, key: str) -> Product | None:
        path = self._path(stage, key)
        product = self._load(path, key) if self.read else None
        if product is None:
            self.misses += 1
        else:
            self.hits += 1
            self.used.add(path)
        return product

    def put(self, stage: str, key: str, product: Product) -> None:
        path = self._path(stage, key)
        # no fsync: an entry a power cut spoils is a miss, not an error
        atomic.write_bytes(path, pack((key, product)), durable=False)
        self.used.add(path)

    def prune(self) -> None:
        """Remove the entries this run did not use: results of inputs or code now gone."""
        if not self.folder.is_dir():
            return
        for path in self.folder.glob("*/*.pickle"):
            if path not in self.used:
                path.unlink(missing_ok=True)

    def _path(self, stage: str, key: str) -> Path:
        return self.folder / stage / f"{key}.pickle"

    @staticmethod
    def _load(path: Path, key: str) -> Product | None:
        try:
            stored_key, product = pickle.loads(path.read_bytes())
        except Exception:  # noqa: BLE001 - missing, truncated, corrupt: all just a miss
            return None
        if stored_key != key or not isinstance(product, Product):
            return None
        return product
