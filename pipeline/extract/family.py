"""Which family a document's structure belongs to, read from its text: a treaty or charter
(chapters, articles), a resolution or decision (addressing line, preambular and operative
paragraphs), or the plans, reports and working papers the plan reader handles (sections,
numbered paragraphs, actions). The manifest's `kind` confirms what the text says; where the
two disagree, the text wins and a warning says so.
"""

from __future__ import annotations

from pipeline.languages import LanguageTable
from pipeline.readers.text import Line

PLAN, TREATY, RESOLUTION = "plan", "treaty", "resolution"
# What the plan reader makes of a document: by what it found in it.
REPORT, PARAGRAPHS = "report", "paragraphs"
# The manifest's kinds, by the family they announce.
KIND_FAMILY = {
    "action-plan": PLAN,
    "treaty": TREATY,
    "convention": TREATY,
    "charter": TREATY,
    "protocol": TREATY,
    "resolution": RESOLUTION,
    "decision": RESOLUTION,
    "report": REPORT,
    "working-paper": REPORT,
}
# Article labels it takes to read a text as a treaty, with and without the manifest's word.
ARTICLES_ALONE, ARTICLES_CONFIRMED = 3, 1


def detect_family(
    lines: list[Line], lang: LanguageTable, kind: str | None
) -> tuple[str, list[str]]:
    """The family to read the text as, and a warning when the manifest says otherwise."""
    texts = [line.text.strip() for line in lines if line.text.strip()]
    announced = KIND_FAMILY.get(kind or "")
    articles = _article_labels(texts, lang)
    if articles >= (ARTICLES_CONFIRMED if announced == TREATY else ARTICLES_ALONE):
        found = TREATY
    else:
        found = PLAN
    warnings = []
    if announced == TREATY and found != TREATY:
        warnings.append(
            f"the manifest's kind is {kind!r}, but the text has no article "
            "labels: read by its sections and paragraphs"
        )
    return found, warnings


def _article_labels(texts: list[str], lang: LanguageTable) -> int:
    """How many lines are an article's label, in the order of their numbers."""
    pattern = lang.article_head
    if pattern is None:
        return 0
    return sum(1 for text in texts if pattern.match(text))
