"""Terminology: the domain glossary (CSV, TBX-Basic) and the checks made with it.

- `load_glossary(path=None)`: the repo glossary, or a user's CSV or TBX file;
- `glossary_to_csv`, `glossary_to_tbx`: the glossary written back;
- `term_findings(documents, translations, glossary)`: Chinese-only consistency (variants,
  homophones, near-variants, patterns) over the documents, bilingual renderings (missing,
  inconsistent, mined) over the translations;
- `term_renderings(documents, translations, glossary)`: every rendering of every term with
  its count and xml:ids (`RenderingsTable`; writers in `pipeline.writers.terminology`);
- `TermChecks(documents, translations, glossary)`: both, `.findings()` and `.renderings()`,
  from one pass over the corpus.
"""

from pipeline.terminology.checks import TermChecks, term_findings, term_renderings
from pipeline.terminology.glossary import Entry, Glossary, glossary_to_csv, load_glossary
from pipeline.terminology.table import Rendering, RenderingsTable
from pipeline.terminology.tbx import glossary_to_tbx

__all__ = ["Entry", "Glossary", "Rendering", "RenderingsTable", "TermChecks", "glossary_to_csv",
           "glossary_to_tbx", "load_glossary", "term_findings", "term_renderings"]
