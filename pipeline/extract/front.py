"""The first-page block: symbol, date, language, original language, meeting, agenda item, title."""

from __future__ import annotations

import re
from datetime import datetime

from pipeline.extract import tokens as tk
from pipeline.extract.family import PLAN, TREATY
from pipeline.extract.tokens import Token
from pipeline.languages import UN_LANGUAGES, LanguageTable
from pipeline.model import Metadata, Text
from pipeline.model.inline import join_text, parse_inline

LANGUAGE_NAMES = {name.lower(): code for code, name in UN_LANGUAGES.items()}
_ENGLISH_DATE = re.compile(r"^\d{1,2} [A-Z][a-z]+ \d{4}$")
_ORIGINAL = re.compile(r"^Original\s*:\s*(?P<lang>[A-Za-z]+)", re.IGNORECASE)
# A UN document symbol: APLC/CONF/2019/5/Add.1, CCM/MSP/2018/9.
_SYMBOL = re.compile(r"^[A-Z]{1,12}(?:/[A-Za-z0-9.()-]+)+$")
_DISTR = re.compile(r"^Distr\.", re.IGNORECASE)


def read_front(tokens: list[Token], lang: LanguageTable) -> Metadata:
    meta = Metadata(language=lang.code)
    rest: list[Text] = []
    for text in _join_open_brackets(tokens, lang):
        meta.front.append(text)
        if not _read_field(meta, text.text.strip(), lang):
            rest.append(text)
    if rest:
        meta.title = meta.printed_title = rest[-1].text.strip()
        meta.agenda_title = [t.text.strip() for t in rest[:-1]]
    return meta


def _read_field(meta: Metadata, plain: str, lang: LanguageTable) -> bool:
    """Put a first-page line into the field it fills; False for a line that fills none (the
    title and the agenda item's title)."""
    if _ENGLISH_DATE.match(plain):
        meta.date = _iso_date(plain)
    elif plain.lower() in LANGUAGE_NAMES:
        pass
    elif match := _ORIGINAL.match(plain):
        meta.original_language = LANGUAGE_NAMES.get(match.group("lang").lower())
    elif _SYMBOL.match(plain):
        meta.symbol = plain
    elif _DISTR.match(plain):
        pass
    elif match := lang.agenda_item.search(plain):
        meta.agenda_item = match.group("item")
    else:
        return _read_meeting_field(meta, plain, lang)
    return True


def _read_meeting_field(meta: Metadata, plain: str, lang: LanguageTable) -> bool:
    """The lines about the meeting: its dates and place, the annex, who submitted the
    document, and the meeting itself (above the agenda item only)."""
    if lang.meeting_date_place.match(plain):
        meta.meeting_date_place = plain
    elif lang.annex.match(plain):
        meta.annex = plain
    elif lang.submitted_by.search(plain):
        meta.submitted_by = plain
    elif meta.agenda_item is None and (lang.meeting.search(plain) or _opens_title(plain, lang)):
        meta.meeting.append(plain)
    else:
        return False
    return True


BODY_START = {tk.SECTION, tk.PARA, tk.ACTION, tk.ACTION_INLINE, tk.BULLET}


def body_start(tokens: list[tk.Token], language: LanguageTable, family: str = PLAN) -> int:
    """Index of the first body token; what comes before is the first-page block."""
    if family == TREATY:
        return _treaty_body_start(tokens, language)
    for index, token in enumerate(tokens):
        if _opens_body_unnumbered(tokens, index, language):
            return index
        if token.kind in BODY_START or token.md_heading:
            # "导言" over paragraph 1: an unnumbered chapter heading, when a title stands above.
            previous = tokens[index - 1] if index >= 2 else None
            if (
                token.kind != tk.SECTION
                and previous is not None
                and previous.kind == tk.TEXT
                and len(previous.text.text) <= language.max_heading // 2
                and not previous.ends_sentence(language.terminal)
            ):
                return index - 1
            return index
    # No structure at all: the body is its prose, from the first sentence on.
    return next(
        (
            index
            for index, token in enumerate(tokens)
            if token.kind == tk.TEXT and token.ends_sentence(language.terminal)
        ),
        len(tokens),
    )


def _treaty_body_start(tokens: list[tk.Token], language: LanguageTable) -> int:
    """Where the preamble opens ("WE THE PEOPLES", "本公约缔约国"), else the first chapter or
    article: above it, the first-page block and the title."""
    opening = language.preamble_opening
    for index, token in enumerate(tokens):
        if opening is not None and token.kind == tk.TEXT and opening.match(token.text.text):
            return index
        if token.kind in (tk.CHAPTER, tk.ARTICLE):
            return index
    return len(tokens)


def _opens_body_unnumbered(tokens: list[tk.Token], index: int, language) -> bool:
    """ "INTRODUCTION" followed by prose, above the first numbered chapter."""
    pattern = language.front_heading
    if pattern is None or index == 0 or index + 1 >= len(tokens):
        return False
    following = tokens[index + 1]
    return (
        tokens[index].kind == tk.TEXT
        and bool(pattern.match(tokens[index].text.text))
        and following.kind == tk.TEXT
        and len(following.text.text) >= 40
    )


def _join_open_brackets(tokens: list[Token], lang: LanguageTable) -> list[Text]:
    """A title wrapped over two lines leaves a bracket open: 《关于……转让 / 杀伤……公约》."""
    lines: list[Text] = []
    for token in tokens:
        text = parse_inline(token.raw.strip(), docnote_tail=True)
        if lines and _open_brackets(lines[-1].text, lang):
            lines[-1] = join_text(lines[-1], text, lang.joiner)
        else:
            lines.append(text)
    return lines


def _open_brackets(text: str, lang: LanguageTable) -> bool:
    pairs = [("(", ")")]
    if lang.title_marks:
        pairs.insert(0, (lang.title_marks[0], lang.title_marks[-1]))
    return any(text.count(opener) > text.count(closer) for opener, closer in pairs)


def _opens_title(text: str, lang: LanguageTable) -> bool:
    """A line that starts with a cited title (《关于……公约》): a meeting of that treaty."""
    return bool(lang.title_marks) and text.startswith(lang.title_marks[0])


def _iso_date(text: str) -> str | None:
    try:
        return datetime.strptime(text, "%d %B %Y").date().isoformat()
    except ValueError:
        return None
