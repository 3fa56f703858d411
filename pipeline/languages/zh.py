"""Chinese: numbering, punctuation and front-matter patterns of UN Chinese documents."""

import re

from pipeline.languages import LanguageTable

CN_DIGITS = "一二三四五六七八九十"

TABLE = LanguageTable(
    code="zh",
    section=re.compile(rf"^(?P<num>[{CN_DIGITS}]{{1,3}})\s*[.．、]\s*(?P<head>\S.*)$"),
    paragraph=re.compile(r"^(?P<num>\d{1,3})\s*[.．]\s*(?P<text>\S.*)$"),
    action_line=re.compile(r"^行动\s*#?\s*(?P<num>\d+(?:\.\d+)?)\s*[:：]?$"),
    action_inline=re.compile(r"^行动\s*#?\s*(?P<num>\d+(?:\.\d+)?)\s*[:：]\s*(?P<text>\S.*)$"),
    paragraph_action=None,
    indicators_head=re.compile(r"^指标\s*[:：]?$"),
    subitem=re.compile(r"^(?:\((?P<l1>[a-z])\)|(?P<l2>[a-z])\))\s*(?P<text>\S.*)$"),
    appendix=re.compile(r"^(附录|附文)(\s*[一二三四五六七八九十\d]+)?$"),
    table_header=re.compile(r"^行动(项目)?\t+指标"),
    # "……主席提交", or the submitting committee with its members in brackets.
    submitted_by=re.compile(r"(提交$|^[^《]*委员会\s*[(（].*[)）]$)"),
    annex=re.compile(r"^附件[一二三四五六七八九十]+$"),
    agenda_item=re.compile(r"议程项目\s*(?P<item>\S+)"),
    meeting=re.compile(r"(会议|大会)$"),
    meeting_date_place=re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月.*日.*[，,]\s*\S+$"),
    terminal="。；：！？…”』」）)",
    joiner="",
    max_heading=40,
)
