"""Indicator tables: `action<TAB>indicators` rows, keyed by action number.

Rows continue across pages (the action text or the indicator list is cut and resumes in
the next row, under a repeated header row); sub-items have rows of their own (`a) …`);
group labels (`执行《公约》的最佳做法`) head a run of rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.extract.tokens import ROW, Token
from pipeline.languages import LanguageTable
from pipeline.model import Text
from pipeline.model.inline import join_text, parse_inline

ACTION_ROW = "action"
SUBITEM_ROW = "subitem"
GROUP_ROW = "group"

_BULLETS = re.compile(r"\s*[•·▪●]\s*")


@dataclass
class TableRow:
    kind: str
    line: int
    text: Text
    num: str | None = None  # action number, or sub-item letter
    indicators: list[Text] = field(default_factory=list)


def parse_rows(tokens: list[Token], lang: LanguageTable) -> list[TableRow]:
    """Rows from the table's tokens; each cell after the first holds one or more indicators
    (a reader that saw where a cell's items begin gives each its own cell)."""
    rows: list[TableRow] = []
    for token in tokens:
        if token.kind != ROW:
            continue
        action_cell = token.cells[0] if token.cells else ""
        indicator_cells = [cell for cell in token.cells[1:] if cell.strip()]
        indicator_cell = indicator_cells[0] if indicator_cells else ""
        indicators = [
            parse_inline(t) for cell in indicator_cells for t in split_indicators(cell, lang)
        ]
        row = _new_row(action_cell, token.line, lang)
        previous = rows[-1] if rows else None
        if row is None and previous is not None and _is_cut(previous, action_cell, lang):
            opens_item = bool(_BULLETS.match(indicator_cell))
            _continue_row(previous, parse_inline(action_cell), indicators, opens_item, lang)
            continue
        if row is None:
            row = TableRow(GROUP_ROW, token.line, parse_inline(action_cell))
        row.indicators = indicators
        rows.append(row)
    return rows


def _new_row(cell: str, line: int, lang: LanguageTable) -> TableRow | None:
    if match := lang.paragraph.match(cell):
        return TableRow(ACTION_ROW, line, parse_inline(match.group("text")), match.group("num"))
    if match := lang.subitem.match(cell):
        letter = match.group("l1") or match.group("l2")
        return TableRow(SUBITEM_ROW, line, parse_inline(match.group("text")), letter)
    return None


def _is_cut(previous: TableRow, cell: str, lang: LanguageTable) -> bool:
    """An unnumbered row continues the one before when that one stopped mid-sentence."""
    return not cell or previous.text.text.rstrip()[-1:] not in lang.terminal


def _continue_row(
    row: TableRow, text: Text, indicators: list[Text], opens_item: bool, lang: LanguageTable
) -> None:
    """A row cut by a page break: its text, and its last indicator unless the continued
    cell opens with a bullet of its own, resume here."""
    if text.text:
        row.text = join_text(row.text, text, lang.joiner)
    cut = row.indicators and row.indicators[-1].text[-1:] not in lang.terminal
    if indicators and cut and not opens_item:
        row.indicators[-1] = join_text(row.indicators[-1], indicators.pop(0), lang.joiner)
    row.indicators.extend(indicators)


def split_indicators(cell: str, lang: LanguageTable) -> list[str]:
    """One indicator per bullet; without bullets, one per clause the language's list
    separator (；) ends, outside brackets."""
    cell = cell.strip()
    if not cell:
        return []
    if _BULLETS.search(cell):
        return [part.strip() for part in _BULLETS.split(cell) if part.strip()]
    parts: list[str] = []
    depth = 0
    start = 0
    for index, char in enumerate(cell):
        if char in lang.brackets_open:
            depth += 1
        elif char in lang.brackets_close:
            depth = max(0, depth - 1)
        elif char in lang.list_separators and depth == 0:
            parts.append(cell[start : index + 1].strip())
            start = index + 1
    parts.append(cell[start:].strip())
    return [part for part in parts if part]
