"""Per-language knowledge, one table a language (`zh.py`, `en.py`); code elsewhere asks the
table (`table(lang).joiner`) and never compares language codes.

Besides the tables: the languages UN documents come in, the one they are drafted in, and the
two of the project's bilingual resources (the glossary, CC-CEDICT).
"""

from __future__ import annotations

import re

from pipeline.languages import en, zh
from pipeline.languages.language import LanguageTable

__all__ = [
    "CHINESE",
    "DRAFTING_LANGUAGE",
    "ENGLISH",
    "LANGUAGES",
    "LanguageTable",
    "guess_language",
    "table",
]

TABLES = {t.code: t for t in (zh.TABLE, en.TABLE)}
LANGUAGES = tuple(TABLES)
# The two languages of the glossary's columns and of CC-CEDICT (Chinese headwords, English
# definitions).
CHINESE, ENGLISH = zh.TABLE, en.TABLE
# UN documents are drafted in English: the original of a pair that does not say which it is.
DRAFTING_LANGUAGE = ENGLISH.code
# The language of the program's own messages and pages.
MESSAGES_LANGUAGE = ENGLISH.code
# The six official languages of the UN, by code, in English (as "Original: English" names them).
UN_LANGUAGES = {
    "ar": "Arabic",
    "zh": "Chinese",
    "en": "English",
    "fr": "French",
    "ru": "Russian",
    "es": "Spanish",
}

# What any text may hold, whatever its language: characters written without blanks beside
# them; characters of some width that stand for a space; characters common in documents
# (general punctuation, arrows, symbols, besides each language's own).
UNSPACED_CHAR = re.compile("[" + "".join(t.unspaced for t in TABLES.values()) + "]")
# A line's first word: up to a blank, or one character written without blanks beside it
# (after which a line may break); "" for an empty line.
FIRST_WORD = re.compile("[^\\s" + "".join(t.unspaced for t in TABLES.values()) + "]+|.?", re.DOTALL)
BLANKS = "".join(dict.fromkeys(t.blanks for t in TABLES.values()))
COMMON_CHAR = re.compile("[" + "".join(t.common_chars for t in TABLES.values()) + "\u2000-\u2bff]")


# The organ's name before the symbol in a masthead, in any of the languages.
ORGANS = "|".join(t.organs for t in TABLES.values() if t.organs)


def table(code: str) -> LanguageTable:
    try:
        return TABLES[code]
    except KeyError:
        raise KeyError(
            f"no language table for {code!r} (known: {', '.join(sorted(TABLES))})"
        ) from None


# What str.isalpha() calls a letter, as a regex (a document is long): word characters less
# digits, the underscore and the other numerals (superscripts, fractions, circled numbers, 〇).
_LETTER = re.compile(
    "[^\\W\\d_\u00b2\u00b3\u00b9\u00bc-\u00be\u2070-\u209f\u2150-\u218f\u2460-\u24ff"
    "\u2776-\u2793\u3007\u3021-\u3029\u3038-\u303a]"
)


_SAMPLE = 20_000  # characters read at each of a long text's start, middle and end


def guess_language(text: str) -> str:
    """Chinese when Han characters make up a fair share of the letters, else English. A long
    text is judged by three stretches of it."""
    if len(text) > 3 * _SAMPLE:
        middle = (len(text) - _SAMPLE) // 2
        text = text[:_SAMPLE] + text[middle : middle + _SAMPLE] + text[-_SAMPLE:]
    han = len(text) - len(zh.HAN_CHAR.sub("", text))  # counted without a list of matches
    if not han:
        return ENGLISH.code  # the letters need not be counted (the slower search)
    letters = len(text) - len(_LETTER.sub("", text))
    return CHINESE.code if letters and han / letters > 0.2 else ENGLISH.code
