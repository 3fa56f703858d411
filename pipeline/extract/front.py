"""The first-page block: symbol, distribution, date, language, original language, job number,
meeting, session, committee, agenda item, sponsors and title."""

from __future__ import annotations

import re
from datetime import datetime

from pipeline.extract import tokens as tk
from pipeline.extract.family import PLAN, RESOLUTION, TREATY
from pipeline.extract.tokens import Token
from pipeline.languages import ORGANS, UN_LANGUAGES, LanguageTable
from pipeline.model import Metadata, NoteRef, Text
from pipeline.model.inline import join_text, parse_inline

LANGUAGE_NAMES = {name.lower(): code for code, name in UN_LANGUAGES.items()}
_ENGLISH_DATE = re.compile(r"^\d{1,2} [A-Z][a-z]+ \d{4}$")
_ORIGINAL = re.compile(r"^Original\s*:\s*(?P<lang>[A-Za-z]+)", re.IGNORECASE)
# A UN document symbol: APLC/CONF/2019/5/Add.1, CCM/MSP/2018/9; alone on its line, or after
# the organ's name in the masthead ("United Nations A/C.3/56/L.30", "联 合 国 A/C.3/56/L.30").
_SYMBOL_TEXT = r"[A-Z]{1,12}(?:/[A-Za-z0-9.()-]+)+"
_SYMBOL = re.compile(rf"^{_SYMBOL_TEXT}$")
_ORGAN_SYMBOL = re.compile(rf"^(?:{ORGANS})\s+(?P<symbol>{_SYMBOL_TEXT})$")
_DISTR = re.compile(r"^(?:.*\s)?Distr\.\s*:?\s*(?P<distribution>\w*)", re.IGNORECASE)


def read_front(tokens: list[Token], lang: LanguageTable) -> Metadata:
    meta = Metadata(language=lang.code)
    rest: list[Text] = []
    title: list[Text] = []  # what follows the sponsors' line: the title, perhaps wrapped
    for text in _join_open_brackets(tokens, lang):
        if sponsors := _sponsors(text, lang):
            meta.sponsors, text = sponsors
            meta.front.append(text)
            continue
        if _SYMBOL.match(text.text.strip()):
            # A note on the symbol ("Reissued for technical reasons") is the whole document's:
            # no unit references it.
            text = Text(text.text)
        meta.front.append(text)
        if not _read_field(meta, text.text.strip(), lang):
            (title if meta.sponsors else rest).append(text)
    if title:
        meta.title = meta.printed_title = lang.joiner.join(t.text.strip() for t in title)
        meta.agenda_title = [t.text.strip() for t in rest]
    elif rest:
        meta.title = meta.printed_title = rest[-1].text.strip()
        meta.agenda_title = [t.text.strip() for t in rest[:-1]]
    return meta


def _sponsors(text: Text, lang: LanguageTable) -> tuple[str, Text] | None:
    """A draft's sponsors ("South Africa:* draft resolution"), and the line with its note's
    marker taken out of the text and kept as a reference."""
    match = lang.sponsors.match(text.text.strip()) if lang.sponsors else None
    if match is None:
        return None
    mark = match.group("mark")
    if not mark:
        return match.group("sponsors"), text
    at = match.start("mark")
    line = text.text.strip()
    return match.group("sponsors"), Text(
        line[:at] + line[match.end("mark") :], [*text.refs, NoteRef(mark, at)]
    )


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
    elif match := _ORGAN_SYMBOL.match(plain):
        meta.symbol = match.group("symbol")
    elif match := _DISTR.match(plain):
        meta.distribution = match.group("distribution") or None
    elif tk.JOB_NUMBER.match(plain) or tk.BARCODE.match(plain):
        meta.job_number = meta.job_number or (plain if tk.JOB_NUMBER.match(plain) else None)
    elif match := lang.agenda_item.search(plain):
        meta.agenda_item = match.group("item")
    else:
        return _read_meeting_field(meta, plain, lang)
    return True


def _read_meeting_field(meta: Metadata, plain: str, lang: LanguageTable) -> bool:
    """The lines about the meeting: its dates and place, the annex, who submitted the
    document, and the meeting itself (above the agenda item only)."""
    if lang.session and (match := lang.session.match(plain)):
        meta.session = match.group("session")
    elif lang.committee and (match := lang.committee.match(plain)):
        meta.committee = match.group("committee")
    elif lang.meeting_date_place.match(plain):
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
    if family == RESOLUTION:  # the addressing line: above it, the heading block
        return next((i for i, t in enumerate(tokens) if t.kind == tk.ADDRESS), len(tokens))
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
        raw = token.raw.strip()
        # The barcode's text (*0166657*) is no note's marker.
        text = Text(raw) if token.kind == tk.FURNITURE else parse_inline(raw, docnote_tail=True)
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
    """A line that is a cited title (《关于……公约》): the treaty whose meeting this is. With
    words after the title (《行动计划》草案), the line is the document's own title."""
    marks = lang.title_marks
    return bool(marks) and text.startswith(marks[0]) and text.endswith(marks[-1])


def _iso_date(text: str) -> str | None:
    try:
        return datetime.strptime(text, "%d %B %Y").date().isoformat()
    except ValueError:
        return None
