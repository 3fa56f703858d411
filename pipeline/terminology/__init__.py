"""Terminology: the domain glossary (CSV, TBX-Basic) and the checks made with it.

- `load_glossary(path=None)`: the repo glossary, or a user's CSV or TBX file;
- `glossary_to_csv`, `glossary_to_tbx`: the glossary written back;
- `glossary_lexicon(glossary=None)`: the aligners' lexicon, CC-CEDICT and the glossary's terms;
- `term_findings(documents, translations, glossary, lexicon)`: Chinese-only consistency
  (variants, homophones, near-variants, patterns) over the documents, bilingual renderings
  (missing, inconsistent, mined) over the translations;
- `term_renderings(documents, translations, glossary, lexicon)`: every rendering of every term
  with its count and xml:ids (`RenderingsTable`; writers in `pipeline.writers.rendering_table`);
- `TermChecks(documents, translations, glossary, lexicon)`: both, `.findings()` and
  `.renderings()`, from one pass over the corpus.
"""

from pipeline.align.lexicon import Lexicon, build_lexicon
from pipeline.terminology.checks import TermChecks, term_findings, term_renderings
from pipeline.terminology.glossary import Glossary, GlossaryEntry, glossary_to_csv, load_glossary
from pipeline.terminology.table import Rendering, RenderingsTable
from pipeline.terminology.tbx import glossary_to_tbx

__all__ = [
    "Glossary",
    "GlossaryEntry",
    "Rendering",
    "RenderingsTable",
    "TermChecks",
    "glossary_lexicon",
    "glossary_to_csv",
    "glossary_to_tbx",
    "load_glossary",
    "term_findings",
    "term_renderings",
]


def glossary_lexicon(glossary: Glossary | None = None) -> Lexicon:
    """CC-CEDICT and the terms of `glossary` (the project's by default), for the aligners and
    the checks that need a dictionary; slow to build (about a second): build it once."""
    return build_lexicon((glossary or load_glossary()).term_pairs())
