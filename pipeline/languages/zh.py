"""Chinese: numbering, punctuation, script, numerals and sentences of UN Chinese documents."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.languages.language import LanguageTable
from pipeline.languages.numerals import DIGITS, chinese_value, digit_value

# Han characters (the unified ideographs, extension A and the compatibility ideographs).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_CHAR = re.compile(f"[{HAN}]")
HAN_RUN = re.compile(f"[{HAN}]+")
# Characters written without a space on either side: Han, CJK and full-width punctuation.
UNSPACED = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef《》“”"
IDEOGRAPHIC_SPACE = "\u3000"
TITLE_MARKS = "《》"

CN_DIGITS = "一二三四五六七八九十"
# Chinese numerals: digits and the units up to 百, as ordinals are written (第二十二届), and up
# to 千 for amounts and counts.
ZH_DIGITS = "零〇一二两三四五六七八九十百"
ZH_NUMERALS = ZH_DIGITS + "千"
_NUMERAL_RUN = re.compile(r"(第\s*)?([零〇一二两三四五六七八九十百千万亿]+)")


def numbers(text: str) -> set[str]:
    """The numbers a text mentions, normalised: `第五条` and `第 5 条` both give {'5'}."""
    found: set[str | None] = {digit_value(m.group()) for m in DIGITS.finditer(text)}
    for m in _NUMERAL_RUN.finditer(text):
        # A lone 一 is mostly "a", not "one"; but not in a date (一月一日).
        date = text[m.end() : m.end() + 1] in "月日"
        if m.group(1) or len(m.group(2)) > 1 or m.group(2) != "一" or (date and m.end() > 0):
            found.add(chinese_value(m.group(2)))
    found.discard(None)
    return found  # type: ignore[return-value]


# Counters after which a numeral is a number: 三个月, 十五周年, 第五条 (次 and 届 only after 第:
# 两次 is "twice").
COUNTERS = "条款项年个月日周"
COUNTED = re.compile(
    rf"第\s*[{ZH_NUMERALS}]+|[{ZH_NUMERALS}]{{2,}}(?=\s*[{COUNTERS}])"
    rf"|(?<![{ZH_NUMERALS}])[二两三四五六七八九十](?=\s*[{COUNTERS}])"
)

# Sentences. As in the mac-dev gold: they end after 。！？ (with the closing quotes and brackets
# that follow), also inside quotations, but not at ； or inside 《》, and a short attribution
# after a quotation stays with it (“……？” 汪淼问。).
SENTENCE_END = re.compile(r"[。！？!?]+[”’」』）)】》\s]*|(?:……|…)[”’」』]+\s*")
ATTRIBUTION = re.compile(r"[^“”‘’「」。！？]{1,10}?[问说道答喊叫][。！]")
CONTINUES = "，、：；,"
CLOSING_QUOTES = "”’」』"


def split_paragraph(para: str) -> list[str]:
    out, start = [], 0
    depth, counted = 0, 0  # 《 less 》 in para[:counted], counted on from one end to the next
    for m in SENTENCE_END.finditer(para):
        depth += para.count("《", counted, m.start()) - para.count("》", counted, m.start())
        counted = m.start()
        if depth > 0:
            continue  # inside a title
        end = m.end()
        if m.group().rstrip()[-1] in CLOSING_QUOTES:
            tail = ATTRIBUTION.match(para, end)
            end = tail.end() if tail else end
        if end > start:
            out.append(para[start:end].strip())
            start = end
    rest = para[start:].strip()
    if rest:
        out.append(rest)
    return [s for s in out if s]


# Quotation marks: “” (「」 in traditional typesetting); ‘’ and 『』 nest inside them.
QUOTE_OPENS, QUOTE_CLOSES = "“「", "”」"


def quote_states(texts: Sequence[str]) -> list[bool]:
    """Whether each text, read in order after the ones before, ends inside a quotation."""
    inside, states = False, []
    for text in texts:
        opened = max(map(text.rfind, QUOTE_OPENS))
        closed = max(map(text.rfind, QUOTE_CLOSES))
        if opened != closed:  # both -1 when the text has none: as it was
            inside = opened > closed
        states.append(inside)
    return states


def line_continues(before: str, line: str) -> bool:
    """A line that ends with a comma stops mid-sentence."""
    return before[-1] in CONTINUES


def diff_tokens(text: str) -> list[str]:
    """jieba's words, by its dictionary alone (no HMM, so deterministic)."""
    from pipeline.languages.segmenter import pristine

    return pristine().lcut(text, HMM=False)


STOP_WORDS = frozenset(
    [
        "的",
        "了",
        "着",
        "过",
        "吗",
        "呢",
        "吧",
        "啊",
        "呀",
        "哦",
        "嘛",
        "地",
        "得",
        "之",
        "其",
        "所",
        "把",
        "被",
        "将",
        "在",
        "是",
        "和",
        "与",
        "及",
        "而",
        "也",
        "就",
        "都",
        "又",
        "还",
        "才",
        "便",
        "这",
        "那",
        "这个",
        "那个",
        "这样",
        "那样",
        "一个",
        "一",
        "个",
        "些",
        "有",
        "没",
        "没有",
        "不",
        "很",
        "么",
        "什么",
        "怎么",
        "我",
        "你",
        "他",
        "她",
        "它",
        "我们",
        "你们",
        "他们",
        "她们",
        "自己",
        "咱们",
        "着呢",
        "上",
        "下",
        "里",
        "中",
        "来",
        "去",
        "给",
        "让",
        "对",
        "从",
        "向",
        "以",
        "为",
        "于",
        "使",
        "并",
        "等",
        "或",
        "及其",
    ]
)
# Punctuation that survives translation, as tokens: questions, exclamations, quotations.
CUES = {"？": "?", "?": "?", "！": "!", "!": "!", "“": '"', "「": '"', "”": "/", "」": "/"}

# GB18030 decodes almost any byte string; accept it only when it yields common Chinese text.
LEGACY_ENCODING = "gb18030"
_BASIC_HAN = re.compile("[\u4e00-\u9fff]")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def plausible(text: str) -> bool:
    han = len(_BASIC_HAN.findall(text))
    letters = sum(1 for ch in text if not ch.isspace())
    rare = sum(1 for ch in text if ord(ch) > 0xFFFF or _PRIVATE_USE.match(ch))
    return letters > 0 and han / letters > 0.3 and rare == 0


# Terms: what never makes two Chinese forms different renderings (title marks, spaces, 的),
# and the way an ordinal is written (第七条, 第 7 条).
FORM_IGNORED = str.maketrans("", "", "《》〈〉 \u3000的")
ORDINAL = re.compile(rf"第\s*([{ZH_DIGITS}]+)")
ORDINAL_PREFIX = "第"
CITED_TITLE = re.compile(r"《[^《》\n]*》")
# Characters written for one another in the same word (异形词 and their like).
VARIANT_CHARACTERS = frozenset(
    map(frozenset, ["作做", "定订", "查察", "象像", "账帐", "惟唯", "分份", "它他"])
)
# Words that sound alike and are both right, each in its place.
NOT_VARIANTS = frozenset(map(frozenset, [("他们", "它们")]))
# Concepts written by pattern: (label, pattern). A match's key is its text with the numbers
# replaced by N, so 缔约国第二十二届会议 and 缔约国第五届会议 are one form.
NUMERAL = rf"[{ZH_DIGITS}\d]+"
TERM_PATTERNS = (
    (
        "numbered Meeting of the States Parties (缔约国第N届会议)",
        re.compile(rf"缔约国第\s*{NUMERAL}\s*[届次]会议|第\s*{NUMERAL}\s*[届次]缔约国会议"),
    ),
)
NUMBER_IN_TERM = re.compile(rf"\s*{NUMERAL}\s*")

# Half-width marks that Chinese running text writes full-width, after a Han character or a
# closing Chinese bracket or quotation mark. (A half-width ")" closing Chinese words counts as
# Chinese: "缔约国数目);".)
FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。"}
CLOSERS = "》”’」』】）〉"
HALF_WIDTH_AFTER_HAN = re.compile(f"[{HAN}{CLOSERS}]\\)?(?:[ \t]*[,;:?!]|\\.(?=\\s|$|[{HAN}]))")


# Treaties: chapters, articles and their paragraphs, numbered in Chinese numerals; lettered
# sub-paragraphs by the Earthly Branches, (子) for (a), (丑) for (b) …
ARTICLE_NUMERALS = "零〇一二两三四五六七八九十百千"
BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
ITEM_LETTERS = {branch: letter for branch, letter in zip(BRANCHES, "abcdefghijkl", strict=True)}

# What a resolution's preambular paragraphs open with, longest first, and the verbs its operative
# paragraphs open with.
PREAMBULAR = tuple(
    sorted(
        (
            "又回顾",
            "回顾",
            "又重申",
            "重申",
            "关切地注意到",
            "满意地注意到",
            "赞赏地注意到",
            "注意到",
            "深为关切",
            "严重关切",
            "关切",
            "铭记",
            "又欢迎",
            "欢迎",
            "强调",
            "遵循",
            "意识到",
            "深信",
            "确认",
            "认识到",
            "承认",
            "表示",
            "审议了",
            "考虑到",
            "申明",
            "决心",
            "希望",
            "相信",
            "重视",
        ),
        key=len,
        reverse=True,
    )
)
OPERATIVE = tuple(
    sorted(
        (
            "决定",
            "请",
            "敦促",
            "吁请",
            "欢迎",
            "又重申",
            "重申",
            "注意到",
            "邀请",
            "鼓励",
            "建议",
            "强调",
            "表示",
            "核可",
            "批准",
            "通过",
            "谴责",
            "确认",
            "申明",
            "呼吁",
            "赞扬",
            "宣布",
            "又请",
            "又决定",
            "授权",
            "支持",
        ),
        key=len,
        reverse=True,
    )
)

TABLE = LanguageTable(
    code="zh",
    name="Chinese",
    section=re.compile(rf"^(?P<num>[{CN_DIGITS}]{{1,3}})\s*[.．、]\s*(?P<head>\S.*)$"),
    paragraph=re.compile(r"^(?P<num>\d{1,3})\s*[.．]\s*(?P<text>\S.*)$"),
    action_line=re.compile(r"^行动\s*#?\s*(?P<num>\d+(?:\.\d+)?)\s*[:：]?$"),
    action_inline=re.compile(r"^行动\s*#?\s*(?P<num>\d+(?:\.\d+)?)\s*[:：]\s*(?P<text>\S.*)$"),
    paragraph_action=None,
    indicators_head=re.compile(r"^指标\s*[:：]?$"),
    subitem=re.compile(r"^(?:\((?P<l1>[a-z])\)|(?P<l2>[a-z])\))\s*(?P<text>\S.*)$"),
    appendix=re.compile(r"^(附录|附文)(\s*[一二三四五六七八九十\d]+)?$"),
    table_header=re.compile(r"^行动(项目)?\t+指标"),
    bullet=re.compile(r"^[-•·▪●○◦–](?:\s+|(?=[\u4e00-\u9fff《“(（]))(?P<text>\S.*)$"),
    # "……主席提交", or the submitting committee with its members in brackets.
    submitted_by=re.compile(r"(提交$|^[^《]*委员会\s*[(（].*[)）]$)"),
    annex=re.compile(r"^附件[一二三四五六七八九十]+$"),
    agenda_item=re.compile(r"议程项目\s*(?P<item>\S+)"),
    meeting=re.compile(r"(会议|大会)$"),
    meeting_date_place=re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月.*日.*[，,]\s*\S+$"),
    terminal="。；：！？…”』」）)",
    joiner="",
    max_heading=40,
    script=HAN,
    chapter=re.compile(
        rf"^第\s*(?P<num>[{ARTICLE_NUMERALS}\d]+)\s*章\s*[：:、.．]?\s*(?P<head>.*)$"
    ),
    article_head=re.compile(
        rf"^第\s*(?P<num>[{ARTICLE_NUMERALS}\d]+)\s*条(?:\s*[：:]?\s*(?P<title>[^。；，]{{1,30}}))?$"
    ),
    article_paragraph=re.compile(
        rf"^(?P<num>[{CN_DIGITS}]+|\d{{1,2}})\s*[、.．]\s*(?P<text>\S.*)$"
    ),
    article_subitem=re.compile(rf"^[(（](?P<letter>[{BRANCHES}]|[a-z])[)）]\s*(?P<text>\S.*)$"),
    item_letters=ITEM_LETTERS,
    preamble_opening=re.compile(
        r"^(我联合国人民|本(公约|议定书|条约)(各)?缔约(国|方)|缔约(各方|各国))"
    ),
    addressing=re.compile(
        r"^(?:大会|安全理事会|经济及社会理事会|人权理事会|[^，。]{2,30}(?:缔约国|缔约方)[^，。]{0,20}会议)，$"
    ),
    preambular_openings=PREAMBULAR,
    preambular_endings="，；,;",
    operative_openings=OPERATIVE,
    session=re.compile(r"^(?P<session>第[一二三四五六七八九十百]+届(?:特别)?会议)$"),
    committee=re.compile(r"^(?P<committee>第[一二三四五六]委员会|特别政治和非殖民化委员会)$"),
    sponsors=re.compile(
        r"^(?P<sponsors>[^：:]{1,200})[：:](?P<mark>\*{0,3})\s*(?:订正)?(?:决议|决定)草案$"
    ),
    glued_after=HAN + "》”）)；，。、：",
    glued_before="，；：。）、,;:.)",
    organs=r"联\s*合\s*国|大\s*会|安全理事会|经济及社会理事会",
    counters="条款项年月日个届次号段章节页",
    ordinal_prefix="第",
    unspaced=UNSPACED,
    blanks=IDEOGRAPHIC_SPACE,
    title_marks=TITLE_MARKS,
    list_separators="；;",
    brackets_open="(（[《“",
    brackets_close=")）]》”",
    bracket_pairs={
        "《": "》",
        "〈": "〉",
        "“": "”",
        "‘": "’",
        "（": "）",
        "(": ")",
        "【": "】",
        "「": "」",
        "『": "』",
        "[": "]",
    },
    repeated_punctuation=re.compile(r"[，。、；：,;](?:[ \t]*[，。、；：,;])+"),
    # A list marker in running text, "1)" or "a)" or "(iii)": its closing bracket has no
    # opener.
    list_marker=re.compile(
        r"(?:^|(?<=[\s，；：、;:,]))[A-Za-z0-9ivx一二三四五六七八九十]{1,3}[)）]"
    ),
    # An item in a table cell: a bullet, "1." or "1、" (not "1.5"), "(a)" or "a)" in either
    # width, "（一）", "一、", a circled number.
    cell_item=re.compile(
        rf"^([•·▪●○◦]|\d+(?:[.．](?!\d)|、)|[(（]?[a-z][)）]|[(（][{CN_DIGITS}\d]{{1,3}}[)）]"
        rf"|[{CN_DIGITS}]{{1,3}}、|[①-⑳])"
    ),
    full_width=FULL_WIDTH,
    half_width_after_script=HALF_WIDTH_AFTER_HAN,
    latin_is_foreign=True,
    # The whole content of a bracket right after Chinese text is a gloss: 执行支助股(ISU).
    gloss_before=re.compile(f"[{HAN}》”]\\s*[(（]\\s*$"),
    gloss_after=re.compile(r"\s*[)）]"),
    ending_marks=",.;:。、",
    numbers=numbers,
    counted_numbers=COUNTED,
    scaled_numbers=re.compile(r"(\d+(?:[.,]\d+)*)\s*(万|亿)"),
    scales={"万": 10**4, "亿": 10**8},
    article=re.compile(r"第\s*([\d一二三四五六七八九十]+)\s*条"),
    numbers_spaced_out=True,
    stop_words=STOP_WORDS,
    cue_tokens=CUES,
    split_paragraph=split_paragraph,
    quote_states=quote_states,
    line_continues=line_continues,
    diff_tokens=diff_tokens,
    chars_per_unit=1.0,
    letters_per_unit=1.0,
    legacy_encoding=LEGACY_ENCODING,
    plausible_legacy=plausible,
    common_chars="\u3000-\u9fff\uf900-\uffef",
    termbase_tag="zh-CN",  # as CAT tools tag Chinese (simplified) termbases
)
