"""What counts as the same written form: the small tables of differences that are not variants.

Chinese: title marks 《》, spaces, the particle 的 and the way an ordinal is written (第七条,
第 7 条) do not make a different rendering. English: case, a possessive, a plural and British
or American spelling (-ise, -ize) do not make a different term.
"""

from __future__ import annotations

import functools
import re

from pipeline.languages import CHINESE
from pipeline.languages.zh import FORM_IGNORED, ORDINAL, ORDINAL_PREFIX

# English: spelling pairs (British → American), applied to word endings, longest first.
SPELLINGS = (
    ("isations", "izations"),
    ("isation", "ization"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ise", "ize"),
    ("programme", "program"),
    ("centre", "center"),
)
# English plurals, applied after the spellings: (ending, replacement, minimum word length).
PLURALS = (
    ("ies", "y", 5),
    ("sses", "ss", 5),
    ("ches", "ch", 5),
    ("shes", "sh", 5),
    ("xes", "x", 4),
    ("s", "", 4),
)
SINGULAR_ENDINGS = ("ss", "us", "is")
POSSESSIVE = re.compile(r"['’]s?$")
EN_WORD = re.compile(r"[A-Za-z]+(?:[-'’][A-Za-z]+)*|\d+(?:[.,]\d+)*")


@functools.lru_cache(maxsize=65536)
def zh_key(form: str) -> str:
    """The form with what never matters removed: 《公约》 = 公约, 第七条报告 = 第 7 条报告."""
    form = ORDINAL.sub(lambda m: ORDINAL_PREFIX + _arabic(m.group(1)), form)
    return form.translate(FORM_IGNORED)


def _arabic(numeral: str) -> str:
    """The numeral in digits, read as the aligner reads an ordinal (第五条 = Article 5)."""
    return next(iter(CHINESE.numbers(ORDINAL_PREFIX + numeral)), numeral)


def strip_titles(form: str) -> str:
    """A form as it is searched for in running text: without its title marks."""
    return form.strip(CHINESE.title_marks)


@functools.lru_cache(maxsize=65536)
def en_key(word: str) -> str:
    """One English word as compared: lower case, no possessive, singular, -ize spelling."""
    word = POSSESSIVE.sub("", word.lower())
    for british, american in SPELLINGS:
        if word.endswith(british):
            word = word[: -len(british)] + american
            break
    for ending, replacement, shortest in PLURALS:
        if (
            len(word) >= shortest
            and word.endswith(ending)
            and not (ending == "s" and word.endswith(SINGULAR_ENDINGS))
        ):
            return word[: -len(ending)] + replacement
    return word


def en_words(text: str) -> list[re.Match[str]]:
    return list(EN_WORD.finditer(text))


def is_han(text: str) -> bool:
    return bool(text) and all(CHINESE.script_char.match(ch) for ch in text)


def positions(text: str, part: str) -> list[int]:
    """Every offset where `part` starts in `text`, overlapping ones included."""
    out, at = [], text.find(part)
    while at != -1:
        out.append(at)
        at = text.find(part, at + 1)
    return out
