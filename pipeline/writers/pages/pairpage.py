"""The side-by-side page of a translation pair: one row per link, the two versions in two
aligned columns.

Each row has its certainty and review flag; what differs is highlighted — numbers that one
side has and the other lacks (the QA `numbers` check's evidence), numbering and lettering,
a unit with no counterpart —; hovering a sentence lights its bead (the sentences it is
aligned with on the other side). Filters (flagged only, differences only, free text) and
the keys `n`/`p` (next, previous flagged row) run in the page's script.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from lxml import etree

from pipeline.align.translation import Translation
from pipeline.languages.splitting import sentence_spans
from pipeline.model import Document
from pipeline.model.findings import Finding
from pipeline.model.segmentation import sentence_id
from pipeline.qa.crosslang import number_mismatches
from pipeline.writers.pages.catalogue import PageUnit, catalogue
from pipeline.writers.pages.markup import UI, doc_href, h, marked_text, page, text_filter

NOT_DIFFERENCES = ("decided by a person",)  # notes of a link that say nothing differs


@dataclass
class _Row:
    a: list[str]  # uids
    b: list[str]
    kind: str
    cert: float | None  # None: a unit without counterpart
    review: bool = False
    notes: list[str] = field(default_factory=list)
    numbers: list[Finding] = field(default_factory=list)  # numbers that differ

    @property
    def differs(self) -> bool:
        return self.cert is None or bool(self.numbers) or bool(self.differences)

    @property
    def differences(self) -> list[str]:
        return [n for n in self.notes if n not in NOT_DIFFERENCES]


def pair_page(translation: Translation) -> bytes:
    alignment = translation.alignment
    a, b = alignment.a, alignment.b
    units_a, units_b = catalogue(a), catalogue(b)
    rows = _rows(translation, units_a, units_b)
    beads = _beads(translation)
    flagged = sum(1 for r in rows if r.review)
    differing = sum(1 for r in rows if r.differs)
    header = h(
        "header",
        {"class": "pair-header"},
        h("h1", None, f"{a.meta.title or a.id} ↔ {b.meta.title or b.id}"),
        h(
            "p",
            {"class": "summary"},
            f"{len(alignment.links)} links, {flagged} to review, "
            f"{len(alignment.unmatched)} units without counterpart, {differing} rows that differ. ",
            h("a", {"href": doc_href(a.id)}, a.id),
            " · ",
            h("a", {"href": doc_href(b.id)}, b.id),
            " · ",
            h("a", {"href": f"../../../alignments/{translation.name}.tsv"}, "TSV"),
            " · ",
            h("a", {"href": f"../../../alignments/{translation.name}.tmx"}, "TMX"),
        ),
    )
    table = h(
        "table",
        {"class": "pair", "id": "rows"},
        h(
            "thead",
            None,
            h(
                "tr",
                None,
                h("th", {"class": "meta"}, "link"),
                h("th", {"lang": a.meta.language}, _side_title(a)),
                h("th", {"lang": b.meta.language}, _side_title(b)),
            ),
        ),
        h(
            "tbody",
            None,
            [_row(k, row, (a, units_a), (b, units_b), beads) for k, row in enumerate(rows, 1)],
        ),
    )
    return page(f"{a.id} ↔ {b.id}", 1, "pair-page", header, _toolbar(), table)


def _side_title(doc: Document) -> str:
    return f"{doc.id} ({doc.meta.language})"


def _toolbar() -> etree._Element:
    return h(
        "form",
        {"class": "toolbar", "data-rows": "#rows", "role": "search"},
        h("label", None, h("input", {"type": "checkbox", "data-flag": "review"}), " flagged only"),
        h(
            "label",
            None,
            h("input", {"type": "checkbox", "data-flag": "diff"}),
            " differences only",
        ),
        text_filter(),
        h(
            "span",
            {"class": "keys"},
            h("kbd", None, "n"),
            " / ",
            h("kbd", None, "p"),
            " next / previous flagged row",
        ),
    )


def _rows(
    translation: Translation, units_a: dict[str, PageUnit], units_b: dict[str, PageUnit]
) -> list[_Row]:
    """The links and the units without counterpart, in the order of the first document;
    a unit of the second without counterpart after the row that holds what precedes it."""
    alignment = translation.alignment
    numbers: dict[str, list[Finding]] = defaultdict(list)
    for finding in number_mismatches(translation):
        numbers[finding.unit].append(finding)
    prefix_b = f"{alignment.b.id}."
    rows = [
        _Row(
            link.a,
            link.b,
            link.kind,
            link.cert,
            link.review,
            link.notes,
            [f for uid in link.b for f in numbers.get(prefix_b + uid, [])],
        )
        for link in alignment.links
    ]
    far = len(units_a) + len(units_b)
    rows += [_Row([u.uid], [], u.kind, None) for u in alignment.unmatched if u.side == "a"]
    rows.sort(key=lambda r: min((units_a[u].position for u in r.a if u in units_a), default=far))
    for lone in sorted(
        (u for u in alignment.unmatched if u.side == "b"),
        key=lambda u: units_b[u.uid].position if u.uid in units_b else far,
    ):
        place = units_b[lone.uid].position if lone.uid in units_b else far
        before = [
            k
            for k, r in enumerate(rows)
            if any(units_b[u].position < place for u in r.b if u in units_b)
        ]
        rows.insert(before[-1] + 1 if before else 0, _Row([], [lone.uid], lone.kind, None))
    return rows


def _beads(translation: Translation) -> dict[str, int]:
    """Sentence uid (both sides, prefixed a:/b:) → its bead's number, counted through the
    page."""
    out: dict[str, int] = {}
    for k, link in enumerate(translation.sentences):
        out.update({f"a:{s}": k for s in link.a})
        out.update({f"b:{s}": k for s in link.b})
    return out


def _row(
    index: int,
    row: _Row,
    side_a: tuple[Document, dict[str, PageUnit]],
    side_b: tuple[Document, dict[str, PageUnit]],
    beads: dict[str, int],
) -> etree._Element:
    flags = [f for f, on in (("review", row.review), ("diff", row.differs)) if on]
    classes = ["row", f"kind-{row.kind}", *flags, "lonely" if row.cert is None else ""]
    return h(
        "tr",
        {
            "id": f"r{index}",
            "class": " ".join(c for c in classes if c),
            "data-flags": " ".join(flags),
        },
        _meta_cell(index, row),
        _side_cell("a", row.a, side_a, beads, [], bool(row.differences)),
        _side_cell("b", row.b, side_b, beads, row.numbers, bool(row.differences)),
    )


def _meta_cell(index: int, row: _Row) -> etree._Element:
    cert = (
        h("span", {"class": "cert", "title": "certainty of the link"}, f"{row.cert:.2f}")
        if row.cert is not None
        else None
    )
    notes = [*row.notes, *[f"number {f.evidence} not on the other side" for f in row.numbers]]
    return h(
        "td",
        {"class": "meta"},
        h("a", {"class": "rowno", "href": f"#r{index}"}, str(index)),
        " ",
        h("span", {"class": "kind"}, row.kind),
        " ",
        cert,
        h("span", {"class": "flag", "title": "certainty under 0.5: a person should look"}, "review")
        if row.review
        else None,
        h("ul", {"class": "notes"}, [h("li", None, n) for n in notes]) if notes else None,
    )


def _side_cell(
    side: str,
    uids: list[str],
    doc_units: tuple[Document, dict[str, PageUnit]],
    beads: dict[str, int],
    findings: list[Finding],
    label_differs: bool,
) -> etree._Element:
    doc, units = doc_units
    lang = doc.meta.language
    if not uids:
        return h("td", {"class": f"side {side} none", "lang": UI}, "no counterpart")
    content = []
    for uid in uids:
        unit = units.get(uid)
        if unit is None:
            continue
        label = _label(unit)
        content.append(
            h(
                "div",
                {"class": "unit-text"},
                h(
                    "a",
                    {
                        "class": "label diff" if label_differs else "label",
                        "href": doc_href(doc.id, uid),
                        "title": f"{doc.id}.{uid}",
                    },
                    label or "•",
                ),
                " ",
                _sentences(side, unit, lang, beads, findings),
            )
        )
    return h("td", {"class": f"side {side}", "lang": lang}, content)


def _label(unit: PageUnit) -> str:
    if not unit.label:
        return ""
    if unit.kind == "action":
        return f"Action {unit.label}"
    if unit.kind in ("item", "subitem") and unit.label.isalpha():
        return f"({unit.label})"
    if unit.kind == "article":
        return ""  # its text is its label (第一条, Article 1)
    return unit.label


def _sentences(
    side: str, unit: PageUnit, lang: str, beads: dict[str, int], findings: list[Finding]
) -> list:
    """The unit's text, each sentence a span naming its bead."""
    out: list = []
    count = 0
    for piece in unit.texts:
        text = piece.text
        position = 0
        for start, end in sentence_spans(text, lang):
            out += marked_text(text[position:start], findings)
            bead = beads.get(f"{side}:{sentence_id(unit.uid, count)}")
            out.append(
                h(
                    "span",
                    {"class": "s", "data-bead": None if bead is None else str(bead)},
                    marked_text(text[start:end], findings),
                )
            )
            count += 1
            position = end
        out += marked_text(text[position:], findings)
        out.append(" ")
    return out[:-1]
