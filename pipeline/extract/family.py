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
    "action-plan": PLAN, "treaty": TREATY, "convention": TREATY, "charter": TREATY,
    "protocol": TREATY, "resolution": RESOLUTION, "decision": RESOLUTION,
    "report": REPORT, "working-paper": REPORT,
}  # fmt: skip
# Article labels it takes to read a text as a treaty, with and without the manifest's word.
ARTICLES_ALONE, ARTICLES_CONFIRMED = 3, 1
WHAT_IS_MISSING = {
    TREATY: "article labels (Article 1)",
    RESOLUTION: "addressing line (The General Assembly,) before preambular or operative paragraphs",
}


def detect_family(
    lines: list[Line], lang: LanguageTable, kind: str | None
) -> tuple[str, list[str]]:
    """The family to read the text as, and a warning when the manifest says otherwise."""
    texts = [line.text.strip() for line in lines if line.text.strip()]
    announced = KIND_FAMILY.get(kind or "")
    articles = _article_labels(texts, lang)
    if articles >= (ARTICLES_CONFIRMED if announced == TREATY else ARTICLES_ALONE):
        found = TREATY
    elif _is_resolution(texts, lang):
        found = RESOLUTION
    else:
        found = PLAN
    warnings = []
    if announced in WHAT_IS_MISSING and found != announced:
        warnings.append(
            f"the manifest's kind is {kind!r}, but the text has no "
            f"{WHAT_IS_MISSING[announced]}: read by its sections and paragraphs"
        )
    return found, warnings


def _article_labels(texts: list[str], lang: LanguageTable) -> int:
    """How many lines are an article's label."""
    pattern = lang.article_head
    if pattern is None:
        return 0
    return sum(1 for text in texts if pattern.match(text))


def _is_resolution(texts: list[str], lang: LanguageTable) -> bool:
    """An addressing line ("The General Assembly,"), followed by a preambular paragraph
    ("Recalling …") or a numbered operative one ("1. Decides …")."""
    if lang.addressing is None:
        return False
    for index, text in enumerate(texts):
        if lang.addressing.match(text):
            return any(
                opens_preamble(t, lang) or opens_operative(t, lang)
                for t in texts[index + 1 : index + 3]
            )
    return False


def opens_preamble(text: str, lang: LanguageTable) -> bool:
    return opens_with(text, lang.preambular_openings)


def opens_operative(text: str, lang: LanguageTable) -> bool:
    """A numbered paragraph whose text opens with an operative verb ("1. Decides")."""
    match = lang.paragraph.match(text)
    return match is not None and opens_with(match.group("text"), lang.operative_openings)


def opens_with(text: str, openings: tuple[str, ...]) -> bool:
    """Whether `text` opens with one of the words (a whole word where words have blanks)."""
    for opening in openings:
        if text.startswith(opening):
            rest = text[len(opening) : len(opening) + 1]
            if not (rest.isascii() and rest.isalpha()):
                return True
    return False
