"""The document model as JSON: every field of the dataclasses, in document order."""

from __future__ import annotations

import json

from pipeline.model import Document


def document_to_json(doc: Document) -> bytes:
    text = json.dumps(doc.to_dict(), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")
