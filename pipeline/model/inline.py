"""Text inside one unit: inline note markers, and the joining of a unit's wrapped pieces.

`parse_inline` removes the markers (superscript footnote digits, document-note asterisks)
from the text and records each as a `NoteRef` at the offset where it stood, so the TEI
writer can put the note back at exactly that point. `join_text` puts two pieces of one
wrapped unit together, undoing hyphenation, and shifts the notes of the second.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.languages import UNSPACED_CHAR
from pipeline.model.document import NoteRef, Text

# Footnote markers as the readers write them: superscript digits (¹²), whatever the source.
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)
FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")

_FOOTNOTE_MARK = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")
# Asterisks that mark document notes stand at the end of a front-matter line: "草案**", "* **".
_DOCNOTE_TAIL = re.compile(r"(?:[\s,]*\*{1,3})+$")


def parse_inline(raw: str, docnote_tail: bool = False) -> Text:
    """Text with its footnote markers (and, if asked, trailing document-note marks) as refs."""
    refs: list[NoteRef] = []
    tail: list[str] = []
    if docnote_tail:
        match = _DOCNOTE_TAIL.search(raw)
        if match and match.start() > 0:
            tail = re.findall(r"\*{1,3}", match.group(0))
            raw = raw[: match.start()].rstrip()
    pieces: list[str] = []
    length = 0
    pos = 0
    for match in _FOOTNOTE_MARK.finditer(raw):
        before = raw[pos : match.start()]
        # "it, ¹ and": a blank on both sides (a justified line); the marker goes with the word.
        if before.endswith(" ") and raw[match.end() : match.end() + 1] in (" ", ""):
            before = before[:-1]
        pieces.append(before)
        length += len(before)
        refs.append(NoteRef(match.group(0).translate(FROM_SUPERSCRIPT), length))
        pos = match.end()
        # "目标。¹ 缔约国": the blank after the marker only separated it from the next word.
        if _is_cjk_gap(raw, match.start() - 1, pos):
            pos += 1
    pieces.append(raw[pos:])
    text = "".join(pieces)
    refs.extend(NoteRef(mark, len(text)) for mark in tail)
    return Text(text, refs)


def _is_cjk_gap(raw: str, before: int, after: int) -> bool:
    return (
        before >= 0
        and after + 1 < len(raw)
        and raw[after] == " "
        and bool(UNSPACED_CHAR.match(raw[before]))
        and bool(UNSPACED_CHAR.match(raw[after + 1]))
    )


def join_text(
    left: Text, right: Text, joiner: str, compounds: frozenset[str] = frozenset()
) -> Text:
    """Concatenate two pieces of one wrapped unit, shifting the right piece's refs.
    `compounds`: the words the document writes with a hyphen inside a line (lower case), whose
    hyphen stays when a line ends on it ("co-" + "operation" where it writes co-operation)."""
    glue = _glue(left.text, right.text, joiner, compounds)
    head = left.text
    if glue == "-":  # hyphenation undone: "imple-" + "mentation"
        head, glue = head[:-1], ""
    shift = len(head) + len(glue)
    refs = [NoteRef(r.n, min(r.offset, len(head))) for r in left.refs]
    refs += [NoteRef(r.n, r.offset + shift) for r in right.refs]
    return Text(head + glue + right.text, refs)


# A hyphen at a line end is either the typesetter's (hyphenation: "imple-" + "mentation") or
# the word's own ("non-" + "State"). It is the word's own before a capital or a digit
# ("non-State", "COVID-19"), after these prefixes ("anti-personnel", "good-neighbourliness"),
# before these second halves of compounds ("follow-up", "mine-affected", "co-chair"), and
# where the document itself writes the compound with a hyphen inside a line ("co-operation"
# in the Charter). Else "co", "inter", "multi" and "ex" are no such prefixes: UN English
# writes "cooperation", "intersessional", "international", "multilateral", and "ex-" +
# "ample" is hyphenation.
_KEEP_HYPHEN = ("non", "anti", "self", "cross", "well", "good", "semi")
_COMPOUND_TAILS = frozenset(
    (
        "up",
        "term",
        "bound",
        "based",
        "sensitive",
        "appropriate",
        "affected",
        "contaminated",
        "related",
        "specific",
        "led",
        "owned",
        "making",
        "year",
        "years",
        "agency",
        "chair",
        "chairs",
        "chaired",
        "sponsor",
        "sponsors",
        "stakeholder",
    )
)


_COMPOUND = re.compile(r"(?<![A-Za-z-])[A-Za-z]+-[a-z]+(?![A-Za-z-])")


def hyphenated_words(lines: Iterable[str]) -> frozenset[str]:
    """The words written with a hyphen inside the lines (not at their ends), in lower case:
    the document's own compounds, for `join_text`."""
    # One search of all of them (no word runs over a line break), of those with a hyphen.
    hyphenated = "\n".join(line for line in lines if "-" in line)
    return frozenset(word.lower() for word in _COMPOUND.findall(hyphenated))


# The end of a text that stops inside a document symbol (CCM/CONF/2020/12, A/RES/70/1): in a
# script without spaces, nothing but a symbol puts Latin capitals and digits around a slash.
_SYMBOL_END = re.compile(r"[A-Z]+/[A-Z0-9/.-]*[A-Z0-9]$")


# The end of a text that stops inside a web address, whose hyphens are all its own
# ("…/membership/guinea-" + "bissau").
_URL_END = re.compile(r"(?:https?://|www\.)[^\s]*$")


def _written(word: str, tail: str, compounds: frozenset[str]) -> bool:
    """Whether the document writes `word`-`tail` with its hyphen inside a line, or a word of its
    family sharing the first six letters after the hyphen ("co-operation": "co-" + "operate")."""
    if len(tail) < 6:
        return f"{word}-{tail}" in compounds
    stem = f"{word}-{tail[:6]}"
    return any(compound.startswith(stem) for compound in compounds)


def _glue(left: str, right: str, joiner: str, compounds: frozenset[str] = frozenset()) -> str:
    if not left or not right:
        return ""
    if left.endswith("-") and left[-2:-1].isalpha() and right[:1].isalnum():
        word = re.split(r"[^A-Za-z-]", left)[-1][:-1].lower()
        tail = re.match(r"[A-Za-z]*", right).group(0)  # type: ignore[union-attr]  # * matches
        own = word in _KEEP_HYPHEN or tail in _COMPOUND_TAILS or _written(word, tail, compounds)
        own = own or _URL_END.search(left) is not None
        if right[:1].islower() and not own:
            return "-"  # hyphenation: the hyphen goes
        return ""  # the word's own hyphen: kept, with nothing in between
    if left[-1] in "-–" and left[-2:-1].isdigit() and right[:1].isdigit():
        return ""  # a range broken at its dash: "2001-" + "2010"
    if left[-1] == "/" or (joiner == "" and _SYMBOL_END.search(left) and right[0].isalnum()):
        return ""  # a document symbol broken across lines: "CCM/C" + "ONF/2020/12"
    if left[-1].isascii() and left[-1].isalnum() and right[0].isascii() and right[0].isalnum():
        return " "
    if UNSPACED_CHAR.match(left[-1]) or UNSPACED_CHAR.match(right[0]):
        return ""
    return joiner
