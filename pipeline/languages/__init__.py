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


def guess_language(text: str) -> str:
    """Chinese when Han characters make up a fair share of the letters, else English."""
    han = len(zh.HAN_CHAR.findall(text))
    letters = sum(1 for ch in text if ch.isalpha())
    return CHINESE.code if letters and han / letters > 0.2 else ENGLISH.code
