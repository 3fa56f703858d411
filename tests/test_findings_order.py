"""Findings in document order, in every report: `p2` before `p12`, paragraphs and actions as
the document alternates them — not as strings (`a1`, `p12`, `p13`, `p2`).

tests/fixtures/qa/order-en.txt (written for the tests) repeats a comma in paragraphs 2 and 12,
then in action 1, then in paragraph 13.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.corpus.runner import run_corpus
from pipeline.extract import extract_file
from pipeline.model.findings import Finding, in_place, sort_findings

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "qa" / "order-en.txt"
IN_ORDER = ["order-en.p2", "order-en.p12", "order-en.a1", "order-en.p13"]


def units_of(out: str, fmt: str) -> list[str]:
    if fmt == "csv":
        return [row["unit"] for row in csv.DictReader(io.StringIO(out))]
    if fmt == "json":
        return [f["unit"] for f in json.loads(out)["findings"]]
    if fmt == "html":
        return re.findall(r"<td><code>([^<]+)</code></td>", out)
    return [line.split()[0] for line in out.splitlines()[:-1] if not line.startswith(" ")]


@pytest.mark.parametrize("fmt", ["text", "csv", "json", "html"])
def test_check_reports_in_document_order(fmt, capsys):
    assert main(["check", str(FIXTURE), "--to", fmt]) == 0
    assert units_of(capsys.readouterr().out, fmt) == IN_ORDER
    assert sorted(IN_ORDER) != IN_ORDER  # what sorting by the string would give instead


def test_the_batch_reports_in_document_order(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(FIXTURE, corpus)
    run_corpus(tmp_path, log=lambda line: None)
    qa = tmp_path / "output" / "qa"
    for fmt, name in (("csv", "csv"), ("json", "json"), ("html", "html"), ("text", "txt")):
        out = (qa / f"findings.{name}").read_text(encoding="utf-8")
        assert units_of(out, fmt) == IN_ORDER, fmt


def test_places_first_page_and_unknown_units():
    doc = extract_file(FIXTURE, "order-en", "en")
    findings = [
        Finding("order-en", "order-en.nowhere", "x", "warning", "names no unit"),
        Finding("order-en", "order-en.p13", "x", "warning", "last unit"),
        Finding("order-en", "order-en.s1", "x", "warning", "first section"),
        Finding("order-en", "", "x", "warning", "the document"),
        Finding("other", "other.p1", "x", "warning", "another document"),
    ]
    ordered = sort_findings(in_place(findings, [doc]))
    assert [f.message for f in ordered] == [
        "the document",
        "first section",
        "last unit",
        "names no unit",
        "another document",
    ]
    assert "place" not in ordered[0].to_dict()
