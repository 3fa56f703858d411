"""English: numbering, punctuation, words, numbers and sentences of UN English documents."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from pipeline.languages.language import LanguageTable
from pipeline.languages.numerals import DIGITS, digit_value, from_roman

LATIN = "A-Za-z\u00c0-\u024f"
WORD = re.compile(r"\d+(?:[.,]\d+)*|[A-Za-z]+(?:-[A-Za-z]+)*(?:['’][A-Za-z]+)?")
CONTRACTION = re.compile(r"['’](s|t|ll|d|m|re|ve)$")

STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "either",
        "else",
        "ever",
        "every",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "let",
        "may",
        "me",
        "might",
        "more",
        "most",
        "must",
        "my",
        "myself",
        "neither",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "shall",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "upon",
        "us",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "whose",
        "why",
        "will",
        "with",
        "within",
        "without",
        "would",
        "yet",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "one",
        "s",
        "t",
        "d",
        "ll",
        "m",
        "re",
        "ve",
        "don",
        "didn",
        "doesn",
        "isn",
        "wasn",
        "weren",
        "aren",
        "won",
        "wouldn",
        "couldn",
        "shouldn",
        "hadn",
        "hasn",
        "haven",
    ]
)

IRREGULAR = dict(
    pair.split(":")
    for pair in [
        "said:say",
        "says:say",
        "went:go",
        "gone:go",
        "goes:go",
        "came:come",
        "saw:see",
        "seen:see",
        "took:take",
        "taken:take",
        "gave:give",
        "given:give",
        "got:get",
        "gotten:get",
        "made:make",
        "knew:know",
        "known:know",
        "thought:think",
        "told:tell",
        "found:find",
        "felt:feel",
        "left:leave",
        "kept:keep",
        "brought:bring",
        "bought:buy",
        "caught:catch",
        "taught:teach",
        "fought:fight",
        "sought:seek",
        "stood:stand",
        "understood:understand",
        "sat:sit",
        "ran:run",
        "began:begin",
        "begun:begin",
        "held:hold",
        "heard:hear",
        "met:meet",
        "lost:lose",
        "paid:pay",
        "sent:send",
        "spent:spend",
        "built:build",
        "meant:mean",
        "led:lead",
        "read:read",
        "wrote:write",
        "written:write",
        "spoke:speak",
        "spoken:speak",
        "broke:break",
        "broken:break",
        "chose:choose",
        "chosen:choose",
        "fell:fall",
        "fallen:fall",
        "drove:drive",
        "driven:drive",
        "ate:eat",
        "eaten:eat",
        "drank:drink",
        "drunk:drink",
        "rode:ride",
        "ridden:ride",
        "rose:rise",
        "risen:rise",
        "threw:throw",
        "thrown:throw",
        "grew:grow",
        "grown:grow",
        "flew:fly",
        "flown:fly",
        "wore:wear",
        "worn:wear",
        "tore:tear",
        "torn:tear",
        "hid:hide",
        "hidden:hide",
        "bit:bite",
        "bitten:bite",
        "struck:strike",
        "stuck:stick",
        "swung:swing",
        "hung:hang",
        "slept:sleep",
        "wept:weep",
        "crept:creep",
        "swept:sweep",
        "lay:lie",
        "lain:lie",
        "laid:lay",
        "dug:dig",
        "shook:shake",
        "shaken:shake",
        "woke:wake",
        "forgot:forget",
        "forgotten:forget",
        "became:become",
        "sang:sing",
        "sung:sing",
        "rang:ring",
        "won:win",
        "shot:shoot",
        "fed:feed",
        "bled:bleed",
        "fled:flee",
        "slid:slide",
        "lit:light",
        "sold:sell",
        "dealt:deal",
        "burnt:burn",
        "learnt:learn",
        "men:man",
        "women:woman",
        "children:child",
        "feet:foot",
        "teeth:tooth",
        "mice:mouse",
        "people:person",
        "better:good",
        "best:good",
        "worse:bad",
        "worst:bad",
    ]
)


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude English stem: study, studies, studied, studying → studi."""
    word = IRREGULAR.get(word, word)
    if len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "i"
    elif word.endswith("ing") and len(word) > 5:
        word = word[:-3]
    elif word.endswith(("ed", "es")) and len(word) > 4:
        word = word[:-2]
    elif word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if word.endswith("ly") and len(word) > 5:
        word = word[:-2]
    if word[-1] in "ey" and len(word) > 3:
        word = word[:-1] + ("i" if word[-1] == "y" else "")
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]
    return word


UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORDINAL_UNITS = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
ORDINAL_TENS = [
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
]
MONTH_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
# "one" and "zero" are mostly not numbers in running text.
NUMBER_WORDS = {w: str(v) for v, w in enumerate(UNITS) if v > 1}
NUMBER_WORDS |= {w: str(20 + 10 * k) for k, w in enumerate(TENS)}
ORDINALS = {w: str(v) for v, w in enumerate(ORDINAL_UNITS) if v > 0}
ORDINALS |= {w: str(20 + 10 * k) for k, w in enumerate(ORDINAL_TENS)}
MONTHS = {name: str(k + 1) for k, name in enumerate(MONTH_NAMES)}
DATE = re.compile(r"(?i)\b(\d{1,2})\s+(%s)\b|\b(%s)\s+(\d{1,2})\b" % (("|".join(MONTHS),) * 2))


def number_value(token: str) -> str | None:
    """`1,000` → `1000`, `3.50` → `3.5`, `fifth` / `twenty-second` → `5` / `22`; else None."""
    if token[0].isdigit():
        return digit_value(token)
    parts = token.lower().split("-")
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[0].endswith("ty"):
        tail = (
            NUMBER_WORDS.get(parts[1])
            or ORDINALS.get(parts[1])
            or ("1" if parts[1] == "one" else None)
        )
        return str(int(NUMBER_WORDS[parts[0]]) + int(tail)) if tail else None
    if len(parts) == 2 and parts[0] in NUMBER_WORDS:  # "three-year", "five-member"
        return NUMBER_WORDS[parts[0]]
    return NUMBER_WORDS.get(parts[0]) or ORDINALS.get(parts[0]) if len(parts) == 1 else None


# A number spelled out with its scale words: "one thousand nine hundred and forty-five".
_SMALL = {w: v for v, w in enumerate(UNITS)} | {w: 20 + 10 * k for k, w in enumerate(TENS)}
_SCALE_WORDS = {"hundred": 100, "thousand": 1000, "million": 10**6}
_NUMBER_WORD = "|".join(sorted([*_SMALL, *_SCALE_WORDS], key=len, reverse=True))
SPELLED = re.compile(rf"(?i)\b(?:{_NUMBER_WORD})(?:(?:[\s-]+(?:and\s+)?)(?:{_NUMBER_WORD}))+\b")
# A month named beside its day: "the twenty-sixth day of June", "1st of May", "26 June".
_MONTH_NAMES = "|".join(name.capitalize() for name in MONTH_NAMES)
DAY_OF_MONTH = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)?|[a-z]+(?:-[a-z]+)?)\s+(?:day\s+)?(?:of\s+)?"
    rf"({_MONTH_NAMES})\b"
)


def spelled_value(words: str) -> str | None:
    """The value of a spelled-out number that has a scale word in it, else None."""
    total = current = 0
    scaled = False
    for word in re.split(r"[\s-]+", words.lower()):
        if word == "and":
            continue
        if word in _SCALE_WORDS:
            scaled = True
            scale = _SCALE_WORDS[word]
            if scale == 100:
                current = max(current, 1) * 100
            else:
                total, current = total + max(current, 1) * scale, 0
        else:
            current += _SMALL[word]
    return str(total + current) if scaled else None


# Roman numerals number chapters, parts and annexes: "Chapters XII and XIII".
ROMAN_NUMBERED = re.compile(
    r"\b(?:Chapters?|Parts?|Annex(?:es)?|Titles?)\s+"
    r"([IVXLC]+(?:(?:\s*,\s*|\s*,?\s+and\s+|\s*,?\s+or\s+)[IVXLC]+)*)\b"
)
_ROMAN = re.compile(r"[IVXLC]+")


def numbers(text: str) -> set[str]:
    """The numbers a text mentions, normalised: `Article 5`, `fifth` and `Chapter V` all give
    {'5'}; a date gives its day, month and year."""
    found: set[str | None] = {digit_value(m.group()) for m in DIGITS.finditer(text)}
    for m in ROMAN_NUMBERED.finditer(text):
        found.update(str(from_roman(roman)) for roman in _ROMAN.findall(m.group(1)))
    found.update(spelled_value(m.group()) for m in SPELLED.finditer(text))
    found.update(
        MONTHS[m.group(1).lower()]
        for m in DAY_OF_MONTH.finditer(text)
        if m.group(0).split()[0].lower() in ORDINALS
        or m.group(0)[0].isdigit()
        or "-" in m.group(0).split()[0]
    )
    for m in WORD.finditer(text):
        if not m.group()[0].isdigit():
            found.add(number_value(m.group()))
    for m in DATE.finditer(text):
        found.add(MONTHS[(m.group(2) or m.group(3)).lower()])
    found.discard(None)
    return found  # type: ignore[return-value]


# Sentences end after . ! ? … when the next one starts with a capital, a digit or a
# quotation, except after abbreviations and initials.
SENTENCE_END = re.compile(r"(?:[.!?]+|…|\.\.\.)['\"’”)\]]*(?=\s+['\"‘“(\[]?[A-Z0-9])")
ABBREVIATIONS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "sr",
        "jr",
        "rev",
        "gen",
        "col",
        "capt",
        "lt",
        "sgt",
        "mt",
        "vs",
        "cf",
        "fig",
        "figs",
        "vol",
        "vols",
        "para",
        "paras",
        "art",
        "arts",
        "sect",
        "ch",
        "pp",
        "p",
        "ed",
        "eds",
        "e.g",
        "i.e",
        "approx",
        "dept",
        "est",
        "inc",
        "ltd",
        "co",
        "corp",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.n",
        "u.s",
        "u.k",
        "a.m",
        "p.m",
    }
)
# Abbreviations that are also words ("I said no."): abbreviations only before a number.
BEFORE_NUMBER = frozenset({"no", "nos"})


def split_paragraph(para: str) -> list[str]:
    out, start = [], 0
    for m in SENTENCE_END.finditer(para):
        if m.start() < start or _abbreviation(para, m.start(), m.group()):
            continue
        out.append(para[start : m.end()].strip())
        start = m.end()
    rest = para[start:].strip()
    if rest:
        out.append(rest)
    return [s for s in out if s]


_WORD_BEFORE = re.compile(r"[\w.]*$")
_LOOK_BACK = 32  # characters, more than the longest abbreviation
_STOP_BEFORE_DIGIT = re.compile(r"\.\s+\d")


def _abbreviation(para: str, at: int, mark: str) -> bool:
    """Is the full stop at `at` part of an abbreviation or an initial (U.N., J. Smith)?"""
    if not mark.startswith(".") or mark.startswith("..."):
        return False
    # The word before the stop, looked for in the few characters before it (the whole
    # paragraph would make a long one-line text quadratic): one that fills them is longer
    # than any abbreviation, and not an initial.
    before = para[max(0, at - _LOOK_BACK) : at]
    word = _WORD_BEFORE.search(before).group()  # type: ignore[union-attr]
    if len(word) == len(before) and at > _LOOK_BACK:
        return False
    word = word.lower().rstrip(".")
    if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return True
    return word in BEFORE_NUMBER and _STOP_BEFORE_DIGIT.match(para, at) is not None


# Quotation marks. A text quotes with double marks or with single ones, the other kind
# nesting inside; a single mark between two letters or digits is an apostrophe (it's), and
# one opens after a blank, a bracket or a dash, before a printed character.
_DOUBLE_QUOTES = re.compile(r'["“”]')
_SINGLE_OPENS = re.compile(r"(?:^|(?<=[\s(\[—–-]))['‘](?=\S)")
_SINGLE_MARKS = re.compile("['‘’]")


def quote_states(texts: Sequence[str]) -> list[bool]:
    """Whether each text, read in order after the ones before, ends inside a quotation."""
    doubles = [_DOUBLE_QUOTES.findall(text) for text in texts]
    singles = sum(len(_SINGLE_OPENS.findall(text)) for text in texts)
    quotes_double = sum(map(len, doubles)) > singles
    inside, states = False, []
    for text, double_marks in zip(texts, doubles, strict=True):
        for mark in double_marks if quotes_double else _single_marks(text):
            inside = mark in "“‘" or (mark == '"' and not inside)
        states.append(inside)
    return states


def _single_marks(text: str) -> list[str]:
    """The text's single quotation marks, each as ‘ (opening) or ’ (closing)."""
    marks = []
    for found in _SINGLE_MARKS.finditer(text):
        at = found.start()
        before, after = text[at - 1 : at], text[at + 1 : at + 2]
        if before.isalnum() and after.isalnum():
            continue  # an apostrophe
        if _SINGLE_OPENS.match(text, at):
            marks.append("‘")
        elif before and not before.isspace() and found.group() != "‘":
            marks.append("’")
    return marks


def line_continues(before: str, line: str) -> bool:
    """A line that starts in lower case, after one that did not end a sentence."""
    return line[0].islower() and before[-1] not in ".!?:"


# Words (with inner apostrophes), runs of whitespace, single other characters: covers every
# character, so the tokens always join back to the text.
_DIFF_TOKENS = re.compile(r"\w+(?:['’]\w+)*|\s+|[^\w\s]")


def diff_tokens(text: str) -> list[str]:
    return _DIFF_TOKENS.findall(text)


# What a resolution's preambular paragraphs open with (participles, adjective phrases), longest
# first, and the verbs its operative paragraphs open with.
PREAMBULAR = tuple(
    sorted(
        (
            "Recalling also",
            "Recalling further",
            "Recalling",
            "Reaffirming also",
            "Reaffirming",
            "Noting with concern",
            "Noting with appreciation",
            "Noting with satisfaction",
            "Noting also",
            "Noting further",
            "Noting",
            "Deeply concerned",
            "Gravely concerned",
            "Concerned",
            "Bearing in mind",
            "Welcoming also",
            "Welcoming",
            "Taking note also",
            "Taking note",
            "Underlining",
            "Guided by",
            "Aware",
            "Convinced",
            "Emphasizing",
            "Stressing",
            "Acknowledging",
            "Recognizing also",
            "Recognizing",
            "Expressing",
            "Having considered",
            "Having examined",
            "Mindful",
            "Alarmed",
            "Affirming",
            "Considering",
            "Determined",
            "Desiring",
            "Believing",
            "Reiterating",
            "Encouraged",
            "Appreciating",
            "Cognizant",
            "Taking into account",
            "Observing",
            "Regretting",
            "Seeking",
            "Keeping in mind",
        ),
        key=len,
        reverse=True,
    )
)
OPERATIVE = tuple(
    sorted(
        (
            "Decides",
            "Requests",
            "Urges",
            "Calls upon",
            "Welcomes",
            "Also reaffirms",
            "Reaffirms",
            "Takes note",
            "Notes",
            "Invites",
            "Encourages",
            "Recommends",
            "Emphasizes",
            "Stresses",
            "Expresses",
            "Endorses",
            "Approves",
            "Adopts",
            "Condemns",
            "Recognizes",
            "Affirms",
            "Appeals",
            "Commends",
            "Declares",
            "Reiterates",
            "Further requests",
            "Also requests",
            "Also decides",
            "Further decides",
            "Authorizes",
            "Acknowledges",
            "Supports",
            "Underlines",
        ),
        key=len,
        reverse=True,
    )
)

# Punctuation that survives translation: questions, exclamations, the opening and closing of a
# quotation (key: the mark, or "open" / "close").
CUES = re.compile(
    r"(?P<mark>[?!])|(?P<open>(?:^|(?<=[\s(—-]))['\"‘“](?=\w))"
    r"|(?P<close>(?<=[\w.,!?—-])['\"’”](?=\s|$))"
)
CUE_KEYS = {"open": '"', "close": "/"}

TABLE = LanguageTable(
    code="en",
    name="English",
    section=re.compile(r"^(?P<num>[IVXL]{1,6})\.\s+(?P<head>\S.*)$"),
    paragraph=re.compile(r"^(?P<num>\d{1,3})\.\s+(?P<text>\S.*)$"),
    action_line=re.compile(r"^Action\s*#?\s*(?P<num>\d+(?:\.\d+)?)\s*:?$", re.IGNORECASE),
    # Without a separator the text starts with a capital ("Action #20 Increase ..."): a wrapped
    # line of running text that opens with a cross-reference ("Action 5 of the Oslo Action
    # Plan ...") is no action.
    action_inline=re.compile(
        r"^(?:Action|ACTION)\s*#?\s*(?P<num>\d+(?:\.\d+)?)(?:\s*[:–—-]\s*|\s+(?=[A-Z“\"‘']))"
        r"(?P<text>\S.*)$"
    ),
    # Maputo numbers its actions as paragraphs: "1. The States Parties will ...". "will" must be
    # the subject's own verb: after "States Parties", a relative or prepositional phrase ("Each
    # State Party that has ... will", "those in a position to do so will", ", in cooperation with
    # ..., will") may come between, but no verb of its own: "The States Parties recognise that
    # ... will ..." is no commitment.
    paragraph_action=re.compile(
        r"^(?:(?:The|Each|All|Those|These)\s+(?:[\w-]+\s+){0,3}?)?States?\s+Part(?:y|ies)\b"
        r"(?:\s*,[^.;]{0,300}?,|\s+(?:that|which|who|whose|with|in|having|concerned|affected|"
        r"seeking|still|not|and|or)\b[^.;]{0,300}?)?\s+will\b"
    ),
    indicators_head=re.compile(r"^Indicators?\s*:?$", re.IGNORECASE),
    subitem=re.compile(r"^(?:\((?P<l1>[a-z])\)|(?P<l2>[a-z])\))\s+(?P<text>\S.*)$"),
    appendix=re.compile(r"^(Appendix|Annex)(\s+[IVX\d]+)?$", re.IGNORECASE),
    table_header=re.compile(r"^Actions?\t+Indicators?", re.IGNORECASE),
    bullet=re.compile(r"^[-•·▪●○◦–](?:\s+|(?=[“(]))(?P<text>\S.*)$"),
    submitted_by=re.compile(
        r"^(Submitted by\b|(Committee|Coordinator)s? on\b.*\(.*\)$)", re.IGNORECASE
    ),
    annex=re.compile(r"^Annex\s+[IVX]+$", re.IGNORECASE),
    agenda_item=re.compile(r"agenda item\s+(?P<item>\S+)", re.IGNORECASE),
    meeting=re.compile(r"(Meeting|Conference)\b", re.IGNORECASE),
    meeting_date_place=re.compile(
        r"^(Geneva|Oslo|Lausanne|Siem Reap|Maputo|Cartagena|Nairobi|Vientiane|Dubrovnik)\b.*\d{4}$"
    ),
    terminal=".;:!?…”’)",
    joiner=" ",
    max_heading=90,
    script=LATIN,
    chapter=re.compile(
        r"^(?:Chapter|CHAPTER)\s+(?P<num>[IVXLC]+|\d+)\b\s*[.:–—-]?\s*(?P<head>.*)$"
    ),
    article_head=re.compile(
        r"^(?:Article|ARTICLE)\s+(?P<num>\d+)(?:\s*[.:–—-]?\s+(?P<title>[A-Z][^.;]{0,80}))?$"
    ),
    article_paragraph=re.compile(r"^(?P<num>\d{1,2})\.\s+(?P<text>\S.*)$"),
    article_subitem=re.compile(r"^(?:\((?P<letter>[a-z])\)|(?P<dotted>[a-z])\.)\s+(?P<text>\S.*)$"),
    lost_letters=True,
    reference_end=re.compile(
        r"\b(?:[Pp]aragraphs?|[Ss]ubparagraphs?|[Aa]rticles?|[Ss]ections?|[Aa]ctions?|and|or)"
        r"\s+\d+(?:\.\d+)*$"
    ),
    addressing=re.compile(
        r"^The (?:General Assembly|Security Council|Economic and Social Council|Human Rights "
        r"Council|(?:Meeting|Conference|Assembly) of the (?:States|High Contracting) Parties"
        r"[^,]{0,80}),$"
    ),
    preambular_openings=PREAMBULAR,
    preambular_endings=",;",
    operative_openings=OPERATIVE,
    session=re.compile(r"^(?P<session>[A-Z][a-z]+(?:-[a-z]+)? (?:special )?session)$"),
    committee=re.compile(
        r"^(?P<committee>(?:First|Second|Third|Fourth|Fifth|Sixth|Special Political and "
        r"Decolonization) Committee)$"
    ),
    sponsors=re.compile(
        r"^(?P<sponsors>[A-Z][^:]{1,200}):(?P<mark>\*{0,3})\s*(?:revised\s+)?draft "
        r"(?:resolution|decision)$",
        re.IGNORECASE,
    ),
    glued_after=LATIN + r",;:.)”’\]",
    glued_before=",;:.)]”’",
    organs=r"United Nations|General Assembly|Security Council|Economic and Social Council",
    preamble_opening=re.compile(
        r"^(WE THE PEOPLES|The (High Contracting|States) Parties|The Parties to (this|the))"
    ),
    item_ending=re.compile(r"[,;]\s*(?:and|or)$"),
    list_separators=";",
    brackets_open="([“",
    brackets_close=")]”",
    # ’ is also the apostrophe in English: single quotation marks cannot be checked.
    bracket_pairs={"(": ")", "[": "]", "“": "”"},
    repeated_punctuation=re.compile(r"([,;:])(?:[ \t]*\1)+|(?<![.])\.\.(?![.])"),
    list_marker=re.compile(r"(?:^|(?<=[\s;:,]))[A-Za-z0-9ivx]{1,3}\)"),
    numbers=numbers,
    scaled_numbers=re.compile(r"(\d+(?:[.,]\d+)*)\s*(thousand|million|billion)\b", re.IGNORECASE),
    scales={"thousand": 10**3, "million": 10**6, "billion": 10**9},
    article=re.compile(r"\bArticles?\s+(\d+)"),
    stop_words=STOP_WORDS,
    cue_pattern=CUES,
    cue_keys=CUE_KEYS,
    split_paragraph=split_paragraph,
    quote_states=quote_states,
    line_continues=line_continues,
    diff_tokens=diff_tokens,
    # An English translation runs to 3 characters for each Chinese one in UN texts, blanks
    # included; to 3.4 characters other than blanks in the literary prose of mac-dev.
    chars_per_unit=3.0,
    letters_per_unit=3.4,
    common_chars="\u0000-\u024f",
    front_heading=re.compile(r"^[A-Z][A-Z ,'’&-]{3,}$"),
    termbase_tag="en",
)
