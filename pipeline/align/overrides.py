"""Human decisions in `alignments/overrides.tsv`: applied on every run, never written by us.

One decision a line, `source_id<TAB>target_id<TAB>decision` with decision `link` or `unlink`;
ids are xml:ids (`srap-draft-zh.a3`). A decision wins over whatever the aligner found.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import InputError

DECISIONS = ("link", "unlink")
# Where the decisions live, relative to the project folder.
OVERRIDES = Path("alignments/overrides.tsv")


@dataclass(frozen=True)
class Override:
    source: str
    target: str
    decision: str
    line: int


def load_overrides(path: Path, display: str = str(OVERRIDES)) -> list[Override]:
    if not path.exists():
        return []
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(display, f"cannot read: {err}") from None
    return parse_overrides(data, display)


def parse_overrides(data: bytes, display: str = str(OVERRIDES)) -> list[Override]:
    """The decisions in the bytes of an overrides file (UTF-8, with or without BOM)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(display, f"cannot read: {err}") from None
    overrides = []
    for no, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if fields[:3] == ["source_id", "target_id", "decision"]:
            continue
        if len(fields) != 3 or fields[2].strip() not in DECISIONS:
            raise InputError(display, "expected source_id<TAB>target_id<TAB>link|unlink", line=no)
        overrides.append(Override(fields[0].strip(), fields[1].strip(), fields[2].strip(), no))
    return overrides
