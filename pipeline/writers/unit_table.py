"""`output/units.tsv`: every unit of every document, one row each, for pandas and R.

Columns `doc xml:id kind n parent lang text` (CONTRACTS.md); documents by id, units in
document order (`pipeline.model.outline`); `parent` the xml:id of the unit it sits in.
A text holding a tab, a line break or a double quote is quoted as pandas' and R's own
tab-separated writers quote it (`"…"`, quotes doubled), so `pandas.read_csv(path, sep="\\t")`
and `read.delim(path)` read every text back whole.
"""

from __future__ import annotations

import csv
import io

from pipeline.model import Document
from pipeline.model.findings import xml_id
from pipeline.model.outline import units

COLUMNS = ("doc", "xml:id", "kind", "n", "parent", "lang", "text")


def units_to_tsv(documents: list[Document]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(COLUMNS)
    for doc in sorted(documents, key=lambda d: d.id):
        lang = doc.meta.language
        for unit in units(doc):
            parent = xml_id(doc, unit.parent)
            writer.writerow(
                [doc.id, xml_id(doc, unit.uid), unit.kind, unit.n, parent, lang, unit.text]
            )
    return out.getvalue().encode("utf-8")
