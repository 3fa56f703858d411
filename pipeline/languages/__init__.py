"""Per-language knowledge as small tables of patterns; code elsewhere never branches on language."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class LanguageTable:
    code: str
    # A chapter heading: group "num" (as printed) and "head".
    section: re.Pattern[str]
    # A numbered paragraph: groups "num" and "text".
    paragraph: re.Pattern[str]
    # An action heading alone on its line ("行动 1", "Action #1"), group "num".
    action_line: re.Pattern[str]
    # An action with its text on the same line ("行动 #1: ...", "Action 4.1 – ..."): "num", "text".
    action_inline: re.Pattern[str]
    # A numbered paragraph that is itself an action (Maputo style), tested on its text.
    paragraph_action: re.Pattern[str] | None
    # The line that opens an action's indicator list.
    indicators_head: re.Pattern[str]
    # A lettered sub-item "(a) ..." or "a) ...": groups "letter" and "text".
    subitem: re.Pattern[str]
    # An appendix heading.
    appendix: re.Pattern[str]
    # The header row of an indicator table (tab-separated).
    table_header: re.Pattern[str]
    # A line that names who submitted the document.
    submitted_by: re.Pattern[str]
    # Annex label above the title ("附件二", "Annex II").
    annex: re.Pattern[str]
    # Agenda item: group "item".
    agenda_item: re.Pattern[str]
    # Meeting lines in the front matter.
    meeting: re.Pattern[str]
    # Meeting dates and place ("2024年9月18日，日内瓦").
    meeting_date_place: re.Pattern[str]
    # Sentence-final punctuation: a block that does not end with one continues on the next line.
    terminal: str
    # How two pieces of one wrapped line are joined: "" (Chinese) or " " (English).
    joiner: str
    # Longest line (in characters) still taken for a heading.
    max_heading: int
    # An unnumbered chapter heading that can open the body above the first numbered chapter
    # ("INTRODUCTION"); taken as such only when prose follows it.
    front_heading: re.Pattern[str] | None = None


def table(code: str) -> LanguageTable:
    from pipeline.languages import en, zh

    tables = {"zh": zh.TABLE, "en": en.TABLE}
    if code not in tables:
        raise KeyError(f"no language table for {code!r} (known: {', '.join(sorted(tables))})")
    return tables[code]


LANGUAGES = ("zh", "en")


def guess_language(text: str) -> str:
    """Chinese when Han characters make up a fair share of the letters, else English."""
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    letters = sum(1 for ch in text if ch.isalpha())
    return "zh" if letters and han / letters > 0.2 else "en"
