"""Footnote references that conversion glued to the word or mark before them: "Programme of
Action,1", "Brussels Declaration4", "the Decade 2001-2010,5"; "《行动纲领》2", "秘书长的报告；6"
(a digit wrapped onto a line of its own is glued to what it follows when lines are joined).

They are told apart from the numbers of the text, and when in doubt a number stays text:
- glued: the number follows, with no blank, a letter or one of the marks of the language's
  `glued_after`, and a blank, a mark or the end follows it, never another part of a number
  (2001-2010, 55/279, C.3, COVID-19 are numbers);
- no count: in a script without blanks, no ordinal after 第 and no count before a counter
  (第5条, 12月, 3个);
- in sequence: reading the document in order, a reference is the note the sequence expects
  next, or a defined note further on (the references in between were lost).
Each one found becomes a reference at its exact place, its digits out of the text.
"""

from __future__ import annotations

import re

from pipeline.languages import UNSPACED_CHAR, LanguageTable
from pipeline.model import NoteRef, Text

_LARGEST = 99  # notes of one document


def glued_candidates(text: str, lang: LanguageTable) -> list[re.Match[str]]:
    """The numbers of `text` that stand where a glued reference would."""
    pattern = re.compile(rf"(?<=[{lang.glued_after}])(?<!\d)(\d{{1,2}})(?!\d)")
    found = []
    for match in pattern.finditer(text):
        after = text[match.end() : match.end() + 1]
        before = text[match.start() - 1 : match.start()]
        if after and not (
            after.isspace() or after in lang.glued_before or UNSPACED_CHAR.match(after)
        ):
            continue
        if after and after in lang.counters or (before and before in lang.ordinal_prefix):
            continue
        if after == "." and text[match.end() + 1 : match.end() + 2].isdigit():
            continue  # a decimal
        if _part_of_a_name(text, match.start()):
            continue
        found.append(match)
    return found


def _part_of_a_name(text: str, start: int) -> bool:
    """A number inside a decimal (3.5), a symbol (A/C.3/56/L.30) or a name in capitals (G20,
    CO2): the word it is glued to."""
    before = text[start - 1 : start]
    word = text[:start].split()[-1] if text[:start].split() else ""
    if before in ".," and len(word) >= 2 and word[-2].isdigit():
        return before == "."  # 3.5 is a number; 2001-2010,5 a reference
    if "/" in word and (before.isalnum() or before == "."):
        return True
    return before.isalpha() and before.isupper()


def glue_references(texts: list[Text], defined: set[str], lang: LanguageTable) -> int:
    """Make the glued references of `texts` (in document order) references; returns how
    many there were."""
    expected, made = 1, 0
    for text in texts:
        accepted = []
        for match in glued_candidates(text.text, lang):
            number = int(match.group(1))
            if number == expected or (expected < number <= _LARGEST and str(number) in defined):
                accepted.append(match)
                expected = number + 1
        for match in reversed(accepted):  # from the end: earlier offsets stay right
            _cut(text, match.start(), match.end())
        made += len(accepted)
    return made


def _cut(text: Text, start: int, end: int) -> None:
    """The digits at start:end out of the text, a reference in their place."""
    width = end - start
    refs = [NoteRef(r.n, r.offset - width if r.offset >= end else r.offset) for r in text.refs]
    refs.append(NoteRef(text.text[start:end], start))
    text.text = text.text[:start] + text.text[end:]
    text.refs = sorted(refs, key=lambda r: r.offset)
