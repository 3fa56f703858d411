"""Unit alignment across languages: sections, paragraphs, actions, sub-items, indicators, notes.

Numbers are the first cue, never the last word: every candidate pair is scored on its content
(length model, numbers and article references, bilingual lexicon), and a small dynamic
programme over each level's sequence picks the links, 1–1, 1–0, 0–1, 1–2 and 2–1. Where the
two versions differ — a unit without counterpart, numbered or lettered differently, one unit
split in two — the difference is reported next to the links, not papered over.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from pipeline.align.lexicon import lexical_score, numbers
from pipeline.model import Action, Block, Document, Item, Paragraph, Section, Text

# Expected English characters per Chinese character in UN texts, and the spread (log scale).
EN_PER_ZH, LENGTH_SIGMA = 3.0, 0.55
# A pair must score above this to be worth linking rather than leaving both sides unmatched.
LINK_THRESHOLD = 0.28
# Links scoring below this are flagged for a human to review.
REVIEW_THRESHOLD = 0.5
MERGE_PENALTY = 0.12


@dataclass
class Link:
    a: list[str]  # uids in document A
    b: list[str]  # uids in document B
    kind: str  # section | paragraph | action | item | subitem | indicator | footnote | ...
    cert: float
    notes: list[str] = field(default_factory=list)  # what differs between the two sides

    @property
    def review(self) -> bool:
        return self.cert < REVIEW_THRESHOLD


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


@dataclass
class Unit:
    """One side of a candidate link: what the scorer and the DP need to know of a unit."""

    uid: str
    kind: str
    number: str | None
    text: str
    paragraphs: int = 1  # an action's text may run to several


Scorer = Callable[[Unit, Unit], float]


def align_documents(a: Document, b: Document) -> Alignment:
    result = Alignment(a, b)
    scorer = content_scorer(a.meta.language, b.meta.language)
    sections_a = [s for s in a.sections]
    sections_b = [s for s in b.sections]
    _align_blocks(result, a.preamble, b.preamble, scorer)
    for pair in _sequence(result, [_section_unit(s) for s in sections_a],
                          [_section_unit(s) for s in sections_b], scorer):
        sa = [s for s in sections_a if s.uid in pair[0]]
        sb = [s for s in sections_b if s.uid in pair[1]]
        _align_section_contents(result, sa, sb, scorer)
    _align_notes(result, scorer)
    return result


# Scoring.
def content_scorer(lang_a: str, lang_b: str) -> Scorer:
    def score(x: Unit, y: Unit) -> float:
        zh, en = (x.text, y.text) if lang_a == "zh" else (y.text, x.text)
        content = 0.55 * lexical_score(zh, en) if lang_a != lang_b else 0.55 * _overlap(zh, en)
        content += 0.25 * _length_fit(x.text, lang_a, y.text, lang_b)
        content += 0.2 * _numbers_fit(x.text, lang_a, y.text, lang_b)
        if x.number is not None and y.number is not None:
            content += 0.08 if x.number == y.number else -0.04
        if x.kind != y.kind:
            content -= 0.3
        return max(0.0, min(1.0, content))

    return score


def _length_fit(a: str, lang_a: str, b: str, lang_b: str) -> float:
    la, lb = max(len(a), 1), max(len(b), 1)
    expected = EN_PER_ZH if (lang_a, lang_b) == ("zh", "en") else (
        1 / EN_PER_ZH if (lang_a, lang_b) == ("en", "zh") else 1.0)
    deviation = math.log(lb / la / expected)
    return math.exp(-deviation * deviation / (2 * LENGTH_SIGMA * LENGTH_SIGMA))


def _numbers_fit(a: str, lang_a: str, b: str, lang_b: str) -> float:
    na, nb = numbers(a, lang_a), numbers(b, lang_b)
    if not na and not nb:
        return 0.5
    return len(na & nb) / len(na | nb)


def _overlap(a: str, b: str) -> float:
    sa, sb = set(a.split()), set(b.split())
    return 2 * len(sa & sb) / (len(sa) + len(sb)) if sa and sb else 0.0


# The dynamic programme over one level's sequence.
Pair = tuple[list[str], list[str]]


def _sequence(result: Alignment, xs: Sequence[Unit], ys: Sequence[Unit],
              scorer: Scorer) -> list[Pair]:
    """Link two sequences of units; record links and unmatched units; return the pairs."""
    beads = best_beads(xs, ys, scorer)
    pairs: list[Pair] = []
    for i, j, score in beads:
        left, right = [xs[k] for k in i], [ys[k] for k in j]
        if not left or not right:
            for unit in left or right:
                side = "a" if left else "b"
                result.unmatched.append(Unmatched(side, unit.uid, unit.kind,
                                                  f"{unit.kind} {unit.number or unit.uid} has "
                                                  "no counterpart"))
            continue
        link = Link([u.uid for u in left], [u.uid for u in right], left[0].kind, round(score, 3))
        link.notes = _differences(left, right)
        result.links.append(link)
        pairs.append((link.a, link.b))
    return pairs


Bead = tuple[tuple[int, ...], tuple[int, ...], float]
MOVES = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1))


def best_beads(xs: Sequence[Unit], ys: Sequence[Unit], scorer: Scorer) -> list[Bead]:
    """Maximise the summed gain (score − threshold) of the links; skipping gains nothing."""
    n, m = len(xs), len(ys)
    gain = [[-math.inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, float] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    gain[0][0] = 0.0
    cache: dict[tuple[int, int, int, int], float] = {}

    def pair_score(i0: int, i1: int, j0: int, j1: int) -> float:
        key = (i0, i1, j0, j1)
        if key not in cache:
            cache[key] = scorer(_joined(xs[i0:i1]), _joined(ys[j0:j1]))
        return cache[key]

    for i in range(n + 1):
        for j in range(m + 1):
            if gain[i][j] == -math.inf:
                continue
            for di, dj in MOVES:
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                score = pair_score(i, ni, j, nj) if di and dj else 0.0
                step = score - LINK_THRESHOLD if di and dj else 0.0
                if di + dj == 3:
                    step -= MERGE_PENALTY
                if gain[i][j] + step > gain[ni][nj] + 1e-12:
                    gain[ni][nj] = gain[i][j] + step
                    back[ni][nj] = (i, j, score)
    beads: list[Bead] = []
    i, j = n, m
    while (i, j) != (0, 0):
        pi, pj, score = back[i][j]
        beads.append((tuple(range(pi, i)), tuple(range(pj, j)), score))
        i, j = pi, pj
    return beads[::-1]


def _joined(units: Sequence[Unit]) -> Unit:
    if len(units) == 1:
        return units[0]
    return Unit(units[0].uid, units[0].kind, units[0].number, " ".join(u.text for u in units))


def _differences(left: list[Unit], right: list[Unit]) -> list[str]:
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
def _section_unit(section: Section) -> Unit:
    return Unit(section.uid, "section", section.n, section.head.text)


def _align_section_contents(result: Alignment, sa: list[Section], sb: list[Section],
                            scorer: Scorer) -> None:
    blocks_a = [b for s in sa for b in _section_blocks(s)]
    blocks_b = [b for s in sb for b in _section_blocks(s)]
    _align_blocks(result, blocks_a, blocks_b, scorer)


def _section_blocks(section: Section) -> list[Block]:
    out = list(section.blocks)
    for sub in section.subsections:
        out.extend(_section_blocks(sub))
    return out


def _align_blocks(result: Alignment, xs: list[Block], ys: list[Block], scorer: Scorer) -> None:
    if not xs and not ys:
        return
    blocks_a, blocks_b = {b.uid: b for b in xs}, {b.uid: b for b in ys}
    for left, right in _sequence(result, [_block_unit(b) for b in xs],
                                 [_block_unit(b) for b in ys], scorer):
        if len(left) == 1 and len(right) == 1:
            _align_children(result, blocks_a[left[0]], blocks_b[right[0]], scorer)


def _block_unit(block: Block) -> Unit:
    if isinstance(block, Action):
        text = " ".join(t.text for t in [block.body, *block.more])
        return Unit(block.uid, "action", block.n, text, 1 + len(block.more))
    return Unit(block.uid, "paragraph", block.n, block.body.text or _items_text(block.items))


def _items_text(items: list[Item]) -> str:
    return " ".join(item.body.text for item in items)


def _align_children(result: Alignment, x: Block, y: Block, scorer: Scorer) -> None:
    """Lists inside two linked blocks: items, sub-items, indicators, restatements."""
    if isinstance(x, Action) and isinstance(y, Action):
        lists = [("subitem", x.subitems, y.subitems), ("indicator", x.indicators, y.indicators)]
        restated = [("restatement", x.restatements, y.restatements)]
    elif isinstance(x, Paragraph) and isinstance(y, Paragraph):
        lists, restated = [("item", x.items, y.items)], []
    else:
        return
    for kind, items_a, items_b in lists:
        _sequence(result, [_item_unit(i, kind) for i in items_a],
                  [_item_unit(i, kind) for i in items_b], scorer)
    for kind, rs_a, rs_b in restated:
        _sequence(result, [Unit(r.uid, kind, r.of_n, r.body.text) for r in rs_a],
                  [Unit(r.uid, kind, r.of_n, r.body.text) for r in rs_b], scorer)


def _item_unit(item: Item, kind: str) -> Unit:
    return Unit(item.uid, kind, item.n, item.body.text)


# Notes: by where they are referenced first, then by content.
def _align_notes(result: Alignment, scorer: Scorer) -> None:
    linked = {a: b for link in result.links for a in link.a for b in link.b}
    for kind, notes_a, notes_b in (("footnote", result.a.footnotes, result.b.footnotes),
                                   ("document-note", result.a.doc_notes, result.b.doc_notes)):
        units_b = {n.uid: n for n in notes_b}
        taken: set[str] = set()
        rest_a = []
        for note in notes_a:
            partner = next((n for n in notes_b if n.uid not in taken and note.referenced_by
                            and n.referenced_by == linked.get(note.referenced_by)), None)
            if partner is None:
                rest_a.append(note)
                continue
            taken.add(partner.uid)
            unit_a, unit_b = _note_unit(note, kind), _note_unit(partner, kind)
            link = Link([note.uid], [partner.uid], kind,
                        round(max(scorer(unit_a, unit_b), 0.5), 3))
            link.notes = _differences([unit_a], [unit_b])
            result.links.append(link)
        rest_b = [units_b[uid] for uid in units_b if uid not in taken]
        _sequence(result, [_note_unit(n, kind) for n in rest_a],
                  [_note_unit(n, kind) for n in rest_b], scorer)


def _note_unit(note, kind: str) -> Unit:
    return Unit(note.uid, kind, note.n, note.body.text)


def texts_of(doc: Document) -> dict[str, Text]:
    """Each unit's text by uid (an action's paragraphs joined), for sentence alignment."""
    out: dict[str, Text] = {}
    for uid, text in doc.texts():
        out[uid] = Text(f"{out[uid].text} {text.text}") if uid in out else text
    return out


def apply_overrides(result: Alignment, overrides) -> int:
    """Human `link`/`unlink` decisions over the links found; returns how many applied."""
    prefix_a, prefix_b = f"{result.a.id}.", f"{result.b.id}."
    applied = 0
    for override in overrides:
        ids = {override.source, override.target}
        a_ids = [i[len(prefix_a):] for i in ids if i.startswith(prefix_a)]
        b_ids = [i[len(prefix_b):] for i in ids if i.startswith(prefix_b)]
        if len(a_ids) != 1 or len(b_ids) != 1:
            continue  # a decision about another pair of documents
        a_uid, b_uid = a_ids[0], b_ids[0]
        if override.decision == "unlink":
            before = len(result.links)
            result.links = [k for k in result.links if not (a_uid in k.a and b_uid in k.b)]
            if len(result.links) < before:
                result.unmatched += [Unmatched("a", a_uid, "unit", "unlinked by a person"),
                                     Unmatched("b", b_uid, "unit", "unlinked by a person")]
        else:
            result.links = [k for k in result.links if not (a_uid in k.a or b_uid in k.b)]
            result.links.append(Link([a_uid], [b_uid], "override", 1.0, ["decided by a person"]))
            result.unmatched = [u for u in result.unmatched
                                if (u.side, u.uid) not in (("a", a_uid), ("b", b_uid))]
        applied += 1
    return applied
