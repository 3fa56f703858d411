"""The site's index (every document, translation pair and chain of plans, the QA summary)
and its findings page (every finding, linked to its unit in the document's page)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from pipeline.model.findings import SEVERITIES, Finding
from pipeline.writers.pages.markup import h, marked_text, page, text_filter

COUNTED = ("sections", "paragraphs", "actions", "indicators", "footnotes")


@dataclass(frozen=True)
class DocumentEntry:
    """One document as the index lists it; a failed one has no page."""

    id: str
    file: str
    status: str  # ok | warned | failed
    title: str = ""
    lang: str = ""
    family: str = ""
    kind: str = ""
    message: str = ""  # why it failed
    counts: dict[str, int] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class PairEntry:
    name: str  # <a>__<b>
    a: str
    b: str
    links: int
    review: int
    unmatched: int


@dataclass(frozen=True)
class ChainEntry:
    name: str  # lineages.<plan>--<plan>…
    plans: tuple[str, ...]  # plan keys, oldest first
    documents: tuple[str, ...]


def index_page(
    documents: list[DocumentEntry],
    pairs: list[PairEntry],
    chains: list[ChainEntry],
    findings: list[Finding],
) -> bytes:
    by_doc = {
        doc: Counter(f.severity for f in findings if f.doc == doc)
        for doc in {f.doc for f in findings}
    }
    return page(
        "Corpus",
        0,
        "index-page",
        h("h1", None, "Corpus"),
        h(
            "p",
            {"class": "summary"},
            f"{_count(len(documents), 'document')}, {_count(len(pairs), 'translation pair')}, "
            f"{_count(len(chains), 'chain')} of plans, {_count(len(findings), 'finding')}.",
        ),
        _documents(documents, by_doc),
        _pairs(pairs),
        _chains(chains),
        _qa_summary(findings),
    )


def _count(n: int, what: str) -> str:
    return f"{n} {what}{'' if n == 1 or what == 'info' else 's'}"


def _spare(spare: bool, *classes: str) -> str | None:
    """The class of a column a narrow screen leaves out."""
    names = [*classes, "spare"] if spare else list(classes)
    return " ".join(names) or None


def _documents(documents: list[DocumentEntry], by_doc: dict[str, Counter]) -> etree._Element:
    head = ["document", "language", "family", "kind", *COUNTED, "findings", "status"]
    spare = {"family", "kind"}  # left out on a narrow screen
    return h(
        "section",
        {"id": "documents"},
        h("h2", None, "Documents"),
        h(
            "div",
            {"class": "scroll"},
            h(
                "table",
                {"class": "listing"},
                h(
                    "thead",
                    None,
                    h("tr", None, [h("th", {"class": _spare(c in spare)}, c) for c in head]),
                ),
                h(
                    "tbody",
                    None,
                    [_document_row(d, by_doc.get(d.id, Counter())) for d in documents],
                ),
            ),
        ),
    )


def _document_row(doc: DocumentEntry, severities: Counter) -> etree._Element:
    title = (
        h("a", {"href": f"docs/{doc.id}.html"}, doc.title or doc.id)
        if doc.status != "failed"
        else h("span", None, doc.title or doc.file)
    )
    found = ", ".join(_count(severities[s], s) for s in SEVERITIES if severities[s]) or "—"
    status: list = [h("span", {"class": f"status {doc.status}"}, doc.status)]
    if doc.message:
        status.append(h("p", {"class": "message"}, doc.message))
    if doc.warnings:
        status.append(
            h(
                "details",
                None,
                h("summary", None, _count(len(doc.warnings), "warning")),
                h("ul", None, [h("li", None, w) for w in doc.warnings]),
            )
        )
    return h(
        "tr",
        {"class": doc.status},
        h("td", {"class": "title"}, title, h("span", {"class": "id"}, doc.id)),
        h("td", None, doc.lang),
        h("td", {"class": _spare(True)}, doc.family),
        h("td", {"class": _spare(True, "kind")}, doc.kind),
        [h("td", {"class": "num"}, str(doc.counts.get(c, 0))) for c in COUNTED],
        h(
            "td",
            None,
            h("a", {"href": f"findings.html#doc={doc.id}"}, found) if severities else found,
        ),
        h("td", None, status),
    )


def _empty(message: str) -> etree._Element:
    return h("p", {"class": "empty"}, message)


def _pairs(pairs: list[PairEntry]) -> etree._Element:
    if not pairs:
        body = _empty(
            "No translation pairs: the manifest pairs documents by symbol or translation_of."
        )
    else:
        body = h(
            "table",
            {"class": "listing"},
            h(
                "thead",
                None,
                h(
                    "tr",
                    None,
                    [
                        h("th", None, c)
                        for c in ("pair", "links", "to review", "without counterpart")
                    ],
                ),
            ),
            h(
                "tbody",
                None,
                [
                    h(
                        "tr",
                        None,
                        h("td", None, h("a", {"href": f"pairs/{p.name}.html"}, f"{p.a} ↔ {p.b}")),
                        h("td", {"class": "num"}, str(p.links)),
                        h("td", {"class": "num"}, str(p.review)),
                        h("td", {"class": "num"}, str(p.unmatched)),
                    )
                    for p in pairs
                ],
            ),
        )
    return h("section", {"id": "pairs"}, h("h2", None, "Translation pairs"), body)


def _chains(chains: list[ChainEntry]) -> etree._Element:
    if not chains:
        body = _empty("No chains of plans: the manifest chains plans by plan and follows.")
    else:
        body = h(
            "ul",
            {"class": "chains"},
            [
                h(
                    "li",
                    None,
                    h("a", {"href": f"lineages/{c.name}.html"}, " → ".join(c.plans)),
                    f" ({', '.join(c.documents)})",
                )
                for c in chains
            ],
        )
    return h("section", {"id": "chains"}, h("h2", None, "Chains of plans"), body)


def _qa_summary(findings: list[Finding]) -> etree._Element:
    severities = Counter(f.severity for f in findings)
    checks = Counter((f.check, f.severity) for f in findings)
    return h(
        "section",
        {"id": "qa"},
        h("h2", None, "Quality checks"),
        h(
            "p",
            None,
            ", ".join(_count(severities[s], s) for s in SEVERITIES) + ". ",
            h("a", {"href": "findings.html"}, "All findings"),
            " · ",
            h("a", {"href": "../qa/findings.csv"}, "CSV"),
            " · ",
            h("a", {"href": "../qa/findings.json"}, "JSON"),
        ),
        h(
            "table",
            {"class": "listing"},
            h(
                "thead",
                None,
                h(
                    "tr",
                    None,
                    h("th", None, "check"),
                    h("th", None, "severity"),
                    h("th", None, "findings"),
                ),
            ),
            h(
                "tbody",
                None,
                [
                    h(
                        "tr",
                        None,
                        h("td", None, h("a", {"href": f"findings.html#check={check}"}, check)),
                        h("td", None, h("span", {"class": f"sev sev-{severity}"}, severity)),
                        h("td", {"class": "num"}, str(n)),
                    )
                    for (check, severity), n in sorted(
                        checks.items(), key=lambda kv: (SEVERITIES.index(kv[0][1]), kv[0][0])
                    )
                ],
            ),
        )
        if findings
        else None,
    )


def findings_page(findings: list[Finding], languages: dict[str, str]) -> bytes:
    """`languages`: each document's, for the text the findings quote."""
    table = h(
        "table",
        {"class": "findings", "id": "rows"},
        h(
            "thead",
            None,
            h(
                "tr",
                None,
                [
                    h("th", None, c)
                    for c in ("unit", "severity", "check", "message", "evidence in context")
                ],
            ),
        ),
        h(
            "tbody",
            None,
            [_finding_row(k, f, languages.get(f.doc)) for k, f in enumerate(findings, 1)],
        ),
    )
    return page(
        "Findings",
        0,
        "findings-page",
        h("h1", None, "Findings"),
        h(
            "p",
            {"class": "summary"},
            f"{len(findings)} findings of the terminology and translation checks.",
        ),
        _finding_filters(findings),
        h("div", {"class": "scroll"}, table),
    )


def _finding_filters(findings: list[Finding]) -> etree._Element:
    def select(attr: str, label: str, values: list[str]) -> etree._Element:
        return h(
            "label",
            None,
            f"{label} ",
            h(
                "select",
                {"data-attr": attr},
                h("option", {"value": ""}, "all"),
                [h("option", {"value": v}, v) for v in values],
            ),
        )

    return h(
        "form",
        {"class": "toolbar", "data-rows": "#rows", "role": "search"},
        select(
            "sev", "severity", [s for s in SEVERITIES if any(f.severity == s for f in findings)]
        ),
        select("check", "check", sorted({f.check for f in findings})),
        select("doc", "document", sorted({f.doc for f in findings})),
        text_filter(),
    )


def _finding_row(index: int, finding: Finding, lang: str | None) -> etree._Element:
    uid = finding.unit[len(finding.doc) + 1 :] if finding.unit.startswith(f"{finding.doc}.") else ""
    href = f"docs/{finding.doc}.html" + (f"#{finding.unit}" if uid else "")
    return h(
        "tr",
        {
            "id": f"f{index}",
            "class": f"sev-{finding.severity}",
            "data-sev": finding.severity,
            "data-check": finding.check,
            "data-doc": finding.doc,
        },
        h("td", {"class": "id"}, h("a", {"href": href}, finding.unit or finding.doc)),
        h("td", None, h("span", {"class": f"sev sev-{finding.severity}"}, finding.severity)),
        h("td", None, finding.check),
        h("td", None, finding.message),
        h(
            "td",
            {"class": "context", "lang": lang},
            marked_text(finding.context or finding.evidence, [finding]),
        ),
    )
