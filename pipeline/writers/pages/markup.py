"""HTML built as a tree (lxml), never as strings: every text a document holds is escaped by
the serializer, so a `<script>` in a source shows as text. One page skeleton for all pages:
the project's own stylesheet and script, relative links only (the site opens from disk)."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree
from lxml import html as lxml_html

from pipeline.languages import MESSAGES_LANGUAGE
from pipeline.model import NoteRef, Text
from pipeline.model.findings import Finding
from pipeline.writers.report import marked

SITE_TITLE = "planalign"
UI = MESSAGES_LANGUAGE  # of the pages' own words (labels, headings), not the documents' texts


def h(tag: str, attrs: dict[str, str | None] | None = None, *children) -> etree._Element:
    """An element with its attributes (None ones left out) and children (text or elements)."""
    element = etree.Element(tag)
    for key, value in (attrs or {}).items():
        if value is not None:
            element.set(key, value)
    return add(element, *children)


def add(parent: etree._Element, *children) -> etree._Element:
    for child in children:
        if child is None:
            continue
        if isinstance(child, str):
            if len(parent):
                parent[-1].tail = (parent[-1].tail or "") + child
            else:
                parent.text = (parent.text or "") + child
        elif isinstance(child, etree._Element):
            parent.append(child)
        else:
            add(parent, *child)
    return parent


def page(title: str, depth: int, body_class: str, *content) -> bytes:
    """A whole page; `depth` is how many folders below the site's root it lives."""
    up = "../" * depth
    head = h(
        "head",
        None,
        h("meta", {"charset": "utf-8"}),
        h("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
        h("title", None, f"{title} · {SITE_TITLE}"),
        h("link", {"rel": "stylesheet", "href": f"{up}assets/site.css"}),
        h("script", {"src": f"{up}assets/site.js", "defer": "defer"}),
    )
    nav = h(
        "nav",
        {"class": "top"},
        h("a", {"href": f"{up}index.html", "class": "home"}, SITE_TITLE),
        h("a", {"href": f"{up}index.html#documents"}, "Documents"),
        h("a", {"href": f"{up}index.html#pairs"}, "Translations"),
        h("a", {"href": f"{up}index.html#chains"}, "Lineages"),
        h("a", {"href": f"{up}findings.html"}, "Findings"),
    )
    body = h("body", {"class": body_class}, nav, h("main", None, *content))
    root = h("html", {"lang": UI}, head, body)
    return lxml_html.tostring(root, doctype="<!DOCTYPE html>", encoding="utf-8") + b"\n"


def text_filter() -> list[etree._Element]:
    """A toolbar's free-text filter and the count of rows it shows (the script fills it)."""
    attrs = {"type": "search", "data-text": "", "placeholder": "filter text"}
    return [
        h("input", {**attrs, "aria-label": "filter text"}),
        h("output", {"class": "count", "aria-live": "polite"}),
    ]


def doc_href(doc_id: str, uid: str | None = None, depth: int = 1) -> str:
    """The link to a document's page, or to one unit in it (anchored by its xml:id)."""
    target = f"{'../' * depth}docs/{doc_id}.html"
    return f"{target}#{doc_id}.{uid}" if uid else target


def evidence_marks(
    text: str, findings: list[Finding], pieces: list[tuple[str, Finding | None]] | None = None
) -> list[tuple[str, Finding | None]]:
    """`text` cut into pieces, each piece holding a finding's evidence tied to that finding."""
    pieces = pieces if pieces is not None else [(text, None)]
    for finding in findings:
        if not finding.evidence:
            continue
        cut: list[tuple[str, Finding | None]] = []
        for piece, owner in pieces:
            if owner is not None:
                cut.append((piece, owner))
                continue
            cut += [
                (part, finding if hit else None) for part, hit in marked(piece, finding.evidence)
            ]
        pieces = cut
    return pieces


def marked_text(text: str, findings: list[Finding]) -> list:
    """Plain text with each finding's evidence in a `<mark>` that names the finding."""
    out: list = []
    for piece, finding in evidence_marks(text, findings):
        if finding is None:
            out.append(piece)
        else:
            out.append(
                h(
                    "mark",
                    {"class": f"evidence sev-{finding.severity}", "title": _title(finding)},
                    piece,
                )
            )
    return out


def _title(finding: Finding) -> str:
    return f"{finding.severity} · {finding.check}: {finding.message}"


def text_with_notes(text: Text, note_element, findings: Sequence[Finding] = ()) -> list:
    """The unit's text with each note marker put back at its offset as `note_element(ref)`
    makes it, the findings' evidence marked."""
    out: list = []
    position = 0
    for ref in sorted(text.refs, key=lambda r: r.offset):
        out += marked_text(text.text[position : ref.offset], list(findings))
        out.append(note_element(ref))
        position = ref.offset
    out += marked_text(text.text[position:], list(findings))
    return out


def note_ref_plain(ref: NoteRef) -> etree._Element:
    """A note marker where the note itself is not shown (the side-by-side rows)."""
    return h("sup", {"class": "noteref"}, ref.n)
