"""Unit alignment across languages: sections, paragraphs, actions, sub-items, indicators, notes.

Numbers are the first cue, never the last word: every candidate pair is scored on its content
(length model, numbers and article references, bilingual lexicon), and the bead dynamic
programme (`beads.py`) over each level's sequence picks the links, 1–1, 1–0, 0–1, 1–2 and
2–1. Where the
two versions differ — a unit without counterpart, numbered or lettered differently, one unit
split in two — the difference is reported next to the links, not papered over.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from pipeline.align.beads import best_path
from pipeline.align.lexicon import Lexicon
from pipeline.languages import table
from pipeline.model import (
    Action,
    Article,
    Block,
    Document,
    Item,
    Note,
    Paragraph,
    Section,
    Text,
)


@dataclass(frozen=True)
class UnitSettings:
    """The unit aligner's tuning. A candidate pair's score, in [0, 1], is the weighted sum of
    its lexical match, its length fit and its numbers' agreement, with a bonus for the same
    printed number and maluses for another number or another kind of unit."""

    lexical: float = 0.55
    length: float = 0.25
    numbers: float = 0.2
    same_number: float = 0.08
    other_number: float = 0.04
    other_kind: float = 0.3
    # Spread of the length ratio (log scale) around the one the languages' tables expect.
    length_sigma: float = 0.55
    # A pair must score above this to be worth linking rather than leaving both sides
    # unmatched: a link gains its score less this.
    link_threshold: float = 0.28
    # A 1–2 or 2–1 link gains this much less again.
    merge_penalty: float = 0.12
    # One unit left over on each side in the same gap between links (and of one kind) is a
    # pair when it scores this much: linked, for review, rather than two without counterpart.
    gap_pair_floor: float = 0.15
    # Links scoring below this are flagged for a human to review.
    review_below: float = 0.5
    # Two paths whose sums differ by no more than this are taken for equal (the first wins).
    tie: float = 1e-12
    # The beads a level's links may be; a 1–1 bead ends where the others would.
    beads: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1))


SETTINGS = UnitSettings()


@dataclass
class Link:
    a: list[str]  # uids in document A
    b: list[str]  # uids in document B
    kind: str  # section | paragraph | action | item | subitem | indicator | footnote | ...
    cert: float
    notes: list[str] = field(default_factory=list)  # what differs between the two sides
    review: bool = False  # the certainty is low: a person should look at it


@dataclass
class Unmatched:
    side: str  # "a" | "b"
    uid: str
    kind: str
    message: str


@dataclass
class Alignment:
    a: Document
    b: Document
    links: list[Link] = field(default_factory=list)
    unmatched: list[Unmatched] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # decisions that could not be applied


@dataclass
class Alignable:
    """One side of a candidate link: what the scorer and the DP need to know of a unit."""

    uid: str
    kind: str
    number: str | None
    text: str
    paragraphs: int = 1  # an action's text may run to several


Scorer = Callable[[Alignable, Alignable], float]


@dataclass(frozen=True)
class _Aligner:
    """What every level of one alignment shares: where links go, the scorer, the settings."""

    result: Alignment
    scorer: Scorer
    settings: UnitSettings


def align_documents(
    a: Document, b: Document, lexicon: Lexicon, settings: UnitSettings = SETTINGS
) -> Alignment:
    """Links between the units of two language versions, level by level: the preamble's
    blocks, the sections, each linked section's blocks and their lists, then the notes."""
    result = Alignment(a, b)
    aligner = _Aligner(
        result, content_scorer(a.meta.language, b.meta.language, lexicon, settings), settings
    )
    _align_blocks(aligner, a.preamble, b.preamble)
    for pair in _sequence(
        aligner, [_section_unit(s) for s in a.sections], [_section_unit(s) for s in b.sections]
    ):
        sa = [s for s in a.sections if s.uid in pair[0]]
        sb = [s for s in b.sections if s.uid in pair[1]]
        _align_section_contents(aligner, sa, sb)
    _align_notes(aligner)
    return result


# Scoring.
def content_scorer(
    lang_a: str, lang_b: str, lexicon: Lexicon, settings: UnitSettings = SETTINGS
) -> Scorer:
    expected = table(lang_b).chars_per_unit / table(lang_a).chars_per_unit

    def score(x: Alignable, y: Alignable) -> float:
        match = (
            lexicon.score(x.text, lang_a, y.text, lang_b)
            if lang_a != lang_b
            else _overlap(x.text, y.text)
        )
        content = settings.lexical * match
        content += settings.length * _length_fit(x.text, y.text, expected, settings)
        content += settings.numbers * _numbers_fit(x.text, lang_a, y.text, lang_b)
        if x.number is not None and y.number is not None:
            content += settings.same_number if x.number == y.number else -settings.other_number
        if x.kind != y.kind:
            content -= settings.other_kind
        return max(0.0, min(1.0, content))

    return score


def _length_fit(a: str, b: str, expected: float, settings: UnitSettings) -> float:
    la, lb = max(len(a), 1), max(len(b), 1)
    deviation = math.log(lb / la / expected)
    sigma = settings.length_sigma
    return math.exp(-deviation * deviation / (2 * sigma * sigma))


def _numbers_fit(a: str, lang_a: str, b: str, lang_b: str) -> float:
    na, nb = table(lang_a).numbers(a), table(lang_b).numbers(b)
    if not na and not nb:
        return 0.5
    return len(na & nb) / len(na | nb)


def _overlap(a: str, b: str) -> float:
    sa, sb = set(a.split()), set(b.split())
    return 2 * len(sa & sb) / (len(sa) + len(sb)) if sa and sb else 0.0


# One level's sequence: the bead dynamic programme (`beads.py`) picks its links.
Pair = tuple[list[str], list[str]]


def _sequence(aligner: _Aligner, xs: Sequence[Alignable], ys: Sequence[Alignable]) -> list[Pair]:
    """Link two sequences of units; record links and unmatched units; return the pairs."""
    result, settings = aligner.result, aligner.settings
    pairs: list[Pair] = []
    for i, j, score in _beads(xs, ys, aligner.scorer, settings):
        left, right = [xs[k] for k in i], [ys[k] for k in j]
        if not left or not right:
            for unit in left or right:
                side = "a" if left else "b"
                result.unmatched.append(
                    Unmatched(
                        side,
                        unit.uid,
                        unit.kind,
                        f"{unit.kind} {unit.number or unit.uid} has no counterpart",
                    )
                )
            continue
        cert = round(score, 3)
        link = Link(
            [u.uid for u in left],
            [u.uid for u in right],
            left[0].kind,
            cert,
            _differences(left, right),
            cert < settings.review_below,
        )
        result.links.append(link)
        pairs.append((link.a, link.b))
    return pairs


def _beads(
    xs: Sequence[Alignable], ys: Sequence[Alignable], scorer: Scorer, settings: UnitSettings
) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    """The best beads and each one's score: a link gains its score less the threshold (and
    a merge penalty for 1–2 and 2–1); leaving a unit unmatched gains nothing. Of equal paths
    the one whose beads start earliest wins (candidates in the order of their start cells)."""
    cache: dict[tuple[int, int, int, int], float] = {}

    def pair_score(i0: int, i1: int, j0: int, j1: int) -> float:
        key = (i0, i1, j0, j1)
        if key not in cache:
            cache[key] = scorer(_joined(xs[i0:i1]), _joined(ys[j0:j1]))
        return cache[key]

    shapes = sorted(settings.beads, key=lambda ab: (-ab[0], -ab[1]))

    def gains(i: int, lo: int, hi: int) -> np.ndarray:
        out = np.full((len(shapes), hi - lo + 1), -np.inf)
        for s, (a, b) in enumerate(shapes):
            for j in range(max(lo, b), hi + 1) if a <= i else ():
                gain = 0.0
                if a and b:
                    gain = pair_score(i - a, i, j - b, j) - settings.link_threshold
                    gain -= settings.merge_penalty if a + b == 3 else 0.0
                out[s, j - lo] = gain
        return out

    n, m = len(xs), len(ys)
    everywhere = [(0, m)] * (n + 1)
    steps = [(i, j) for i, j, _ in best_path(n, m, shapes, everywhere, gains, settings.tie)]
    steps = _pair_gaps(steps, xs, ys, pair_score, settings)
    return [
        (i, j, pair_score(i[0], i[-1] + 1, j[0], j[-1] + 1) if i and j else 0.0) for i, j in steps
    ]


Beads = list[tuple[tuple[int, ...], tuple[int, ...]]]


def _pair_gaps(
    steps: Beads,
    xs: Sequence[Alignable],
    ys: Sequence[Alignable],
    pair_score: Callable[[int, int, int, int], float],
    settings: UnitSettings,
) -> Beads:
    """Gaps between links that leave one unit of each side over, of one kind: a pair."""
    out: Beads = []
    gap: Beads = []
    for step in [*steps, ((), ())]:  # a last empty step closes the last gap
        if not (step[0] and step[1]) and step != ((), ()):
            gap.append(step)
            continue
        left = [index for side, _ in gap for index in side]
        right = [index for _, side in gap for index in side]
        if (
            len(left) == len(right) == 1
            and xs[left[0]].kind == ys[right[0]].kind
            and pair_score(left[0], left[0] + 1, right[0], right[0] + 1) >= settings.gap_pair_floor
        ):
            out.append(((left[0],), (right[0],)))
        else:
            out.extend(gap)
        gap = []
        if step != ((), ()):
            out.append(step)
    return out


def _joined(units: Sequence[Alignable]) -> Alignable:
    if len(units) == 1:
        return units[0]
    return Alignable(units[0].uid, units[0].kind, units[0].number, " ".join(u.text for u in units))


def _differences(left: list[Alignable], right: list[Alignable]) -> list[str]:
    notes = []
    if len(left) != len(right):
        notes.append(f"{len(left)} unit(s) on one side, {len(right)} on the other")
    elif left[0].paragraphs != right[0].paragraphs:
        notes.append(f"text in {left[0].paragraphs} and {right[0].paragraphs} paragraphs")
    if len(left) == len(right) and left[0].number != right[0].number:
        how = "lettered" if (left[0].number or right[0].number or "").isalpha() else "numbered"
        notes.append(f"{how} {left[0].number or '(none)'} and {right[0].number or '(none)'}")
    return notes


# Levels below the section.
# The sections of plans and reports are all one kind of unit; a treaty's chapters and preamble,
# a resolution and its parts are kinds of their own.
PLAN_SECTIONS = frozenset({"section", "subsection", "appendix"})


def _section_unit(section: Section) -> Alignable:
    """A section by its heading; one without (a preamble) by what it says."""
    kind = "section" if section.kind in PLAN_SECTIONS else section.kind
    text = section.head.text or " ".join(_block_unit(b).text for b in section.blocks)
    return Alignable(section.uid, kind, section.n, text)


def _align_section_contents(aligner: _Aligner, sa: list[Section], sb: list[Section]) -> None:
    """The sub-headings of linked sections, then all their blocks as one sequence (a block
    may move from under one sub-heading to the next)."""
    blocks_a = [b for s in sa for b in _section_blocks(s)]
    blocks_b = [b for s in sb for b in _section_blocks(s)]
    _align_blocks(aligner, blocks_a, blocks_b)
    subsections_a = [sub for s in sa for sub in s.subsections]
    subsections_b = [sub for s in sb for sub in s.subsections]
    if subsections_a and subsections_b:
        _align_headed(aligner, subsections_a, subsections_b)


def _align_headed(aligner: _Aligner, xs: list[Section], ys: list[Section]) -> None:
    """Sub-headings ("VOTING", "投票") by the blocks they head: two whose first blocks are
    linked are linked; the rest by content."""
    linked = {a: b for link in aligner.result.links for a in link.a for b in link.b}
    first_b = {s.blocks[0].uid: s for s in ys if s.blocks}
    paired: set[str] = set()
    rest_a = []
    for section in xs:
        partner = first_b.get(linked.get(section.blocks[0].uid, "")) if section.blocks else None
        if partner is None or partner.uid in paired:
            rest_a.append(section)
            continue
        paired.add(partner.uid)
        unit_a, unit_b = _section_unit(section), _section_unit(partner)
        cert = round(max(aligner.scorer(unit_a, unit_b), 0.5), 3)
        aligner.result.links.append(
            Link(
                [section.uid],
                [partner.uid],
                unit_a.kind,
                cert,
                _differences([unit_a], [unit_b]),
                cert < aligner.settings.review_below,
            )
        )
    rest_b = [s for s in ys if s.uid not in paired]
    _sequence(aligner, [_section_unit(s) for s in rest_a], [_section_unit(s) for s in rest_b])


def _section_blocks(section: Section) -> list[Block]:
    out = list(section.blocks)
    for sub in section.subsections:
        out.extend(_section_blocks(sub))
    return out


def _align_blocks(aligner: _Aligner, xs: list[Block], ys: list[Block]) -> None:
    if not xs and not ys:
        return
    blocks_a, blocks_b = {b.uid: b for b in xs}, {b.uid: b for b in ys}
    for left, right in _sequence(
        aligner, [_block_unit(b) for b in xs], [_block_unit(b) for b in ys]
    ):
        if len(left) == 1 and len(right) == 1:
            _align_children(aligner, blocks_a[left[0]], blocks_b[right[0]])


def _block_unit(block: Block) -> Alignable:
    if isinstance(block, Article):
        texts = [block.head.text] + [_paragraph_text(p) for p in block.paragraphs]
        return Alignable(block.uid, "article", block.n, " ".join(t for t in texts if t))
    if isinstance(block, Action):
        text = " ".join(t.text for t in [block.body, *block.more])
        return Alignable(block.uid, "action", block.n, text, 1 + len(block.more))
    return Alignable(block.uid, "paragraph", block.n, block.body.text or _items_text(block.items))


def _items_text(items: list[Item]) -> str:
    return " ".join(item.body.text for item in items)


def _paragraph_text(paragraph: Paragraph) -> str:
    return " ".join(t for t in [paragraph.body.text, _items_text(paragraph.items)] if t)


def _align_children(aligner: _Aligner, x: Block, y: Block) -> None:
    """Lists inside two linked blocks: items, sub-items, indicators, restatements."""
    if isinstance(x, Article) and isinstance(y, Article):
        _align_blocks(aligner, list(x.paragraphs), list(y.paragraphs))
        return
    if isinstance(x, Action) and isinstance(y, Action):
        lists = [("subitem", x.subitems, y.subitems), ("indicator", x.indicators, y.indicators)]
        restated = [("restatement", x.restatements, y.restatements)]
    elif isinstance(x, Paragraph) and isinstance(y, Paragraph):
        lists, restated = [("item", x.items, y.items)], []
    else:
        return
    for kind, items_a, items_b in lists:
        _sequence(
            aligner, [_item_unit(i, kind) for i in items_a], [_item_unit(i, kind) for i in items_b]
        )
    for kind, rs_a, rs_b in restated:
        _sequence(
            aligner,
            [Alignable(r.uid, kind, r.of_n, r.body.text) for r in rs_a],
            [Alignable(r.uid, kind, r.of_n, r.body.text) for r in rs_b],
        )


def _item_unit(item: Item, kind: str) -> Alignable:
    return Alignable(item.uid, kind, item.n, item.body.text)


# Notes: by where they are referenced first, then by content.
def _align_notes(aligner: _Aligner) -> None:
    result = aligner.result
    linked = {a: b for link in result.links for a in link.a for b in link.b}
    for kind, notes_a, notes_b in (
        ("footnote", result.a.footnotes, result.b.footnotes),
        ("document-note", result.a.doc_notes, result.b.doc_notes),
    ):
        units_b = {n.uid: n for n in notes_b}
        taken: set[str] = set()
        rest_a = []
        for note in notes_a:
            partner = next(
                (
                    n
                    for n in notes_b
                    if n.uid not in taken
                    and note.referenced_by
                    and n.referenced_by == linked.get(note.referenced_by)
                ),
                None,
            )
            if partner is None:
                rest_a.append(note)
                continue
            taken.add(partner.uid)
            unit_a, unit_b = _note_unit(note, kind), _note_unit(partner, kind)
            cert = round(max(aligner.scorer(unit_a, unit_b), 0.5), 3)
            result.links.append(
                Link(
                    [note.uid],
                    [partner.uid],
                    kind,
                    cert,
                    _differences([unit_a], [unit_b]),
                    cert < aligner.settings.review_below,
                )
            )
        rest_b = [units_b[uid] for uid in units_b if uid not in taken]
        _sequence(
            aligner, [_note_unit(n, kind) for n in rest_a], [_note_unit(n, kind) for n in rest_b]
        )


def _note_unit(note: Note, kind: str) -> Alignable:
    return Alignable(note.uid, kind, note.n, note.body.text)


def texts_of(doc: Document) -> dict[str, Text]:
    """Each unit's text by uid (an action's paragraphs joined), for sentence alignment."""
    out: dict[str, Text] = {}
    for uid, text in doc.texts():
        out[uid] = Text(f"{out[uid].text} {text.text}") if uid in out else text
    return out


def apply_overrides(result: Alignment, overrides) -> int:
    """Human `link`/`unlink` decisions over the links found; returns how many applied."""
    prefix_a, prefix_b = f"{result.a.id}.", f"{result.b.id}."
    known_a, known_b = result.a.unit_ids(), result.b.unit_ids()
    applied = 0
    for override in overrides:
        ids = {override.source, override.target}
        a_ids = [i[len(prefix_a) :] for i in ids if i.startswith(prefix_a)]
        b_ids = [i[len(prefix_b) :] for i in ids if i.startswith(prefix_b)]
        if len(a_ids) != 1 or len(b_ids) != 1:
            continue  # a decision about another pair of documents
        a_uid, b_uid = a_ids[0], b_ids[0]
        unknown = [
            prefix + uid
            for prefix, uid, known in ((prefix_a, a_uid, known_a), (prefix_b, b_uid, known_b))
            if uid not in known
        ]
        if unknown:
            result.warnings.append(
                f"the decision of line {override.line} of the overrides "
                f"was not applied: {', '.join(unknown)} names no unit"
            )
            continue
        if override.decision == "unlink":
            before = len(result.links)
            result.links = [k for k in result.links if not (a_uid in k.a and b_uid in k.b)]
            if len(result.links) < before:
                result.unmatched += [
                    Unmatched("a", a_uid, "unit", "unlinked by a person"),
                    Unmatched("b", b_uid, "unit", "unlinked by a person"),
                ]
        else:
            result.links = [k for k in result.links if not (a_uid in k.a or b_uid in k.b)]
            result.links.append(Link([a_uid], [b_uid], "override", 1.0, ["decided by a person"]))
            result.unmatched = [
                u for u in result.unmatched if (u.side, u.uid) not in (("a", a_uid), ("b", b_uid))
            ]
        applied += 1
    return applied
