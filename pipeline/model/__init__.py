"""The document model, the single source of truth between readers, extractors and writers
(`document.py`), and the small pieces every layer above shares: QA findings and their
context (`findings.py`), inline note markers and the joining of wrapped text (`inline.py`),
the word diff (`diff.py`)."""

from pipeline.model.document import (
    Action,
    Article,
    Block,
    Document,
    DocumentNote,
    Footnote,
    Item,
    Metadata,
    Note,
    NoteRef,
    Paragraph,
    Restatement,
    Section,
    Source,
    Text,
    block_lists,
)

__all__ = [
    "Action",
    "Article",
    "Block",
    "Document",
    "DocumentNote",
    "Footnote",
    "Item",
    "Metadata",
    "Note",
    "NoteRef",
    "Paragraph",
    "Restatement",
    "Section",
    "Source",
    "Text",
    "block_lists",
]
