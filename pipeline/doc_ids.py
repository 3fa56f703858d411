"""Document ids for files without a manifest entry: from the file name, made unique.

Ids become xml:ids (`<doc-id>.<path>`), so they start with a letter and hold only
`[a-z0-9-]`, as the manifest's own ids must.
"""

from __future__ import annotations

import re
from pathlib import Path


def default_id(path: Path) -> str:
    """An id from the file name, for a file the manifest lacks; ids become xml:ids, so they
    start with a letter."""
    stem = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    return stem if stem[:1].isalpha() else f"doc-{stem}".rstrip("-")


def unique_id(path: Path, taken: set[str]) -> str:
    """`default_id`, made unique against `taken` (`plan`, `plan-2`, …), and taken."""
    doc_id = base = default_id(path)
    suffix = 1
    while doc_id in taken:
        suffix += 1
        doc_id = f"{base}-{suffix}"
    taken.add(doc_id)
    return doc_id
