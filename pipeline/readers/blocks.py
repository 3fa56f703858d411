"""What the layout rebuilds from a page's lines: paragraphs, items, headings, notes, rows."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.model import Text
from pipeline.readers.pdf import PdfLine


@dataclass(slots=True)
class PageBlock:
    lines: list[PdfLine]
    kind: str  # paragraph | item | heading | note | row
    text: Text = field(default_factory=lambda: Text(""))
    cells: list[list[Text]] = field(default_factory=list)  # rows only: each cell's items
    header: bool = False  # a table's header row
