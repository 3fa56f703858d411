"""The batch run under hostile conditions: files that cannot be read, vanish or loop; runs
killed mid-way; two runs at once. Nothing earlier is lost and the next run completes."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from lxml import etree

from pipeline.cli import main
from pipeline.corpus import runner
from pipeline.doc_ids import default_id

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "corpus").glob("*.txt"))
PLANALIGN = Path(sys.executable).parent / "planalign"


def seed_corpus(root: Path, copies: int = 1) -> Path:
    """A project folder holding the seed files (no manifest: ids from the file names),
    `copies` times over under different names."""
    corpus = root / "corpus"
    corpus.mkdir(parents=True)
    for copy in range(copies):
        for seed in SEEDS:
            shutil.copy(seed, corpus / f"c{copy}-{seed.name}")
    return corpus


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for folder in ("output", "alignments")
        if (root / folder).exists()
        for p in sorted((root / folder).rglob("*"))
        if p.is_file() and ".cache" not in p.parts and p.name != ".lock"
    }


def run_json(root: Path) -> dict:
    return json.loads((root / "output" / "run.json").read_text(encoding="utf-8"))


def failures(root: Path) -> dict[str, str]:
    return {d["file"]: d["message"] for d in run_json(root)["documents"] if d["status"] == "failed"}


def test_hostile_files_fail_alone(tmp_path):
    corpus = seed_corpus(tmp_path)
    shutil.copy(SEEDS[2], corpus / "a name with spaces 报告.txt")
    with (corpus / "huge.txt").open("wb") as big:  # sparse: 200 MB on paper, no disk
        big.truncate(200 * 2**20)
    with (corpus / "huge.pdf").open("wb") as big:
        big.truncate(200 * 2**20)
    (corpus / "loop.txt").symlink_to("loop.txt")
    (corpus / "sub").mkdir()
    (corpus / "sub" / "up").symlink_to("..")  # a directory loop is not followed
    (corpus / "dangling.txt").symlink_to("nowhere.txt")
    started = time.monotonic()
    assert main(["corpus", "--root", str(tmp_path), "--jobs", "2"]) == 1
    assert time.monotonic() - started < 60
    assert failures(tmp_path) == {
        "corpus/huge.txt": "corpus/huge.txt: too large for a text document (200 MB; "
        "the limit is 32 MB)",
        "corpus/huge.pdf": "corpus/huge.pdf: not a PDF (no %PDF- header)",
        "corpus/loop.txt": "corpus/loop.txt: cannot read: Too many levels of symbolic links",
        "corpus/dangling.txt": "corpus/dangling.txt: broken symbolic link to nowhere.txt",
    }
    written = sorted(p.name for p in (tmp_path / "output" / "tei").iterdir())
    assert "a-name-with-spaces.xml" in written and len(written) == len(SEEDS) + 1


def test_unreadable_file_fails_alone(tmp_path, monkeypatch):
    corpus = seed_corpus(tmp_path)
    locked = corpus / f"c0-{SEEDS[0].name}"
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make the read fail as it would for a user
        real_open = Path.open

        def guarded(path, *args, **kwargs):
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, *args, **kwargs)

        monkeypatch.setattr(Path, "open", guarded)
    assert main(["corpus", "--root", str(tmp_path), "--jobs", "1"]) == 1
    assert failures(tmp_path) == {
        f"corpus/{locked.name}": f"corpus/{locked.name}: cannot read: Permission denied"
    }
    assert len(list((tmp_path / "output" / "tei").iterdir())) == len(SEEDS) - 1


def test_file_vanishing_mid_run(tmp_path, monkeypatch):
    corpus = seed_corpus(tmp_path)
    doomed = corpus / f"c0-{SEEDS[-1].name}"
    real_plan = runner.plan_documents

    def plan_then_delete(*args, **kwargs):
        planned = real_plan(*args, **kwargs)
        doomed.unlink()  # listed, then gone before it is read
        return planned

    monkeypatch.setattr(runner, "plan_documents", plan_then_delete)
    assert main(["corpus", "--root", str(tmp_path), "--jobs", "1"]) == 1
    assert list(failures(tmp_path)) == [f"corpus/{doomed.name}"]
    assert "not found" in failures(tmp_path)[f"corpus/{doomed.name}"]
    assert len(list((tmp_path / "output" / "tei").iterdir())) == len(SEEDS) - 1


def start_run(root: Path, *options: str) -> subprocess.Popen:
    return subprocess.Popen(
        [str(PLANALIGN), "corpus", "--root", str(root), *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_documents(run: subprocess.Popen, count: int) -> None:
    """Read the run's log until `count` documents are done."""
    done = 0
    for line in run.stdout:
        if line.startswith(("ok ", "warned ", "FAILED ")):
            done += 1
            if done == count:
                return
    pytest.fail(f"the run ended before {count} documents: {run.stderr.read()}")


def interrupted_run(root: Path, sig: int) -> tuple[int, str, str]:
    """A run signalled once three documents are done: its exit status, the rest of its log,
    its errors."""
    run = start_run(root, "--jobs", "1")
    wait_for_documents(run, 3)
    assert run.poll() is None, "the run ended before it could be killed"
    run.send_signal(sig)
    code = run.wait(timeout=60)
    return code, run.stdout.read(), run.stderr.read()


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_killed_run_loses_nothing(tmp_path, sig):
    corpus = seed_corpus(tmp_path, copies=4)
    assert main(["corpus", "--root", str(tmp_path), "--jobs", "1"]) == 0
    before = snapshot(tmp_path)
    for _attempt in range(3):  # a busy machine may let the run end as it is signalled
        for path in corpus.iterdir():  # every document changes: the next run rewrites all
            path.write_bytes(path.read_bytes() + "\n一. 附加章节\n".encode())
        code, stdout, stderr = interrupted_run(tmp_path, sig)
        if code != 0 or "documents:" not in stdout:
            break
        before = snapshot(tmp_path)  # it ran to the end: what the next one may change
    if sig == signal.SIGINT:
        assert code == 130 and "Traceback" not in stderr and "interrupted" in stderr
    else:
        assert code == -signal.SIGKILL
    for name, data in snapshot(tmp_path).items():  # each file old or new, never half
        if name.endswith(".xml"):
            etree.fromstring(data)
        if name in before and data != before[name]:
            assert name.startswith(("output/tei/", "output/corpus.xml"))
    assert main(["corpus", "--root", str(tmp_path), "--jobs", "1"]) == 0
    assert not list(tmp_path.rglob(".*.tmp"))
    fresh = tmp_path / "fresh"
    shutil.copytree(corpus, fresh / "corpus")
    assert main(["corpus", "--root", str(fresh), "--jobs", "1"]) == 0
    assert snapshot(tmp_path) == snapshot(fresh)


def test_two_runs_at_once(tmp_path):
    seed_corpus(tmp_path, copies=3)
    first = start_run(tmp_path, "--jobs", "1", "--force")
    wait_for_documents(first, 1)
    assert first.poll() is None
    second = subprocess.run(
        [str(PLANALIGN), "corpus", "--root", str(tmp_path)],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert second.returncode == 2
    assert second.stderr.strip().endswith(
        "another planalign run is working on this folder; wait for it to finish"
    )
    assert "Traceback" not in second.stderr
    for _ in first.stdout:
        pass
    assert first.wait(timeout=120) == 0
    assert run_json(tmp_path)["summary"]["failed"] == 0


def test_overrides_never_written(tmp_path):
    seed_corpus(tmp_path)
    overrides = tmp_path / "alignments" / "overrides.tsv"
    overrides.parent.mkdir()
    overrides.write_text("source_id\ttarget_id\tdecision\n", encoding="utf-8")
    overrides.chmod(0o444)
    stamp = overrides.stat().st_mtime_ns
    assert main(["corpus", "--root", str(tmp_path), "--jobs", "1"]) == 0
    assert overrides.stat().st_mtime_ns == stamp
    assert overrides.read_text(encoding="utf-8") == "source_id\ttarget_id\tdecision\n"


def test_outputs_of_removed_documents_go_those_of_failed_ones_stay(tmp_path, capsys):
    corpus = seed_corpus(tmp_path)
    assert main(["corpus", "--root", str(tmp_path), "--jobs", "1"]) == 0
    tei = tmp_path / "output" / "tei"
    gone, broken = sorted(corpus.iterdir())[:2]
    kept = (tei / f"{default_id(broken)}.xml").read_bytes()
    gone.unlink()
    broken.write_bytes(b"\x00\x01\x02\x03binary now")  # a stray control or two is text
    capsys.readouterr()
    assert main(["corpus", "--root", str(tmp_path), "--jobs", "1"]) == 1
    out = capsys.readouterr().out
    removed = f"output/tei/{default_id(gone)}.xml"
    assert f"removed {removed}: its document is no longer in the corpus" in out
    assert not (tmp_path / removed).exists()
    assert (tei / f"{default_id(broken)}.xml").read_bytes() == kept
    assert len(list(tei.iterdir())) == len(SEEDS) - 1


def test_departed_outputs_are_those_naming_a_document_no_longer_there(tmp_path):
    for name in (
        "output/tei/a.xml",
        "output/tei/gone.xml",
        "alignments/a__b.xml",
        "alignments/a__b.tmx",
        "alignments/a__gone.tsv",
        "alignments/gone__b.succession.xml",
        "alignments/overrides.tsv",
        "alignments/lineages.x--y.tsv",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    departed = runner._departed(tmp_path, {"a", "b"})
    assert [p.relative_to(tmp_path).as_posix() for p in departed] == [
        "output/tei/gone.xml",
        "alignments/a__gone.tsv",
        "alignments/gone__b.succession.xml",
    ]
