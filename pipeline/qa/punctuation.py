"""Punctuation: half-width marks in Chinese running text, repeated marks, unbalanced
brackets and quotation marks."""

from __future__ import annotations

from collections import defaultdict

from pipeline.model import Document
from pipeline.qa.common import Unit, chinese_running_text, finding, units
from pipeline.qa.findings import Finding
from pipeline.qa.tables import (
    APOSTROPHE,
    FULL_WIDTH,
    HALF_WIDTH_AFTER_HAN,
    LIST_MARKER,
    PAIRS,
    REPEATED,
)

HALF_WIDTH, REPEATED_CHECK, BRACKETS = "half-width", "repeated-punctuation", "brackets"
SNIPPET = 8  # characters shown with a lone bracket as its evidence


def half_width(doc: Document) -> list[Finding]:
    """One finding per unit and mark: the first place, and how many there are."""
    found = []
    for unit in chinese_running_text(doc):
        by_mark = defaultdict(list)
        for match in HALF_WIDTH_AFTER_HAN.finditer(unit.text.text):
            by_mark[match.group()[-1]].append(match)
        for mark, matches in sorted(by_mark.items()):
            times = f" ({len(matches)} times in this unit)" if len(matches) > 1 else ""
            first = matches[0]
            found.append(finding(unit, HALF_WIDTH, "warning",
                                 f"half-width ‘{mark}’ in Chinese text: use ‘{FULL_WIDTH[mark]}’"
                                 f"{times}", first.start(), first.end()))
    return found


def repeated(doc: Document) -> list[Finding]:
    pattern = REPEATED.get(doc.meta.language)
    if pattern is None:
        return []
    return [finding(unit, REPEATED_CHECK, "warning", f"repeated punctuation ‘{match.group()}’",
                    match.start(), match.end())
            for unit in units(doc) for match in pattern.finditer(unit.text.text)]


def brackets(doc: Document) -> list[Finding]:
    pairs = PAIRS.get(doc.meta.language)
    if pairs is None:
        return []
    found = []
    for unit in units(doc):
        found += [_lone(unit, position, opened) for position, opened in _unbalanced(unit, pairs)]
        found += _straight_quotes(unit)
    return found


def _unbalanced(unit: Unit, pairs: dict[str, str]) -> list[tuple[int, bool]]:
    """Positions of the marks without partner, and whether each is an opener."""
    closers = {closer: opener for opener, closer in pairs.items()}
    text = APOSTROPHE.sub(" ", LIST_MARKER.sub(lambda m: " " * len(m.group()), unit.text.text))
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


def _lone(unit: Unit, position: int, opened: bool) -> Finding:
    text = unit.text.text
    mark = text[position]
    if opened:
        message = f"‘{mark}’ is never closed"
        start, end = position, min(len(text), position + SNIPPET)
    else:
        message = f"‘{mark}’ closes nothing"
        start, end = max(0, position - SNIPPET + 1), position + 1
    return finding(unit, BRACKETS, "warning", message, start, end)


def _straight_quotes(unit: Unit) -> list[Finding]:
    text = unit.text.text
    if text.count('"') % 2 == 0:
        return []
    last = text.rindex('"')
    return [finding(unit, BRACKETS, "warning", "odd number of ‘\"’: a quotation is never closed",
                    last, last + 1)]
