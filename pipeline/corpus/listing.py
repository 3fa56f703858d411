"""The documents of a corpus folder: the manifest's entries first, then the files it lacks.

What the batch run processes and what `planalign check` reads, in one order.
"""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.corpus.manifest import MANIFEST, ManifestEntry
from pipeline.doc_ids import unique_id

INPUT_SUFFIXES = {".txt", ".text", ".md", ".pdf"}
# A document to process: its manifest entry (None for a file the manifest lacks), id, path,
# and a warning the listing already knows.
Planned = tuple[ManifestEntry | None, str, Path, str]


def plan_documents(corpus: Path, entries: list[ManifestEntry]) -> list[Planned]:
    """Each document to process: manifest entries first, then files the manifest lacks,
    under an id inferred from the file name and made unique."""
    planned: list[Planned] = [(e, e.id, corpus / e.file, "") for e in entries]
    taken = {e.id for e in entries}
    listed = {(corpus / e.file).resolve() for e in entries}
    for path in sorted(p for p in corpus.rglob("*") if _is_document(p, corpus)):
        if path.name == MANIFEST or Path(os.path.realpath(path)) in listed:  # loops too
            continue
        planned.append(
            (
                None,
                unique_id(path, taken),
                path,
                "no manifest entry: language and metadata inferred",
            )
        )
    return planned


def _is_document(path: Path, corpus: Path) -> bool:
    """A file, or a symbolic link that leads nowhere (a loop, a missing target), which is
    reported rather than silently passed over; nothing hidden (`.name`, `.folder/name`)."""
    hidden = any(part.startswith(".") for part in path.relative_to(corpus).parts)
    return not hidden and (path.is_file() or (path.is_symlink() and not path.exists()))
