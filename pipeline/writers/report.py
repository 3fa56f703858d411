"""QA findings as text (coloured on a terminal), CSV, JSON and one self-contained HTML page;
`write_qa` writes all four to a folder (`output/qa/` in a batch run).

Every format names the document, xml:id, check, severity and message of each finding and
shows the offending text (the evidence) inside its context.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections import Counter
from pathlib import Path

from pipeline import atomic
from pipeline.model.findings import SEVERITIES, Finding

FIELDS = ("doc", "unit", "check", "severity", "message", "evidence", "context")

_RESET, _MARK = "\x1b[0m", "\x1b[1;4m"
_SEVERITY_COLOUR = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_PLAIN_MARK = ("⟦", "⟧")


def counts(findings: list[Finding]) -> dict[str, int]:
    by_severity = Counter(f.severity for f in findings)
    return {"findings": len(findings), **{s: by_severity.get(s, 0) for s in SEVERITIES}}


def summary_line(findings: list[Finding]) -> str:
    if not findings:
        return "no findings"
    numbers = counts(findings)
    return (
        f"{numbers['findings']} finding{'s' if len(findings) != 1 else ''}: "
        f"{numbers['error']} error(s), {numbers['warning']} warning(s), "
        f"{numbers['info']} info"
    )


def marked(context: str, evidence: str) -> list[tuple[str, bool]]:
    """The context cut into pieces, each occurrence of the evidence marked True — but not
    inside a longer word or number: evidence `1` is not marked in `1999`, `and` not in
    `standard`."""
    pattern = (
        re.compile(
            _edge(evidence[:1], before=True)
            + re.escape(evidence)
            + _edge(evidence[-1:], before=False)
        )
        if evidence
        else None
    )
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in pattern.finditer(context) if pattern else ():
        pieces += [(context[position : match.start()], False), (match.group(), True)]
        position = match.end()
    pieces.append((context[position:], False))
    return [(text, mark) for text, mark in pieces if text]


def _edge(char: str, before: bool) -> str:
    if not char.isascii() or not char.isalnum():
        return ""
    return r"(?<![A-Za-z0-9])" if before else r"(?![A-Za-z0-9])"


def findings_to_text(findings: list[Finding], colour: bool = False) -> str:
    lines = []
    for f in findings:
        severity = f.severity
        if colour:
            severity = f"{_SEVERITY_COLOUR.get(f.severity, '')}{f.severity}{_RESET}"
        lines.append(f"{f.unit or f.doc}  {severity}  {f.check}: {f.message}")
        if f.context or f.evidence:
            lines.append(f"    {_text_context(f, colour)}")
    lines.append(summary_line(findings))
    return "\n".join(lines) + "\n"


def _text_context(f: Finding, colour: bool) -> str:
    opening, closing = (_MARK, _RESET) if colour else _PLAIN_MARK
    return "".join(f"{opening}{text}{closing}" if mark else text for text, mark in _shown(f))


def _shown(f: Finding) -> list[tuple[str, bool]]:
    """The finding's context with its evidence marked; the evidence alone without context."""
    return marked(f.context, f.evidence) or [(f.evidence, True)]


def findings_to_csv(findings: list[Finding]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    writer.writerows([getattr(f, name) for name in FIELDS] for f in findings)
    return out.getvalue()


def findings_to_json(findings: list[Finding]) -> str:
    payload = {"counts": counts(findings), "findings": [f.to_dict() for f in findings]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def findings_to_html(findings: list[Finding], title: str = "planalign: QA findings") -> str:
    rows = "\n".join(_html_row(f) for f in findings)
    present = {name: {getattr(f, name) for f in findings} for name in ("severity", "check", "doc")}
    filters = (
        _html_select("severity", "severity", [s for s in SEVERITIES if s in present["severity"]])
        + _html_select("check", "check", sorted(present["check"]))
        + _html_select("doc", "document", sorted(present["doc"]))
    )
    return _PAGE.format(
        title=html.escape(title),
        summary=html.escape(summary_line(findings)),
        filters=filters,
        rows=rows,
        script=_SCRIPT,
    )


def _html_row(f: Finding) -> str:
    context = "".join(
        f"<mark>{html.escape(text)}</mark>" if mark else html.escape(text)
        for text, mark in _shown(f)
    )
    data = "".join(
        f' data-{name}="{html.escape(getattr(f, name))}"' for name in ("severity", "check", "doc")
    )
    return (
        f'<tr class="{html.escape(f.severity)}"{data}><td>{html.escape(f.doc)}</td>'
        f"<td><code>{html.escape(f.unit) or '—'}</code></td><td>{html.escape(f.check)}</td>"
        f'<td class="sev">{html.escape(f.severity)}</td><td>{html.escape(f.message)}</td>'
        f'<td class="ctx">{context}</td></tr>'
    )


def _html_select(name: str, label: str, values: list[str]) -> str:
    options = "".join(f"<option>{html.escape(v)}</option>" for v in values)
    return (
        f'<label>{label} <select data-filter="{name}"><option value="">all</option>'
        f"{options}</select></label> "
    )


def qa_files(findings: list[Finding]) -> dict[str, bytes]:
    """findings.{txt,csv,json,html}: file name → bytes."""
    writers = {
        "txt": findings_to_text,
        "csv": findings_to_csv,
        "json": findings_to_json,
        "html": findings_to_html,
    }
    return {
        f"findings.{suffix}": write(findings).encode("utf-8") for suffix, write in writers.items()
    }


def write_qa(folder: Path, findings: list[Finding]) -> None:
    """findings.{txt,csv,json,html} in `folder`, each written whole or not at all."""
    for name, data in qa_files(findings).items():
        atomic.write_bytes(Path(folder) / name, data)


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
body {{ font-family: system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif;
       margin: 1.5em; color: #222; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border-bottom: 1px solid #ddd; padding: .35em .5em; text-align: left;
          vertical-align: top; }}
th {{ background: #f4f4f4; position: sticky; top: 0; }}
tr.error .sev {{ color: #b00020; font-weight: bold; }}
tr.warning .sev {{ color: #9a6700; }}
tr.info .sev {{ color: #0b6e99; }}
td.ctx {{ max-width: 40em; }}
mark {{ background: #ffe08a; font-weight: bold; }}
.filters {{ margin: 1em 0; }}
.filters label {{ margin-right: 1em; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p id="summary">{summary}</p>
<div class="filters">{filters}<label>text <input type="search" id="text-filter"></label>
<span id="shown"></span></div>
<table>
<thead><tr><th>document</th><th>xml:id</th><th>check</th><th>severity</th><th>message</th>
<th>in context</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
<script>
{script}
</script>
</body>
</html>
"""

_SCRIPT = """const selects = [...document.querySelectorAll("select[data-filter]")];
const text = document.getElementById("text-filter");
const rows = [...document.querySelectorAll("tbody tr")];
function apply() {
  const query = text.value.toLowerCase();
  let shown = 0;
  for (const row of rows) {
    const visible = selects.every(s => !s.value || row.dataset[s.dataset.filter] === s.value)
      && (!query || row.textContent.toLowerCase().includes(query));
    row.hidden = !visible;
    shown += visible;
  }
  document.getElementById("shown").textContent = shown + " of " + rows.length + " shown";
}
selects.forEach(s => s.addEventListener("change", apply));
text.addEventListener("input", apply);
apply();"""
