"""The batch run (`planalign corpus`): cached, parallel, isolated, deterministic."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pdfgen
import pytest
from corpora import chain_entries, entry, pair_entries

from pipeline.cli import main
from pipeline.corpus import work
from pipeline.corpus.executor import ProcessExecutor, SerialExecutor, TaskError
from pipeline.corpus.progress import Progress
from pipeline.corpus.runner import run_corpus

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PAIR = HERE / "fixtures" / "bilingual"
CHAIN = HERE / "fixtures" / "chain"


@pytest.fixture(scope="session")
def oslo_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("batch") / "oslo.pdf"
    pdfgen.render_file(HERE / "fixtures" / "en" / "oslo.txt", path, "en", "oslo")
    return path


@pytest.fixture
def project(tmp_path, oslo_pdf) -> Path:
    """A small corpus with every stage in it: a translation pair, a chain of three plans,
    a seed, a PDF; and a human decision in alignments/overrides.tsv."""
    root = tmp_path / "project"
    corpus = root / "corpus"
    corpus.mkdir(parents=True)
    for path in (
        PAIR / "plan-en.txt",
        PAIR / "plan-zh.txt",
        *sorted(CHAIN.glob("*.txt")),
        ROOT / "corpus" / "002_0c1cfc0310d863da.txt",
        oslo_pdf,
    ):
        shutil.copy(path, corpus)
    (corpus / "manifest.toml").write_text(
        pair_entries()
        + chain_entries()
        + entry("model-zh", "002_0c1cfc0310d863da.txt", "zh")
        + entry("oslo-pdf", "oslo.pdf", "en"),
        encoding="utf-8",
    )
    (root / "alignments").mkdir()
    (root / "alignments" / "overrides.tsv").write_text("fx-a.a7\tfx-b.a8\tlink\n")
    return root


def files(root: Path) -> dict[str, bytes]:
    """Every file of output/ and alignments/, cache included, by path."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for folder in ("output", "alignments")
        for p in sorted((root / folder).rglob("*"))
        if p.is_file()
    }


def quiet(root: Path, **options):
    return run_corpus(root, log=lambda line: None, **options)


class Calls:
    """Counts the extraction and alignment work actually done, in this process."""

    def __init__(self, monkeypatch):
        self.extracted: list[str] = []
        self.translated = 0
        self.chained = 0
        real = work.extract_file, work.align_translation, work.align_chain

        def extract(path, doc_id, *args, **kwargs):
            self.extracted.append(doc_id)
            return real[0](path, doc_id, *args, **kwargs)

        def translate(*args, **kwargs):
            self.translated += 1
            return real[1](*args, **kwargs)

        def chain(*args, **kwargs):
            self.chained += 1
            return real[2](*args, **kwargs)

        monkeypatch.setattr(work, "extract_file", extract)
        monkeypatch.setattr(work, "align_translation", translate)
        monkeypatch.setattr(work, "align_chain", chain)


# 1. Incremental ------------------------------------------------------------------------------


def test_no_change_rerun_does_no_work_and_writes_nothing(project, monkeypatch):
    first = quiet(project)
    assert first.failures == 0 and first.links > 20
    before = {p: p.stat().st_mtime_ns for p in project.rglob("*") if p.is_file()}
    calls = Calls(monkeypatch)
    again = quiet(project)
    assert (calls.extracted, calls.translated, calls.chained) == ([], 0, 0)
    assert again.computed == 0 and again.cached == first.computed
    assert again.summary() == first.summary()
    assert {p: p.stat().st_mtime_ns for p in project.rglob("*") if p.is_file()} == before


def test_changing_one_document_recomputes_only_what_depends_on_it(project, monkeypatch):
    quiet(project)
    plan_c = project / "corpus" / "plan-c.txt"
    plan_c.write_text(plan_c.read_text().replace("high-level contacts", "high-level visits"))
    calls = Calls(monkeypatch)
    result = quiet(project)
    assert calls.extracted == ["fx-c"]
    assert (calls.translated, calls.chained) == (0, 1)  # the pair does not read plan c
    # fx-c's extraction, the corpus, the pairs-and-chains plan, the chain; QA: fx-c's own
    # checks (not the other documents'), the corpus-wide terms and the report; the site:
    # fx-c's page and the chain's lineage page (the index and the findings page show nothing
    # that changed: the same counts, the same findings)
    assert result.computed == 9
    assert b"high-level visits" in (project / "output" / "tei" / "fx-c.xml").read_bytes()


def test_the_site_is_rebuilt_only_where_its_inputs_changed(project):
    quiet(project)
    site = project / "output" / "site"
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*.html")}
    assert {"index.html", "findings.html", "docs/fx-c.html", "pairs/fx-en__fx-zh.html"} <= {
        p.relative_to(site).as_posix() for p in before
    }
    plan_c = project / "corpus" / "plan-c.txt"
    plan_c.write_text(plan_c.read_text().replace("high-level contacts", "high-level visits"))
    quiet(project)
    rewritten = sorted(
        p.relative_to(site).as_posix() for p in before if p.stat().st_mtime_ns != before[p]
    )
    assert rewritten == ["docs/fx-c.html", "lineages/lineages.fx-a--fx-b--fx-c.html"]
    assert "high-level visits" in (site / "docs" / "fx-c.html").read_text(encoding="utf-8")
    (project / "corpus" / "plan-c.txt").unlink()
    manifest = project / "corpus" / "manifest.toml"
    kept = manifest.read_text().split("[[document]]")
    manifest.write_text("[[document]]".join(t for t in kept if "plan-c.txt" not in t))
    quiet(project)
    assert not (site / "docs" / "fx-c.html").exists()
    assert not (site / "lineages" / "lineages.fx-a--fx-b--fx-c.html").exists()
    assert (site / "lineages" / "lineages.fx-a--fx-b.html").is_file()


def test_changing_the_overrides_realigns_but_does_not_reextract(project, monkeypatch):
    quiet(project)
    overrides = project / "alignments" / "overrides.tsv"
    overrides.write_text("fx-a.a7\tfx-b.a8\tunlink\n")
    calls = Calls(monkeypatch)
    quiet(project)
    assert (calls.extracted, calls.translated, calls.chained) == ([], 1, 1)
    assert overrides.read_text() == "fx-a.a7\tfx-b.a8\tunlink\n"


def test_force_recomputes_everything(project, monkeypatch):
    quiet(project)
    calls = Calls(monkeypatch)
    result = quiet(project, force=True)
    assert sorted(calls.extracted) == sorted(
        ["fx-en", "fx-zh", "fx-a", "fx-b", "fx-c", "model-zh", "oslo-pdf"]
    )
    assert (calls.translated, calls.chained) == (1, 1)
    assert result.cached == 0


def test_corrupt_cache_entries_are_misses(project, monkeypatch):
    quiet(project)
    expected = files(project)
    entries = sorted((project / "output" / ".cache" / "extract").glob("*.pickle"))
    entries[0].write_bytes(entries[0].read_bytes()[:100])  # truncated
    entries[1].write_bytes(b"not a pickle at all")
    calls = Calls(monkeypatch)
    result = quiet(project)
    assert len(calls.extracted) == 2 and result.failures == 0
    assert files(project) == expected  # rewritten whole, the same


def test_stale_cache_entries_are_pruned(project):
    quiet(project)
    shutil.copy(project / "corpus" / "plan-a.txt", project / "corpus" / "extra.txt")
    quiet(project)
    (project / "corpus" / "extra.txt").unlink()
    quiet(project)
    cache = project / "output" / ".cache" / "extract"
    assert len(list(cache.glob("*.pickle"))) == 7


# 2, 3, 7. Parallel, Dask and deterministic -------------------------------------------------


def test_two_full_runs_are_byte_identical(project, tmp_path):
    quiet(project)
    first = files(project)
    shutil.rmtree(project / "output")
    quiet(project, force=True)
    assert files(project) == first
    assert "alignments/fx-en__fx-zh.tmx" in first and "output/qa/findings.json" in first
    assert "alignments/lineages.fx-a--fx-b--fx-c.tsv" in first


def test_two_jobs_give_the_same_bytes_as_one(project, tmp_path):
    other = tmp_path / "other"
    shutil.copytree(project, other)
    assert main(["corpus", "--root", str(project), "--jobs", "1"]) == 0
    assert main(["corpus", "--root", str(other), "--jobs", "2"]) == 0
    assert files(other) == files(project)


def test_dask_backend_gives_the_same_bytes(project, tmp_path, capsys):
    distributed = pytest.importorskip("dask.distributed")
    other = tmp_path / "other"
    shutil.copytree(project, other)
    assert main(["corpus", "--root", str(project), "--jobs", "1"]) == 0
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        assert (
            main(
                [
                    "corpus",
                    "--root",
                    str(other),
                    "--executor",
                    "dask",
                    "--scheduler",
                    cluster.scheduler_address,
                ]
            )
            == 0
        )
        ran = cluster.scheduler.task_prefixes["run_job"]  # the tasks went through Dask
        assert ran.all_durations["compute"] > 0
    assert files(other) == files(project)
    assert "7 documents: " in capsys.readouterr().out


def test_a_dead_worker_fails_its_task_alone():
    results = dict(ProcessExecutor(2).map_unordered(die_on_three, [1, 2, 3, 4, 5]))
    assert [results[i] for i in (0, 1, 3, 4)] == [2, 4, 8, 10]
    assert isinstance(results[2], TaskError) and "died" in results[2].message
    assert dict(SerialExecutor().map_unordered(die_on_three, [1, 2])) == {0: 2, 1: 4}


def die_on_three(number: int) -> int:
    if number == 3:
        os._exit(1)
    return number * 2


# 4, 5. Progress, summary, failures and exit status ------------------------------------------


def test_failures_are_isolated_reported_and_exit_one(project, monkeypatch, capsys):
    (project / "corpus" / "empty.txt").write_bytes(b"")

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(work, "align_translation", broken)
    assert main(["corpus", "--root", str(project), "--jobs", "1"]) == 1
    out = capsys.readouterr().out
    assert "FAILED corpus/empty.txt: " in out
    assert "FAILED alignments/fx-en__fx-zh: internal error: RuntimeError: boom" in out
    run = json.loads((project / "output" / "run.json").read_text(encoding="utf-8"))
    assert {k: run["summary"][k] for k in ("documents", "ok", "warned", "failed")} == {
        "documents": 8,
        "ok": 7,
        "warned": 0,
        "failed": 1,
    }
    tasks = {t["name"]: t for t in run["tasks"]}
    assert tasks["fx-en__fx-zh"]["status"] == "failed"
    assert tasks["lineages.fx-a--fx-b--fx-c"]["status"] == "ok"
    assert (project / "alignments" / "lineages.fx-a--fx-b--fx-c.tsv").exists()
    assert "internal error" in tasks["fx-en__fx-zh"]["message"]
    # the failure is not cached: once fixed, the pair is aligned
    monkeypatch.undo()
    (project / "corpus" / "empty.txt").unlink()
    assert main(["corpus", "--root", str(project), "--jobs", "1"]) == 0


def test_exit_two_when_the_run_cannot_start(project, tmp_path, capsys):
    assert main(["corpus", "--root", str(tmp_path / "nowhere")]) == 2
    (project / "alignments" / "overrides.tsv").write_text("only one field\n")
    assert main(["corpus", "--root", str(project)]) == 2
    assert main(["corpus", "--root", str(project), "--executor", "dask"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 3 and "overrides.tsv:1: " in err[1] and "--scheduler" in err[2]
    assert not (project / "output").exists()
    with pytest.raises(SystemExit) as bad_jobs:
        main(["corpus", "--root", str(project), "--jobs", "0"])
    assert bad_jobs.value.code == 2


def test_summary_and_run_json(project, capsys):
    assert main(["corpus", "--root", str(project), "--jobs", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1].startswith("7 documents: 7 ok, 0 warned, 0 failed; ")
    assert " links; " in out[-1] and " findings; " in out[-1] and out[-1].endswith(" s")
    run = json.loads((project / "output" / "run.json").read_text(encoding="utf-8"))
    assert set(run) == {"summary", "documents", "tasks", "warnings"}
    assert run["warnings"] == []
    assert run["summary"]["links"] > 20 and run["summary"]["actions"] > 20
    assert [t["kind"] for t in run["tasks"]] == ["translation", "succession", "qa"]
    assert "seconds" not in json.dumps(run)  # times stay out: run.json is deterministic


def test_plain_lines_without_a_terminal(project):
    run = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "corpus", "--root", str(project), "--jobs", "1"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""  # no bar
    assert "ok     fx-en: " in run.stdout and "\r" not in run.stdout


def test_a_bar_on_a_terminal(project):
    import io

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen, lines = Terminal(), []
    quiet_bar = Progress.for_terminal(lines.append, screen)
    run_corpus(project, progress=quiet_bar)
    assert "documents: 100%" in screen.getvalue() and "alignments: 100%" in screen.getvalue()
    assert not any(line.startswith("ok ") for line in lines)  # routine lines left out
    assert lines[-1].startswith("7 documents: 7 ok")


def test_decisions_naming_no_document_are_reported(project, capsys):
    overrides = project / "alignments" / "overrides.tsv"
    overrides.parent.mkdir(exist_ok=True)
    overrides.write_text(
        "source_id\ttarget_id\tdecision\nnobody.p1\tfx-en.p1\tlink\n", encoding="utf-8"
    )
    assert main(["corpus", "--root", str(project), "--jobs", "1"]) == 0
    warning = (
        "alignments/overrides.tsv:2: nobody.p1 names no document of the corpus: the "
        "decision was not applied"
    )
    assert f"warning {warning}" in capsys.readouterr().out.splitlines()
    run = json.loads((project / "output" / "run.json").read_text(encoding="utf-8"))
    assert run["warnings"] == [warning]
