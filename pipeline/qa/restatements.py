"""A text restated elsewhere in the same document (an appendix repeating the actions) that
differs from the original.

The two texts are compared word by word (jieba tokens for Chinese) after the differences
other checks report or nobody minds are set aside: the width of punctuation (，/ ,), blanks,
and the mark that ends the text (a table row ends "，" where the sub-item ended "；"). One
finding per difference, at the restatement.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.languages import table
from pipeline.model import Action, Document, Restatement
from pipeline.model.diff import diff_words
from pipeline.model.findings import Finding, xml_id
from pipeline.qa.common import TextUnit, finding

CHECK = "restatement"
# Below this similarity the restatement is reported as a whole, not change by change.
MIN_SIMILARITY = 0.6
SHOWN_CHARS = 20  # of a changed piece quoted in a message


@dataclass(frozen=True)
class Word:
    key: str  # what is compared: NFKC, so that ，and , are one
    start: int
    end: int


def restatements(doc: Document) -> list[Finding]:
    found = []
    joiner = table(doc.meta.language).joiner
    for action in doc.actions():
        for restatement in action.restatements:
            original_uid, original = _original(action, restatement, joiner)
            found += _compare(doc, restatement, original_uid, original)
    return found


def _original(action: Action, restatement: Restatement, joiner: str) -> tuple[str, list[str]]:
    """The unit restated and its candidate texts (an action: its first paragraph, or all)."""
    for item in action.subitems:
        if item.uid == restatement.of_uid and restatement.of_n:
            return item.uid, [item.body.text]
    texts = [action.body.text]
    if action.more:
        texts.append(joiner.join(t.text for t in [action.body, *action.more]))
    return action.uid, texts


def _compare(
    doc: Document, restatement: Restatement, original_uid: str, candidates: list[str]
) -> list[Finding]:
    lang, restated = doc.meta.language, restatement.body.text
    endings = table(lang).ending_marks
    if any(_plain(text, endings) == _plain(restated, endings) for text in candidates):
        return []  # the same text: no need to cut it into words
    new = _words(restated, lang)
    scored = []
    for text in candidates:
        old = _words(text, lang)
        matcher = difflib.SequenceMatcher(
            None, [t.key for t in old], [t.key for t in new], autojunk=False
        )
        scored.append((matcher.ratio(), text, old, matcher))
    ratio, original, old, matcher = max(scored, key=lambda candidate: candidate[0])
    if ratio == 1.0:
        return []
    unit, source = TextUnit(doc, restatement.uid, restatement.body), xml_id(doc, original_uid)
    if ratio < MIN_SIMILARITY:
        return [
            finding(
                unit,
                CHECK,
                "warning",
                f"restated text differs throughout from {source} ({ratio:.0%} alike)",
                0,
                min(len(restated), SHOWN_CHARS),
            )
        ]
    changes: dict[tuple[str, str, str], list[Finding]] = {}
    for opcode in _changes(matcher.get_opcodes()):
        pieces = _pieces(original, restated, old, new, opcode)
        changes.setdefault((opcode[0], *pieces), []).append(
            _change(unit, source, pieces, new, opcode)
        )
    return [_counted(same) for same in changes.values()]


def _changes(
    opcodes: Sequence[tuple[str, int, int, int, int]],
) -> list[tuple[str, int, int, int, int]]:
    """The changes, two of them joined when a single word stands between them: 和(或) → 和/或
    is one change, not a bracket replaced and another one dropped."""
    changes: list[tuple[str, int, int, int, int]] = []
    for k, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            continue
        previous = opcodes[k - 2] if k >= 2 else None
        between = opcodes[k - 1] if k >= 1 else None
        if (
            changes
            and previous
            and between
            and previous[0] != "equal"
            and between[2] - between[1] == 1
            and changes[-1][2] == between[1]
        ):
            changes[-1] = ("replace", changes[-1][1], i2, changes[-1][3], j2)
        else:
            changes.append((tag, i1, i2, j1, j2))
    return changes


def _pieces(
    original: str,
    restated: str,
    old: list[Word],
    new: list[Word],
    opcode: tuple[str, int, int, int, int],
) -> tuple[str, str]:
    """The text of a change on each side."""
    _, i1, i2, j1, j2 = opcode
    was = original[old[i1].start : old[i2 - 1].end] if i2 > i1 else ""
    now = restated[new[j1].start : new[j2 - 1].end] if j2 > j1 else ""
    return was, now


def _counted(same: list[Finding]) -> Finding:
    """The first of identical changes, saying how often the restatement makes it."""
    first = same[0]
    if len(same) == 1:
        return first
    return Finding(
        first.doc,
        first.unit,
        first.check,
        first.severity,
        f"{first.message} ({len(same)} times)",
        first.evidence,
        first.context,
    )


def _change(
    unit: TextUnit,
    source: str,
    pieces: tuple[str, str],
    new: list[Word],
    opcode: tuple[str, int, int, int, int],
) -> Finding:
    """The change as a finding: `pieces` the text it changes on each side."""
    tag, _, _, j1, j2 = opcode
    restated = unit.text.text
    was, now = (_quote(piece) for piece in pieces)
    if tag == "replace":
        message = f"restated as ‘{now}’ where {source} has ‘{was}’"
    elif tag == "insert":
        message = f"restatement adds ‘{now}’, which {source} does not have"
    else:
        message = f"restatement lacks ‘{was}’ of {source}"
    if j2 > j1:
        start, end = new[j1].start, new[j2 - 1].end
    else:  # nothing left of the change here: show the words around the gap
        start = new[j1 - 1].start if j1 else 0
        end = new[j1].end if j1 < len(new) else len(restated)
    return finding(unit, CHECK, "warning", message, start, end)


def _quote(piece: str) -> str:
    return piece if len(piece) <= SHOWN_CHARS else piece[:SHOWN_CHARS] + "…"


def _words(text: str, lang: str) -> list[Word]:
    """Words and marks with their offsets; blanks and the closing mark left out."""
    words, offset = [], 0
    endings = table(lang).ending_marks
    for piece in diff_words(text, lang):
        if not piece.isspace():
            words.append(Word(unicodedata.normalize("NFKC", piece), offset, offset + len(piece)))
        offset += len(piece)
    while words and all(char in endings for char in words[-1].key):
        words.pop()
    return words


def _plain(text: str, endings: str) -> str:
    """The text as compared, in one string: NFKC, no blanks, no closing mark."""
    return "".join(unicodedata.normalize("NFKC", text).split()).rstrip(endings)
