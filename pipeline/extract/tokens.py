"""Lines to tokens: each line classified by the language table, wrapped lines joined.

A token is one logical line: a chapter heading, a numbered paragraph, an action, a bullet,
a footnote definition, a table row, or plain text; in a treaty, a chapter, an article's label,
its numbered paragraphs and lettered sub-paragraphs. Which patterns apply depends on the
document's family (`family.py`): `一、` opens a section of a plan, a paragraph of a treaty.
Joining undoes what conversion did: hard wraps inside a sentence and paragraphs broken across
pages are put back together here, before any structure is built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from pipeline.extract.family import PLAN, RESOLUTION, TREATY, opens_preamble
from pipeline.languages import LanguageTable
from pipeline.model import Text
from pipeline.model.inline import FROM_SUPERSCRIPT, SUPERSCRIPT_DIGITS, join_text, parse_inline
from pipeline.readers.text import Line

_STAR_BULLET = re.compile(r"^\*\s+(?P<text>\S.*)$")
# A raised marker alone is a note left empty (a word processor's footnote with no text).
_FOOTNOTE_DEF = re.compile(f"^(?P<n>[{SUPERSCRIPT_DIGITS}]+)(?:\\s*(?P<text>\\S.*))?$")
_DOCNOTE_DEF = re.compile(r"^(?P<n>\*{1,3})\s+(?P<text>\S.*)$")
# A footnote's definition as conversion leaves it at the page foot: "1 A/CONF.191/11." (read so
# in resolutions, whose operative paragraphs are "1." with a full stop).
_FOOTNOTE_PLAIN = re.compile(r"^(?P<n>\d{1,2})\s+(?P<text>\S.*)$")
# Page furniture in the text: the job number ("01-66657 (E) 291101") and the barcode's text.
JOB_NUMBER = re.compile(r"^(?:GE\.)?\d{2}-\d{4,6}(?:\s*\([A-Z]\))?(?:\s+\d{6}){0,2}$")
BARCODE = re.compile(r"^\*\d{7,8}\*$")
_DIGITS_ALONE = re.compile(r"^\d{1,2}$")

# Kinds of token.
SECTION = "section"
FURNITURE = "furniture"  # the job number, the barcode's text: metadata, not text
ADDRESS = "address"  # a resolution's addressing line: The General Assembly,
CHAPTER = "chapter"  # of a treaty
ARTICLE = "article"  # an article's label line
PARA = "para"
ACTION = "action"  # heading line, text follows
ACTION_INLINE = "action-inline"
INDICATORS = "indicators"
BULLET = "bullet"
SUBITEM = "subitem"
FOOTNOTE = "footnote"
DOCNOTE = "docnote"
APPENDIX = "appendix"
TABLE_HEADER = "table-header"
ROW = "row"
TEXT = "text"

# Kinds whose text a wrapped continuation line belongs to.
CONTINUABLE = {PARA, ACTION_INLINE, BULLET, SUBITEM, TEXT, FOOTNOTE, DOCNOTE}


@dataclass(slots=True)
class Token:
    kind: str
    line: int
    text: Text = field(default_factory=lambda: Text(""))
    num: str | None = None  # section/paragraph/action number, sub-item letter, note mark
    cells: list[str] = field(default_factory=list)  # table rows
    md_heading: bool = False
    open_end: bool = False  # the source line did not end in blanks (wrap mode)
    raw: str = ""  # the cleaned source line as a whole
    indented: bool = False  # the source line started with blanks (a first-line indent)
    after_blank: bool = False  # a blank line stood before it

    @property
    def number(self) -> str:
        """The number of a numbered token (section, paragraph, action, note)."""
        if self.num is None:
            raise ValueError(f"line {self.line}: a {self.kind} line without its number")
        return self.num

    def ends_sentence(self, terminal: str) -> bool:
        stripped = self.text.text.rstrip()
        return bool(stripped) and stripped[-1] in terminal


WHOLE_LINE = "*"  # a token whose text is its whole line (a chapter's, an article's label)
Patterns = list[tuple[str, "re.Pattern[str] | None", str | None]]
# The groups a number, letter or mark is taken from, in the order `_number` asks them; those
# of a letter are written in Latin script (子 → a).
NUMBER_GROUPS = ("num", "n", "l1", "l2", "letter", "dotted")
LETTER_GROUPS = ("letter", "dotted")


@dataclass(frozen=True, slots=True)
class _Found:
    """What the k-th pattern makes of a line, by the names its groups have in `_first_of`."""

    kind: str
    text_group: str | None  # the group of the token's text, WHOLE_LINE, or None (no text)
    number_groups: tuple[tuple[str, bool], ...]  # (group, holds a letter), as `_number` asks


_PATTERNS: dict[tuple[str, bool, str], tuple[list[_Found | None], re.Pattern[str]]] = {}
_GROUP_NAME = re.compile(r"\(\?P<(\w+)>")


def _patterns(
    lang: LanguageTable, star_notes: bool, family: str
) -> tuple[list[_Found | None], re.Pattern[str]]:
    """What each pattern finds (None: a pattern the language lacks), in the order they are
    tried, and `_first_of` them; made once per language, note convention and family
    (classify asks for every line)."""
    key = (lang.code, star_notes, family)
    if key not in _PATTERNS:
        patterns = _make_patterns(lang, star_notes, family)
        _PATTERNS[key] = [_found(k, *p) for k, p in enumerate(patterns)], _first_of(patterns)
    return _PATTERNS[key]


def _found(k: int, kind: str, pattern: re.Pattern[str] | None, group: str | None) -> _Found | None:
    if pattern is None:
        return None
    numbers = tuple(
        (f"{name}_{k}", name in LETTER_GROUPS)
        for name in NUMBER_GROUPS
        if name in pattern.groupindex
    )
    text_group = group if group in (None, WHOLE_LINE) else f"{group}_{k}"
    return _Found(kind, text_group, numbers)


def _first_of(patterns: Patterns) -> re.Pattern[str]:
    """One pattern for all of them, which tells in one search which is the first to match a
    line: the group `_k` holds the k-th, its own groups renamed `name_k` (two may share a
    name; none refers back to a group)."""
    alternatives = []
    for k, (_, pattern, _) in enumerate(patterns):
        if pattern is None:
            continue
        source = _GROUP_NAME.sub(rf"(?P<\1_{k}>", pattern.pattern)
        flags = "i" if pattern.flags & re.IGNORECASE else ""
        alternatives.append(f"(?P<_{k}>(?{flags}:{source}))" if flags else f"(?P<_{k}>{source})")
    return re.compile("|".join(alternatives))


def _make_patterns(lang: LanguageTable, star_notes: bool, family: str) -> Patterns:
    furniture: Patterns = [(FURNITURE, JOB_NUMBER, WHOLE_LINE), (FURNITURE, BARCODE, WHOLE_LINE)]
    star = (DOCNOTE, _DOCNOTE_DEF, "text") if star_notes else (BULLET, _STAR_BULLET, "text")
    if family == TREATY:
        structure: Patterns = [
            (CHAPTER, lang.chapter, WHOLE_LINE),
            (ARTICLE, lang.article_head, WHOLE_LINE),
            (PARA, lang.article_paragraph, "text"),
            (SUBITEM, lang.article_subitem, "text"),
        ]
    elif family == RESOLUTION:
        structure = [
            (ADDRESS, lang.addressing, WHOLE_LINE),
            (SECTION, lang.section, "head"),
            (PARA, lang.paragraph, "text"),
            (SUBITEM, lang.subitem, "text"),
            (FOOTNOTE, _FOOTNOTE_PLAIN, "text"),
        ]
        star = (DOCNOTE, _DOCNOTE_DEF, "text")  # "Freedonia:*": a note on the sponsors
    else:
        structure = [
            (SECTION, lang.section, "head"),
            (ACTION_INLINE, lang.action_inline, "text"),
            (ACTION, lang.action_line, None),
            (PARA, lang.paragraph, "text"),
            (SUBITEM, lang.subitem, "text"),
        ]
    return [
        *furniture,
        *structure,
        (FOOTNOTE, _FOOTNOTE_DEF, "text"),
        star,
        (BULLET, lang.bullet, "text"),
    ]


def classify(
    line: Line, lang: LanguageTable, patterns: list[_Found | None], first_of: re.Pattern[str]
) -> Token:
    """The line's token: `patterns` and `first_of` are `_patterns`' for the document."""
    raw = line.text
    if "\t" in raw:
        if lang.table_header.match(raw):
            return _token(line, TABLE_HEADER, Text(""))
        token = _token(line, ROW, Text(""))
        token.cells = [c.strip() for c in raw.split("\t")]
        return token
    text = raw.strip()
    match = first_of.match(text)
    if match is None:
        kind = (
            INDICATORS
            if lang.indicators_head.match(text)
            else APPENDIX
            if lang.appendix.match(text)
            else TEXT
        )
        return _token(line, kind, _inline(text))
    found = patterns[int(match.lastgroup[1:])]  # type: ignore[index]
    assert found is not None  # `_first_of` holds only the patterns there are
    num = _number(match, found, lang)
    if found.kind == FOOTNOTE:
        num = (num or "").translate(FROM_SUPERSCRIPT)
    group = found.text_group
    piece = text if group == WHOLE_LINE else ((match.group(group) or "") if group else "")
    return _token(line, found.kind, _inline(piece), num)


def _token(line: Line, kind: str, text: Text, num: str | None = None) -> Token:
    # Every line makes one, and a dataclass's keywords and default factories cost: the
    # fields are given in order, the text and cells made by the caller.
    return Token(kind, line.no, text, num, [], line.md_heading, False, line.text, line.indented)


def _inline(text: str) -> Text:
    """`parse_inline`'s: a line in ASCII holds no superscript marker, and most lines of an
    English document are (every line goes through here, and the search takes time)."""
    return Text(text, []) if text.isascii() else parse_inline(text)


def _number(match: re.Match[str], found: _Found, lang: LanguageTable) -> str | None:
    """The number, letter or mark the pattern found; a letter in Latin script (子 → a)."""
    for group, letter in found.number_groups:
        value = match.group(group)
        if value:
            return lang.item_letters.get(value, value) if letter else value
    return None


def tokenize(lines: list[Line], lang: LanguageTable, family: str = PLAN) -> list[Token]:
    """Classify the non-blank lines; nothing is joined yet (see `join_continuations`)."""
    content = [line for line in lines if line.text]
    star_notes = uses_star_notes(content)
    wrap_mode = is_wrap_mode(content, lang)
    patterns, first_of = _patterns(lang, star_notes, family)
    tokens = [classify(line, lang, patterns, first_of) for line in content]
    blank_before = {later.no for earlier, later in pairwise(lines) if not earlier.text}
    for token, line in zip(tokens, content, strict=True):
        token.open_end = wrap_mode and not line.trailing_space
        token.after_blank = line.no in blank_before
    return tokens


def join_continuations(tokens: list[Token], lang: LanguageTable, family: str = PLAN) -> list[Token]:
    """Join each wrapped or page-broken piece of body text to the token it continues."""
    joined: list[Token] = []
    for token in tokens:
        if token.kind == FURNITURE:  # a page's footer between two halves of a paragraph
            continue
        target = _continued_token(joined, token, lang, family)
        if target is None:
            joined.append(token)
            continue
        if family == RESOLUTION and _DIGITS_ALONE.match(token.text.text):
            # A footnote's reference wrapped onto a line of its own: glued to what it follows.
            target.text = Text(target.text.text + token.text.text, target.text.refs)
        else:
            target.text = join_text(target.text, token.text, lang.joiner)
        target.open_end = token.open_end
    return joined


def _continued_token(
    tokens: list[Token], token: Token, lang: LanguageTable, family: str
) -> Token | None:
    """The earlier token that `token` continues, if it is a wrapped or page-broken piece."""
    if token.kind != TEXT or token.md_heading or not tokens:
        return None
    if family != PLAN and opens_paragraph(tokens[-1], token, lang):
        return None
    if family == RESOLUTION and _opens_preambular(tokens[-1], token, lang):
        return None
    # Footnote definitions that landed between the two halves of a paragraph are skipped.
    index = len(tokens) - 1
    while index > 0 and tokens[index].kind in (FOOTNOTE, DOCNOTE) and not tokens[index].open_end:
        index -= 1
    previous = tokens[index]
    if previous.kind not in CONTINUABLE:
        return None
    if previous.open_end:
        return previous
    if previous.ends_sentence(lang.terminal):
        return None
    if family != RESOLUTION and is_heading(tokens, index, lang):  # a resolution has none
        return None
    return previous


def opens_paragraph(previous: Token, token: Token, lang: LanguageTable) -> bool:
    """Where the layout says a paragraph starts though the line before ends mid-sentence: an
    indented line, a line after a blank one, the line after an enumeration's item (`; and`)
    or after a line in capitals (WE THE PEOPLES OF THE UNITED NATIONS DETERMINED)."""
    before = previous.text.text.rstrip()
    if token.indented or token.after_blank:
        return True
    if lang.item_ending is not None and lang.item_ending.search(before):
        return True
    return any(ch.isalpha() for ch in before) and before == before.upper() != before.lower()


def _opens_preambular(previous: Token, token: Token, lang: LanguageTable) -> bool:
    """A preambular paragraph's opening ("Recalling", "回顾") after one that ended with a
    comma (or after the addressing line)."""
    before = previous.text.text.rstrip().rstrip("0123456789")  # a glued reference aside
    ended = previous.kind == ADDRESS or (bool(before) and before[-1] in lang.preambular_endings)
    return ended and opens_preamble(token.text.text, lang)


def is_heading(tokens: list[Token], index: int, lang: LanguageTable) -> bool:
    """A short plain line after a finished sentence (or a heading) is a heading itself."""
    token = tokens[index]
    if token.kind != TEXT:
        return False
    if token.md_heading:
        return True
    text = token.text.text
    if len(text) > lang.max_heading or token.ends_sentence(lang.terminal):
        return False
    if index == 0:
        return True
    before = tokens[index - 1]
    if before.kind == ACTION:  # "Action #1" on its own line: what follows is its text
        return False
    return before.kind not in CONTINUABLE or before.ends_sentence(lang.terminal)


def uses_star_notes(lines: list[Line]) -> bool:
    """`*` lines are document notes (not bullets) when `**` notes are present too."""
    return any(re.match(r"^\*\*\s+\S", line.text) for line in lines)


def is_wrap_mode(lines: list[Line], lang: LanguageTable) -> bool:
    """PDF text layers end each paragraph with blanks and each wrapped line without.

    When sentence-final lines mostly end in blanks, a line without them is a wrap even if
    it happens to end with a full stop.
    """
    finals = [line for line in lines if line.text[-1] in lang.terminal]
    if len(finals) < 5:
        return False
    with_blank = sum(1 for line in finals if line.trailing_space)
    open_lines = sum(
        1 for line in lines if not line.trailing_space and line.text[-1] not in lang.terminal
    )
    return with_blank / len(finals) > 0.7 and open_lines >= 5
