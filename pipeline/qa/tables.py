"""What the QA checks know about each language's writing, as small tables.

Chinese running text takes full-width punctuation; these documents (UN Chinese versions)
print parentheses half-width throughout, so parentheses are checked for balance only.
"""

from __future__ import annotations

import re

# Han characters: what makes a text Chinese running text.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_CHAR = re.compile(f"[{HAN}]")

# Chinese numerals: digits and the units up to 百, as ordinals are written (第二十二届), and up
# to 千 for amounts and counts.
ZH_DIGITS = "零〇一二两三四五六七八九十百"
ZH_NUMERALS = ZH_DIGITS + "千"

# Half-width marks that Chinese running text writes full-width, after a Han character or a
# closing Chinese bracket or quotation mark.
FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。"}
ZH_CLOSERS = "》”’」』】）〉"
# (A half-width ")" closing Chinese words counts as Chinese: "缔约国数目);".)
HALF_WIDTH_AFTER_HAN = re.compile(f"[{HAN}{ZH_CLOSERS}]\\)?(?:[ \t]*[,;:?!]|\\.(?=\\s|$|[{HAN}]))")

# Marks that never stand twice in a row; Chinese also never puts two different ones together
# (，。). The ellipsis (…… / ...) and the dash (——) are doubled on purpose and not listed.
REPEATED = {
    "zh": re.compile(r"[，。、；：,;](?:[ \t]*[，。、；：,;])+"),
    "en": re.compile(r"([,;:])(?:[ \t]*\1)+|(?<![.])\.\.(?![.])"),
}

# Bracket and quotation pairs checked for balance, opener → closer.
PAIRS = {
    "zh": {"《": "》", "〈": "〉", "“": "”", "‘": "’", "（": "）", "(": ")", "【": "】",
           "「": "」", "『": "』", "[": "]"},
    # ’ is also the apostrophe in English: single quotation marks cannot be checked.
    "en": {"(": ")", "[": "]", "“": "”"},
}
# An apostrophe in a Latin-script name (Côte d’Ivoire) is no closing quotation mark.
APOSTROPHE = re.compile(r"(?<=[A-Za-z\u00c0-\u024f])’(?=[A-Za-z\u00c0-\u024f])")
# A list marker in running text, "1)" or "a)" or "(iii)": its closing bracket has no opener.
LIST_MARKER = re.compile(r"(?:^|(?<=[\s，；：、;:,]))[A-Za-z0-9ivx一二三四五六七八九十]{1,3}[)）]")

# A Latin-script word and a run of them separated by blanks (names: "Symbio Impact").
LATIN_WORD = r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'’-]*"
LATIN_RUN = re.compile(f"{LATIN_WORD}(?:[ \t]+{LATIN_WORD})*")
# Characters that, touching a Latin word, make it part of a symbol, URL, e-mail or file name:
# CCM/CONF/2020/12, https://www.apminebanconvention.org, COVID-19.
SYMBOL_NEIGHBOUR = re.compile(r"[/\\.@:_#=&+~%0-9-]")
# Lower-case words that stand between the capitalised words of a name.
NAME_PARTICLES = frozenset([
    "of", "and", "the", "for", "on", "in", "at", "to", "with", "de", "la", "le", "les", "du",
    "des", "et", "y", "del", "da", "do", "van", "von", "der", "al", "el", "bin",
])
# Units printed after a number in Chinese text as well ("50 km").
UNIT_SYMBOLS = frozenset(["km", "m", "cm", "mm", "kg", "g", "t", "ha", "km2", "m2", "kt"])
ROMAN_LOWER = re.compile(r"^(?:x{0,3})(?:ix|iv|v?i{0,3})$")
