"""The renderings table: every rendering of every term, with its count and its xml:ids.

Three kinds of rows, told apart by `origin` and `scope`:

- glossary term × aligned units (`glossary`, `aligned`): what the target of each aligned
  unit whose source has the term renders it with — a glossary form, or nothing (rendering
  "", status `missing`);
- glossary term × Chinese documents (`glossary`, `chinese`): each form as found in the
  Chinese documents, with no English needed;
- mined term × aligned units (`mined`, `aligned`): the n-gram's mined renderings, with their
  Dice and log-likelihood scores.

`count` is the number of units; `units` their file-qualified xml:ids (the target's, for
aligned units).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass

from pipeline.terminology.forms import strip_titles
from pipeline.terminology.glossary import Glossary, GlossaryEntry
from pipeline.terminology.mining import Candidate
from pipeline.terminology.occurrences import Occurrence
from pipeline.terminology.renderings import TermUse

COLUMNS = ("term", "origin", "scope", "rendering", "status", "count", "units", "dice", "llr")


@dataclass(frozen=True, order=True)
class Rendering:
    term: str
    origin: str  # glossary | mined
    scope: str  # aligned | chinese
    rendering: str  # "" where the target has none of the glossary's forms
    status: str  # preferred | variant | phrase | deprecated | abbreviation | missing | mined
    count: int
    units: tuple[str, ...]
    dice: float | None = None
    llr: float | None = None

    def to_dict(self) -> dict:
        row = asdict(self)
        row["units"] = list(self.units)
        return row


@dataclass(frozen=True)
class RenderingsTable:
    rows: tuple[Rendering, ...]

    def of(self, term: str, scope: str | None = None) -> list[Rendering]:
        return [r for r in self.rows if r.term == term and scope in (None, r.scope)]

    def to_dicts(self) -> list[dict]:
        return [row.to_dict() for row in self.rows]


def build_table(
    glossary: Glossary,
    uses: list[TermUse],
    occurrences: dict[int, list[Occurrence]],
    candidates: list[Candidate],
) -> RenderingsTable:
    rows = _aligned_rows(glossary, uses) + _chinese_rows(glossary, occurrences)
    rows += [
        Rendering(
            c.english, "mined", "aligned", c.chinese, "mined", len(c.units), c.units, c.dice, c.llr
        )
        for c in candidates
    ]
    order = {"aligned": 0, "chinese": 1}
    return RenderingsTable(
        tuple(
            sorted(
                rows,
                key=lambda r: (
                    order[r.scope],
                    r.origin != "glossary",
                    r.term.lower(),
                    -r.count,
                    r.rendering,
                ),
            )
        )
    )


def _aligned_rows(glossary: Glossary, uses: list[TermUse]) -> list[Rendering]:
    units: dict[tuple[int, str], dict[str, None]] = defaultdict(dict)  # ordered sets
    for use in uses:
        for rendering in use.renderings or ("",):
            units[use.entry, rendering][use.unit.target_unit] = None
    return [
        Rendering(
            glossary.entries[index].english,
            "glossary",
            "aligned",
            rendering,
            status(glossary.entries[index], rendering),
            len(ids),
            tuple(ids),
        )
        for (index, rendering), ids in units.items()
    ]


def _chinese_rows(glossary: Glossary, occurrences: dict[int, list[Occurrence]]) -> list[Rendering]:
    rows = []
    for index, found in occurrences.items():
        entry = glossary.entries[index]
        units: dict[str, dict[str, None]] = defaultdict(dict)  # ordered sets of unit ids
        for o in found:
            units[o.form][o.unit] = None
        rows += [
            Rendering(
                entry.english,
                "glossary",
                "chinese",
                form,
                status(entry, form),
                len(ids),
                tuple(ids),
            )
            for form, ids in units.items()
        ]
    return rows


def status(entry: GlossaryEntry, form: str) -> str:
    """Where the glossary lists a form."""
    if not form:
        return "missing"
    fields = (
        ("preferred", (entry.chinese, entry.english)),
        ("phrase", entry.phrases),
        ("variant", entry.variants),
        ("variant", entry.english_variants),
        ("deprecated", entry.deprecated),
        ("abbreviation", entry.abbreviations),
    )
    for name, forms in fields:
        if form in forms or form in map(strip_titles, forms):
            return name
    return "variant"
