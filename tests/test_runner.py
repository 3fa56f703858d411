"""The batch runner: a failing document, even through a bug, never stops the others."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from pipeline.corpus import runner, work

ROOT = Path(__file__).resolve().parent.parent


def test_internal_error_is_isolated(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    real_extract = work.extract_file

    def flaky(path, doc_id, *args, **kwargs):
        if doc_id == "nmap-model-zh":
            raise RuntimeError("boom")
        return real_extract(path, doc_id, *args, **kwargs)

    monkeypatch.setattr(work, "extract_file", flaky)
    lines: list[str] = []
    result = runner.run_corpus(tmp_path, log=lines.append)
    assert [o.id for o in result.failed] == ["nmap-model-zh"]
    assert result.failed[0].message == (
        "corpus/002_0c1cfc0310d863da.txt: internal error: RuntimeError: boom"
    )
    assert "FAILED corpus/002_0c1cfc0310d863da.txt: internal error: RuntimeError: boom" in lines
    assert sorted(p.name for p in (tmp_path / "output" / "tei").iterdir()) == [
        "ceca-report-2025-zh.xml",
        "lausanne-zh.xml",
        "srap-draft-zh.xml",
        "vap-review-cooperation-zh.xml",
    ]


def test_run_json_summary(tmp_path):
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    runner.run_corpus(tmp_path, log=lambda line: None)
    run = json.loads((tmp_path / "output" / "run.json").read_text(encoding="utf-8"))
    findings = run["summary"].pop("findings")  # what QA finds is tested in test_qa
    assert isinstance(findings, int)
    assert run["summary"] == {
        "documents": 5,
        "ok": 4,
        "warned": 1,
        "failed": 0,
        "sections": 26,
        "paragraphs": 83,
        "actions": 95,
        "indicators": 164,
        "footnotes": 5,
        "links": 0,
    }
    srap = next(d for d in run["documents"] if d["id"] == "srap-draft-zh")
    assert srap["warnings"] == ["line 30: note * is defined but never referenced"]
    qa = tmp_path / "output" / "qa"
    assert sorted(p.name for p in qa.iterdir()) == [
        "findings.csv",
        "findings.html",
        "findings.json",
        "findings.txt",
        "glossary.tbx",
        "renderings.json",
        "renderings.tsv",
    ]
    assert len(json.loads((qa / "findings.json").read_text(encoding="utf-8"))["findings"]) == (
        findings
    )
    rows = [
        line.split("\t")
        for line in (qa / "renderings.tsv").read_text(encoding="utf-8").splitlines()[1:]
    ]
    survey = {row[3]: row[6].split() for row in rows if row[0] == "survey"}
    assert "lausanne-zh.a21.r1" in survey["勘查"] and "lausanne-zh.a21" in survey["勘察"]


def test_inferred_ids_never_collide(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seed = (ROOT / "corpus" / "002_0c1cfc0310d863da.txt").read_bytes()
    for name in ("文件.txt", "报告.txt", "Plan A.txt", "plan_a.txt"):
        (corpus / name).write_bytes(seed)
    result = runner.run_corpus(tmp_path, log=lambda line: None)
    ids = [o.id for o in result.outcomes]
    assert sorted(ids) == ["doc", "doc-2", "plan-a", "plan-a-2"]
    assert len(list((tmp_path / "output" / "tei").iterdir())) == 4
    from pipeline.writers.schema import validate_tei

    assert validate_tei((tmp_path / "output" / "corpus.xml").read_bytes()) == []
