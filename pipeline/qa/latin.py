"""What the checks know of Latin-script words inside another script's running text: which
are untranslated fragments and which are symbols, names, markers or units.

Each language's own writing (its punctuation, brackets, numerals) is in its table
(`pipeline.languages`); this is what the untranslated-words check adds.
"""

from __future__ import annotations

import re

from pipeline.languages import ENGLISH

LATIN = ENGLISH.script
# An apostrophe in a Latin-script name (Côte d’Ivoire) is no closing quotation mark.
APOSTROPHE = re.compile(f"(?<=[{LATIN}])’(?=[{LATIN}])")

# A Latin-script word and a run of them separated by blanks (names: "Symbio Impact").
LATIN_WORD = f"[{LATIN}][{LATIN}'’-]*"
LATIN_RUN = re.compile(f"{LATIN_WORD}(?:[ \t]+{LATIN_WORD})*")
# Characters that, touching a Latin word, make it part of a symbol, URL, e-mail or file name:
# CCM/CONF/2020/12, https://www.apminebanconvention.org, COVID-19.
SYMBOL_NEIGHBOUR = re.compile(r"[/\\.@:_#=&+~%0-9-]")
# Lower-case words that stand between the capitalised words of a name.
NAME_PARTICLES = frozenset(
    [
        "of",
        "and",
        "the",
        "for",
        "on",
        "in",
        "at",
        "to",
        "with",
        "de",
        "la",
        "le",
        "les",
        "du",
        "des",
        "et",
        "y",
        "del",
        "da",
        "do",
        "van",
        "von",
        "der",
        "al",
        "el",
        "bin",
    ]
)
# Units printed after a number in Chinese text as well ("50 km").
UNIT_SYMBOLS = frozenset(["km", "m", "cm", "mm", "kg", "g", "t", "ha", "km2", "m2", "kt"])
ROMAN_LOWER = re.compile(r"^(?:x{0,3})(?:ix|iv|v?i{0,3})$")
