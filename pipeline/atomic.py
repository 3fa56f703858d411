"""Writing files so that a reader never sees half of one: temp file in place, then rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_bytes(path: Path, data: bytes, *, durable: bool = True) -> None:
    """`durable`: on disk before the rename, so that a power cut leaves the old file or the
    new one. A file that may be lost (a cache entry, a miss if unreadable) can skip it: a
    killed process leaves the old file or the new one all the same."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        os.chmod(temp, _mode(path))  # mkstemp makes it 0600; keep the usual permissions
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def _mode(path: Path) -> int:
    """The permissions of the file replaced, else those a new file gets under the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def sweep(folder: Path) -> int:
    """Remove the temp files a killed writer left under `folder` (call it while no writer
    runs: under the batch run's lock). Returns how many there were."""
    stale = [p for p in Path(folder).rglob(".*.tmp") if p.is_file()]
    for path in stale:
        path.unlink(missing_ok=True)
    return len(stale)
