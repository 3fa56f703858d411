"""A document's page: the text as a person reads it, every unit anchored by its xml:id.

Headings, paragraphs, actions with their sub-items and indicators, articles, preambular and
operative paragraphs; each footnote at its marker (shown on hover or click, and listed at
the end); an appendix restatement beside its action with its differences from the action
marked word by word; each unit's QA findings where they occur (the evidence marked in the
text, the messages below it).
"""

from __future__ import annotations

from collections import defaultdict

from lxml import etree

from pipeline.model import (
    Action,
    Article,
    Block,
    Document,
    Item,
    NoteRef,
    Paragraph,
    Restatement,
    Section,
    Text,
)
from pipeline.model.diff import DELETE, EQUAL, INSERT, word_diff
from pipeline.model.findings import SEVERITIES, Finding
from pipeline.writers.pages.markup import UI, h, page, text_with_notes

HEADING = {0: "h2", 1: "h3", 2: "h4"}
KICKER = {  # what a reader calls the parts of a resolution or a treaty that print no head
    "preamble": "Preamble",
    "operative": "Operative paragraphs",
    "appendix": "Appendix",
}
NUMBERED_LABEL = {"action": "Action", "article": ""}


def document_page(doc: Document, findings: list[Finding], related: list[tuple[str, str]]) -> bytes:
    """`findings` are this document's; `related` the (label, href) of its pair and lineage
    pages."""
    writer = _DocumentWriter(doc, findings)
    body, notes = writer.body(), writer.notes_section()  # first: they place the findings
    content = [
        _header(doc, related),
        _document_findings(writer.unplaced_findings()),
        h("article", {"class": "document", "lang": doc.meta.language}, body),
        notes,
    ]
    return page(doc.meta.title or doc.id, 1, "document-page", content)


def _header(doc: Document, related: list[tuple[str, str]]) -> etree._Element:
    meta = doc.meta
    facts = [
        ("id", doc.id),
        ("symbol", meta.symbol),
        ("language", meta.language),
        ("family", meta.family),
        ("kind", meta.kind),
        ("convention", meta.convention),
        ("date", meta.date),
        ("plan", meta.plan),
        ("follows", meta.follows),
        ("source", doc.source.path),
    ]
    return h(
        "header",
        {"class": "doc-header"},
        h("h1", None, meta.title or doc.id),
        h("p", {"class": "printed-title", "lang": meta.language}, meta.printed_title)
        if meta.printed_title and meta.printed_title != meta.title
        else None,
        h(
            "dl",
            {"class": "facts"},
            [h("div", None, h("dt", None, k), h("dd", None, v)) for k, v in facts if v],
        ),
        h(
            "p",
            {"class": "related"},
            "Also: ",
            [[h("a", {"href": href}, label), " "] for label, href in related],
            h("a", {"href": f"../../tei/{doc.id}.xml"}, "TEI"),
        ),
        h(
            "details",
            {"class": "warnings"},
            h("summary", None, f"{len(doc.warnings)} warnings from reading the source"),
            h("ul", None, [h("li", None, w) for w in doc.warnings]),
        )
        if doc.warnings
        else None,
    )


def _document_findings(findings: list[Finding]) -> etree._Element | None:
    """Findings about the document as a whole (or its first-page block, which has no id)."""
    if not findings:
        return None
    return h(
        "section",
        {"class": "doc-findings"},
        h("h2", None, "Findings on the whole document"),
        _finding_list(findings),
    )


def _finding_list(findings: list[Finding]) -> etree._Element:
    return h(
        "ul",
        {"class": "unit-findings"},
        [
            h(
                "li",
                {"class": f"sev-{f.severity}"},
                h("span", {"class": "sev"}, f.severity),
                " ",
                h("span", {"class": "check"}, f.check),
                " ",
                f.message,
            )
            for f in findings
        ],
    )


class _DocumentWriter:
    def __init__(self, doc: Document, findings: list[Finding]):
        self.doc = doc
        self.lang = doc.meta.language
        self.footnotes = {note.n: note for note in doc.footnotes}
        self.doc_notes = {note.n: note for note in doc.doc_notes}
        self.findings: dict[str, list[Finding]] = defaultdict(list)
        for finding in findings:
            self.findings[finding.unit].append(finding)
        self.placed: set[str] = set()  # units written, whose findings are shown

    def xml_id(self, uid: str) -> str:
        return f"{self.doc.id}.{uid}"

    # Text ---------------------------------------------------------------------------------
    def text(self, text: Text, uid: str) -> list:
        return text_with_notes(text, self.note_marker, self.findings.get(self.xml_id(uid), []))

    def note_marker(self, ref: NoteRef) -> etree._Element:
        note = self.doc_notes.get(ref.n) if ref.n.startswith("*") else self.footnotes.get(ref.n)
        if note is None:
            return h("sup", {"class": "noteref undefined", "title": "no definition"}, ref.n)
        return h(
            "span",
            {"class": "note"},
            h("a", {"class": "noteref", "href": f"#{self.xml_id(note.uid)}"}, ref.n),
            h("span", {"class": "notepop", "role": "note"}, ref.n, " ", note.body.text),
        )

    def unit_attrs(self, uid: str, kind: str, extra: str = "") -> dict[str, str | None]:
        """id, and the classes saying what it is and how severe its findings are."""
        if not uid:
            return {"class": " ".join(c for c in ("unit", kind, extra) if c)}
        self.placed.add(self.xml_id(uid))
        classes = ["unit", kind, extra]
        found = self.findings.get(self.xml_id(uid), [])
        if found:
            worst = min(SEVERITIES.index(f.severity) for f in found)
            classes += ["flagged", f"sev-{SEVERITIES[worst]}"]
        return {"id": self.xml_id(uid), "class": " ".join(c for c in classes if c)}

    def findings_of(self, uid: str) -> etree._Element | None:
        found = self.findings.get(self.xml_id(uid), [])
        return _finding_list(found) if found else None

    # Structure ----------------------------------------------------------------------------
    def body(self) -> list:
        out: list = [self.front()]
        out += self.blocks(self.doc.preamble)
        out += [self.section(section, 0) for section in self.doc.sections]
        return out

    def front(self) -> etree._Element | None:
        lines = self.doc.meta.front
        if not lines:
            return None
        return h("div", {"class": "front"}, [h("p", None, line.text) for line in lines])

    def section(self, section: Section, depth: int) -> etree._Element:
        heading = HEADING.get(depth, "h4")
        kicker = KICKER.get(section.kind)
        head = (
            h(
                heading,
                self.unit_attrs(section.uid, "head"),
                h("span", {"class": "n"}, f"{section.n}.") if section.n else None,
                " " if section.n else None,
                self.text(section.head, section.uid),
            )
            if section.head.text
            else None
        )
        return h(
            "section",
            {"class": f"part {section.kind}"},
            h("p", {"class": "kicker", "lang": UI}, kicker) if kicker else None,
            head,
            self.findings_of(section.uid) if head is not None else None,
            self.blocks(section.blocks),
            [self.section(s, depth + 1) for s in section.subsections],
        )

    def blocks(self, blocks: list[Block]) -> list:
        out: list = []
        for block in blocks:
            if isinstance(block, Action):
                out.append(self.action(block))
            elif isinstance(block, Article):
                out.append(self.article(block))
            else:
                out.append(self.paragraph(block))
        return out

    def paragraph(self, paragraph: Paragraph) -> etree._Element:
        label = (
            h(
                "span",
                {
                    "class": "n restored" if paragraph.restored else "n",
                    "title": "number restored from the order" if paragraph.restored else None,
                },
                f"{paragraph.n}.",
            )
            if paragraph.n
            else None
        )
        kind = "group" if paragraph.kind == "group" else "para"
        return h(
            "div",
            self.unit_attrs(paragraph.uid, kind),
            h(
                "p",
                None,
                label,
                " " if label is not None else None,
                self.text(paragraph.body, paragraph.uid),
            ),
            self.findings_of(paragraph.uid),
            self.items(paragraph.items, "items"),
        )

    def items(self, items: list[Item], kind: str) -> etree._Element | None:
        if not items:
            return None
        return h("ul", {"class": kind}, [self.item(item) for item in items])

    def item(self, item: Item) -> etree._Element:
        label = f"({item.n})" if item.n and item.n.isalpha() else item.n
        return h(
            "li",
            self.unit_attrs(
                item.uid, "item", "restored" if item.restored else "" if label else "bullet"
            ),
            h("span", {"class": "n"}, label) if label else None,
            " " if label else None,
            self.text(item.body, item.uid),
            self.findings_of(item.uid),
        )

    def action(self, action: Action) -> etree._Element:
        main = h(
            "div",
            {"class": "action-main"},
            h("h3", {"class": "label", "lang": UI}, f"Action {action.n}"),
            [h("p", None, self.text(t, action.uid)) for t in [action.body, *action.more]],
            self.findings_of(action.uid),
            self.items(action.subitems, "subitems"),
            h(
                "div",
                {"class": "indicators"},
                h("h4", {"lang": UI}, "Indicators"),
                self.items(action.indicators, "indicator-list"),
            )
            if action.indicators
            else None,
        )
        aside = (
            h(
                "aside",
                {"class": "restatements"},
                [self.restatement(action, r) for r in action.restatements],
            )
            if action.restatements
            else None
        )
        extra = "has-restatements" if action.restatements else ""
        return h("section", self.unit_attrs(action.uid, "action", extra), main, aside)

    def restatement(self, action: Action, restatement: Restatement) -> etree._Element:
        original = _restated(action, restatement)
        ops = word_diff(original, restatement.body.text, self.lang)
        same = all(op == EQUAL for op, _ in ops)
        what = f"sub-item ({restatement.of_n})" if restatement.of_n else "the action"
        return h(
            "div",
            self.unit_attrs(restatement.uid, "restatement", "same" if same else "differs"),
            h(
                "p",
                {"class": "kicker", "lang": UI},
                f"Appendix · same as {what}" if same else f"Appendix · differs from {what}",
            ),
            h("p", {"class": "diff"}, [_diff_piece(op, text) for op, text in ops]),
            self.findings_of(restatement.uid),
        )

    def article(self, article: Article) -> etree._Element:
        return h(
            "section",
            self.unit_attrs(article.uid, "article"),
            h("h3", {"class": "label"}, self.text(article.head, article.uid)),
            self.findings_of(article.uid),
            [self.paragraph(p) for p in article.paragraphs],
        )

    # Notes and what is left ---------------------------------------------------------------
    def notes_section(self) -> etree._Element | None:
        notes = self.doc.notes()
        if not notes:
            return None
        return h(
            "section",
            {"class": "notes", "lang": self.lang},
            h("h2", {"lang": UI}, "Notes"),
            h("ol", None, [self.note(note) for note in notes]),
        )

    def note(self, note) -> etree._Element:
        back = (
            h(
                "a",
                {
                    "class": "back",
                    "href": f"#{self.xml_id(note.referenced_by)}",
                    "title": "back to the text",
                },
                "↩",
            )
            if note.referenced_by
            else h("span", {"class": "unreferenced", "lang": UI}, "(not referenced in the text)")
        )
        return h(
            "li",
            self.unit_attrs(note.uid, "note-def"),
            h("span", {"class": "n"}, note.n),
            " ",
            self.text(note.body, note.uid),
            " ",
            back,
            self.findings_of(note.uid),
        )

    def unplaced_findings(self) -> list[Finding]:
        """Findings whose unit has no place on the page (the document, its first page),
        once the body and the notes are written."""
        return [
            f for unit, found in self.findings.items() if unit not in self.placed for f in found
        ]


def _restated(action: Action, restatement: Restatement) -> str:
    """The text a restatement repeats: the action's, or the sub-item's it names."""
    if restatement.of_n:
        for item in action.subitems:
            if item.n == restatement.of_n:
                return item.body.text
    return action.body.text


def _diff_piece(op: str, text: str):
    if op == DELETE:
        return h("del", {"title": "in the action, not in the restatement"}, text)
    if op == INSERT:
        return h("ins", {"title": "in the restatement, not in the action"}, text)
    return text
