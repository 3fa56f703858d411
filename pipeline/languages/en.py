"""English: numbering, punctuation and front-matter patterns of UN English documents."""

import re

from pipeline.languages import LanguageTable

TABLE = LanguageTable(
    code="en",
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
    submitted_by=re.compile(r"^(Submitted by\b|(Committee|Coordinator)s? on\b.*\(.*\)$)", re.IGNORECASE),
    annex=re.compile(r"^Annex\s+[IVX]+$", re.IGNORECASE),
    agenda_item=re.compile(r"agenda item\s+(?P<item>\S+)", re.IGNORECASE),
    meeting=re.compile(r"(Meeting|Conference)\b", re.IGNORECASE),
    meeting_date_place=re.compile(
        r"^(Geneva|Oslo|Lausanne|Siem Reap|Maputo|Cartagena|Nairobi|Vientiane|Dubrovnik)\b.*\d{4}$"
    ),
    terminal=".;:!?…”’)",
    joiner=" ",
    max_heading=90,
    front_heading=re.compile(r"^[A-Z][A-Z ,'’&-]{3,}$"),
)
