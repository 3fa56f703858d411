"""Punctuation: half-width marks in Chinese running text, repeated marks, unbalanced
brackets and quotation marks."""

from __future__ import annotations

import re
from collections import defaultdict

from pipeline.languages import LanguageTable, table
from pipeline.model import Document
from pipeline.model.findings import Finding
from pipeline.qa.common import TextUnit, finding, script_text, units
from pipeline.qa.latin import APOSTROPHE

HALF_WIDTH, REPEATED_CHECK, BRACKETS = "half-width", "repeated-punctuation", "brackets"
SNIPPET = 8  # characters shown with a lone bracket as its evidence


def half_width(doc: Document) -> list[Finding]:
    """Half-width marks where the language writes them full width (Chinese): one finding per
    unit and mark, the first place, and how many there are."""
    language = table(doc.meta.language)
    pattern = language.half_width_after_script
    if pattern is None:
        return []
    found = []
    for unit in script_text(doc):
        by_mark = defaultdict(list)
        for match in pattern.finditer(unit.text.text):
            by_mark[match.group()[-1]].append(match)
        for mark, matches in sorted(by_mark.items()):
            times = f" ({len(matches)} times in this unit)" if len(matches) > 1 else ""
            first = matches[0]
            found.append(
                finding(
                    unit,
                    HALF_WIDTH,
                    "warning",
                    f"half-width ‘{mark}’ in {language.name} text: use "
                    f"‘{language.full_width[mark]}’{times}",
                    first.start(),
                    first.end(),
                )
            )
    return found


def repeated(doc: Document) -> list[Finding]:
    pattern = table(doc.meta.language).repeated_punctuation
    if pattern is None:
        return []
    return [
        finding(
            unit,
            REPEATED_CHECK,
            "warning",
            f"repeated punctuation ‘{match.group()}’",
            match.start(),
            match.end(),
        )
        for unit in units(doc)
        for match in pattern.finditer(unit.text.text)
    ]


def brackets(doc: Document) -> list[Finding]:
    language = table(doc.meta.language)
    if not language.bracket_pairs:
        return []
    found = []
    for unit in units(doc):
        found += [_lone(unit, position, opened) for position, opened in _unbalanced(unit, language)]
        found += _straight_quotes(unit)
    return found


def _blank_list_marker(marker: re.Match, closers: dict[str, str]) -> str:
    """A list marker ("1)", "a)") closes no bracket, unless one is open ("(part 1)")."""
    before = marker.string[: marker.start()]
    closer = marker.group()[-1]
    opener = closers.get(closer, "")
    if opener and before.count(opener) > before.count(closer):
        return marker.group()
    return " " * len(marker.group())


def _unbalanced(unit: TextUnit, language: LanguageTable) -> list[tuple[int, bool]]:
    """Positions of the marks without partner, and whether each is an opener."""
    pairs = language.bracket_pairs
    closers = {closer: opener for opener, closer in pairs.items()}
    text = unit.text.text
    if language.list_marker is not None:
        text = language.list_marker.sub(lambda m: _blank_list_marker(m, closers), text)
    text = APOSTROPHE.sub(" ", text)
    stack: list[tuple[str, int]] = []
    lone: list[tuple[int, bool]] = []
    for position, char in enumerate(text):
        if char in pairs:
            stack.append((char, position))
        elif char in closers:
            opener = closers[char]
            if not any(mark == opener for mark, _ in stack):
                lone.append((position, False))
                continue
            while stack[-1][0] != opener:
                lone.append((stack.pop()[1], True))
            stack.pop()
    lone += [(position, True) for _, position in stack]
    return sorted(lone)


def _lone(unit: TextUnit, position: int, opened: bool) -> Finding:
    text = unit.text.text
    mark = text[position]
    if opened:
        message = f"‘{mark}’ is never closed"
        start, end = position, min(len(text), position + SNIPPET)
    else:
        message = f"‘{mark}’ closes nothing"
        start, end = max(0, position - SNIPPET + 1), position + 1
    return finding(unit, BRACKETS, "warning", message, start, end)


def _straight_quotes(unit: TextUnit) -> list[Finding]:
    text = unit.text.text
    if text.count('"') % 2 == 0:
        return []
    last = text.rindex('"')
    return [
        finding(
            unit,
            BRACKETS,
            "warning",
            'odd number of ‘"’: a quotation is never closed',
            last,
            last + 1,
        )
    ]
