"""Inputs as they come: encodings, bad files, the batch run, atomic writes and the command line."""

from __future__ import annotations

import codecs
import io
import json
import os
import random
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from pipeline import atomic, cli
from pipeline.errors import InputError
from pipeline.extract import extract_file

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpus"
SEED_ZH = SEEDS / "002_0c1cfc0310d863da.txt"  # 13 numbered paragraphs, footnote ¹
TEI_NS = "{http://www.tei-c.org/ns/1.0}"


def planalign(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "pipeline.cli", *map(str, args)],
        check=False,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def assert_one_line_error(result: subprocess.CompletedProcess, name: str) -> str:
    """Exit 2 and one line on stderr naming the file: the contract for unusable input."""
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert name in lines[0]
    return lines[0]


def structure(doc) -> tuple:
    """What must not depend on the encoding: sections, paragraphs, footnotes."""
    return (
        [(s.uid, s.n, s.head.text) for s in doc.all_sections()],
        [(p.uid, p.n, p.body.text) for p in doc.paragraphs()],
        [(f.uid, f.n, f.body.text, f.referenced_by) for f in doc.footnotes],
    )


# 1. Encodings ---------------------------------------------------------------------------

TEXT_ZH = SEED_ZH.read_text(encoding="utf-8")
# GBK has no "¹"; the converted text's other spelling of a footnote marker stands in for it.
TEXT_GBK = TEXT_ZH.replace("¹", "<sup>1</sup>")

ENCODINGS = {
    "utf-8-bom": (codecs.BOM_UTF8 + TEXT_ZH.encode("utf-8"), "utf-8-bom"),
    "utf-16-le-bom": (codecs.BOM_UTF16_LE + TEXT_ZH.encode("utf-16-le"), "utf-16-le-bom"),
    "utf-16-be-bom": (codecs.BOM_UTF16_BE + TEXT_ZH.encode("utf-16-be"), "utf-16-be-bom"),
    "utf-16-le-crlf": (
        codecs.BOM_UTF16_LE + TEXT_ZH.replace("\n", "\r\n").encode("utf-16-le"),
        "utf-16-le-bom",
    ),
    "utf-16-le": (TEXT_ZH.encode("utf-16-le"), "utf-16-le"),
    "utf-16-be": (TEXT_ZH.encode("utf-16-be"), "utf-16-be"),
    "gb18030": (TEXT_ZH.encode("gb18030"), "gb18030"),
    "gbk": (TEXT_GBK.encode("gbk"), "gb18030"),  # GBK is a subset of GB18030
    "gbk-crlf": (TEXT_GBK.replace("\n", "\r\n").encode("gbk"), "gb18030"),
}


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    path = tmp_path_factory.mktemp("utf8") / "plan.txt"
    path.write_bytes(TEXT_ZH.encode("utf-8"))
    doc = extract_file(path, "plan")
    assert doc.source.encoding == "utf-8"
    _, paragraphs, footnotes = found = structure(doc)
    assert len([p for p in paragraphs if p[1]]) >= 10 and footnotes, "the seed lost its structure"
    return found


@pytest.mark.parametrize("name", ENCODINGS)
def test_every_encoding_gives_the_same_structure(tmp_path, reference, name):
    data, encoding = ENCODINGS[name]
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    doc = extract_file(path, "plan")
    assert doc.source.encoding == encoding
    assert structure(doc) == reference


def latin1(tmp_path: Path) -> Path:
    path = tmp_path / "latin1.txt"
    path.write_bytes("I. Introduction\n\n1. The committee met in the café.\n".encode("latin-1"))
    return path


def test_latin1_is_refused_with_its_line(tmp_path):
    path = latin1(tmp_path)
    with pytest.raises(InputError) as caught:
        extract_file(path)
    assert caught.value.line == 3
    assert str(caught.value).startswith(f"{path}:3: ")


def test_random_bytes_are_refused(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(random.Random(1).randbytes(3000))
    with pytest.raises(InputError) as caught:
        extract_file(path)
    assert str(caught.value).startswith(str(path))


def test_corrupt_gbk_names_the_line_of_the_bad_bytes(tmp_path):
    data = TEXT_GBK.encode("gbk")
    line = 19  # 加强合作与援助事务委员会(…)提交
    at = data.index("加强合作与援助事务委员会".encode("gbk"))
    assert data[:at].count(b"\n") + 1 == line
    path = tmp_path / "broken.txt"
    path.write_bytes(data[:at] + b"\xff\xff" + data[at:])
    with pytest.raises(InputError) as caught:
        extract_file(path)
    assert caught.value.line == line


def test_truncated_utf16_is_refused(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes(TEXT_ZH.encode("utf-16-le")[:-1])
    with pytest.raises(InputError, match="cut.txt"):
        extract_file(path)


# 2. Bad input on the command line ----------------------------------------------------------


def png(rng: random.Random) -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(2000)


def zipped() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("plan.txt", TEXT_ZH)
    return buffer.getvalue()


PROSE = (
    b"The committee met twice this year.\nIt discussed many things at length.\n\n"
    b"Everyone agreed that more meetings would be useful.\n"
)
BAD_INPUTS = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b" \n\t\r\n\xe3\x80\x80\n  \n", "no text: the file holds no letter or digit"),
    "image.txt": (png(random.Random(2)), "binary"),
    "archive.zip": (zipped(), "binary"),
    "café latin1.txt": ("I. Introduction\n\n1. The café.\n".encode("latin-1"), "undecodable"),
}


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_bad_input_is_one_line_naming_the_file(tmp_path, name):
    data, words = BAD_INPUTS[name]
    path = tmp_path / name
    path.write_bytes(data)
    result = planalign("extract", path)
    line = assert_one_line_error(result, str(path))
    assert words in line
    assert result.stdout == ""


def test_prose_of_no_known_family_reads_as_paragraphs_with_a_warning(tmp_path):
    """Neither chapters, articles, sections, numbered paragraphs nor actions: a document all
    the same, its paragraphs as they stand, and one warning saying so."""
    path = tmp_path / "prose.txt"
    path.write_bytes(PROSE)
    result = planalign("extract", path, "--to", "json")
    assert result.returncode == 0, result.stderr
    warning = (
        f"planalign: warning: {path}: no known family (no chapters, articles, sections, "
        "numbered paragraphs or actions): read as paragraphs"
    )
    assert result.stderr.splitlines() == [warning]
    doc = json.loads(result.stdout)
    assert doc["meta"]["family"] == "paragraphs"
    texts = [b["body"]["text"] for b in doc["preamble"]]
    assert texts == [
        "The committee met twice this year.",
        "It discussed many things at length.",
        "Everyone agreed that more meetings would be useful.",
    ]


def test_missing_file_is_one_line_naming_it(tmp_path):
    assert_one_line_error(planalign("extract", tmp_path / "nowhere.txt"), "nowhere.txt")


def test_unwritable_output_is_one_line_naming_it(tmp_path):
    (tmp_path / "plain").write_text("a file, not a folder")
    result = planalign("extract", SEED_ZH, "-o", tmp_path / "plain" / "out.xml")
    assert_one_line_error(result, "out.xml")


# 3. The batch ------------------------------------------------------------------------------

GOOD_MANIFEST = """\
[[document]]
id = "nmap-model-zh"
file = "002_0c1cfc0310d863da.txt"
lang = "zh"
convention = "APMBC"
kind = "working-paper"
title = "Sample model of a national mine action platform"
date = "2019-09-30"

[[document]]
id = "vap-review-zh"
file = "004_14f0be7e581ef332.txt"
lang = "zh"
convention = "CCM"
kind = "working-paper"
title = "Review of the Vientiane Action Plan"

[[document]]
id = "ceca-report-zh"
file = "文件 with space.txt"
lang = "zh"
convention = "APMBC"
kind = "report"
title = "Committee on the Enhancement of Cooperation and Assistance"
"""
GOOD_IDS = {"nmap-model-zh", "vap-review-zh", "ceca-report-zh"}


def make_project(root: Path, manifest: str = GOOD_MANIFEST) -> Path:
    corpus = root / "corpus"
    corpus.mkdir(parents=True)
    for name in ("002_0c1cfc0310d863da.txt", "004_14f0be7e581ef332.txt"):
        shutil.copyfile(SEEDS / name, corpus / name)
    shutil.copyfile(SEEDS / "003_4aacc975e523ac69.txt", corpus / "文件 with space.txt")
    (corpus / "manifest.toml").write_text(manifest, encoding="utf-8")
    return root


def run_json(root: Path) -> dict:
    return json.loads((root / "output" / "run.json").read_text(encoding="utf-8"))


def test_batch_goes_on_past_bad_documents(tmp_path):
    missing = (
        '\n[[document]]\nid = "gone-zh"\nfile = "gone.txt"\nlang = "zh"\n'
        'convention = "CCM"\nkind = "report"\ntitle = "Gone"\n'
    )
    root = make_project(tmp_path / "project", GOOD_MANIFEST + missing)
    corpus = root / "corpus"
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "image.txt").write_bytes(png(random.Random(3)))
    (corpus / "undecodable.txt").write_bytes("1. Caf\xe9 cr\xe8me.\n".encode("latin-1"))
    bad = ["corpus/empty.txt", "corpus/image.txt", "corpus/undecodable.txt", "corpus/gone.txt"]

    result = planalign("corpus", "--root", root)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    output = (result.stdout + result.stderr).splitlines()

    report = run_json(root)
    failed = {d["file"]: d["message"] for d in report["documents"] if d["status"] == "failed"}
    assert sorted(failed) == sorted(bad)
    assert report["summary"]["failed"] == len(bad)
    for file, message in failed.items():
        assert file in message and "\n" not in message
        assert sum(message in line for line in output) == 1, (message, output)
    header = (GOOD_MANIFEST + missing).splitlines().index('id = "gone-zh"')  # 1-based - 1
    assert f"manifest line {header}" in failed["corpus/gone.txt"]  # its [[document]] header

    tei = root / "output" / "tei"
    assert {p.stem for p in tei.glob("*.xml")} == GOOD_IDS
    spaced = etree.parse(str(tei / "ceca-report-zh.xml")).getroot()
    assert spaced.get("{http://www.w3.org/XML/1998/namespace}id") == "ceca-report-zh"
    assert "文件 with space.txt" in etree.tostring(spaced, encoding="unicode")
    assert (root / "output" / "corpus.xml").exists()
    assert list((root / "output").rglob("*.tmp")) == []


def test_batch_of_good_documents_succeeds_and_warns_about_unlisted_files(tmp_path, capsys):
    root = make_project(tmp_path / "project")
    shutil.copyfile(SEEDS / "002_0c1cfc0310d863da.txt", root / "corpus" / "unlisted.txt")

    assert cli.main(["corpus", "--root", str(root)]) == 0
    output = capsys.readouterr()
    assert "Traceback" not in output.err
    warnings = [
        line
        for line in (output.out + output.err).splitlines()
        if "warning" in line and "corpus/unlisted.txt" in line
    ]
    assert len(warnings) == 1 and "manifest" in warnings[0]

    documents = {d["file"]: d for d in run_json(root)["documents"]}
    assert all(d["status"] != "failed" for d in documents.values())
    unlisted = documents["corpus/unlisted.txt"]
    assert unlisted["status"] == "warned"
    assert any("manifest" in w for w in unlisted["warnings"])
    tei = root / "output" / "tei"
    assert {p.stem for p in tei.glob("*.xml")} == GOOD_IDS | {unlisted["id"]}
    assert list((root / "output").rglob("*.tmp")) == []


def test_batch_without_a_corpus_folder_is_one_line(tmp_path, capsys):
    assert cli.main(["corpus", "--root", str(tmp_path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and str(tmp_path) in err[0]


# 5. Atomic writes ---------------------------------------------------------------------------


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_write_bytes_replaces_the_file_whole(tmp_path):
    path = tmp_path / "deep" / "er" / "out.xml"
    atomic.write_bytes(path, b"x" * 100_000)
    atomic.write_bytes(path, b"short")
    assert path.read_bytes() == b"short"
    atomic.write_text(path, "文本")
    assert path.read_text(encoding="utf-8") == "文本"
    assert leftovers(path.parent) == []


def test_write_bytes_keeps_usual_permissions(tmp_path):
    umask = os.umask(0o022)
    try:
        path = tmp_path / "new.xml"
        atomic.write_bytes(path, b"new")
        assert path.stat().st_mode & 0o777 == 0o644  # not mkstemp's 0600
        path.chmod(0o640)
        atomic.write_bytes(path, b"again")
        assert path.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(umask)


@pytest.mark.parametrize("step", ["fsync", "replace"])
@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_failed_write_leaves_the_earlier_file_intact(tmp_path, monkeypatch, step, error):
    path = tmp_path / "out.xml"
    atomic.write_bytes(path, b"earlier, complete")

    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(os, step, fail)
    with pytest.raises(type(error)):
        atomic.write_bytes(path, b"later, never seen")
    monkeypatch.undo()
    assert path.read_bytes() == b"earlier, complete"
    assert leftovers(tmp_path) == []


# 6. The command line ------------------------------------------------------------------------


def test_extract_to_json_prints_the_model(tmp_path):
    path = tmp_path / "Plan 2019.txt"
    shutil.copyfile(SEED_ZH, path)
    result = planalign("extract", path, "--to", "json")
    assert result.returncode == 0, result.stderr
    model = json.loads(result.stdout)
    assert {"id", "meta", "sections"} <= set(model)
    assert model["id"] == "plan-2019"
    assert model["source"]["encoding"] == "utf-8"
    assert model["footnotes"]


def test_extract_writes_the_output_file(tmp_path):
    out = tmp_path / "out" / "plan.xml"
    result = planalign("extract", SEED_ZH, "--id", "nmap-model-zh", "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    root = etree.parse(str(out)).getroot()
    assert root.tag == f"{TEI_NS}TEI"
    assert root.get("{http://www.w3.org/XML/1998/namespace}id") == "nmap-model-zh"
    assert leftovers(out.parent) == []


def test_json_output_file(tmp_path, capsys):
    out = tmp_path / "plan.json"
    assert cli.main(["extract", str(SEED_ZH), "--to", "json", "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert json.loads(out.read_text(encoding="utf-8"))["sections"]


def commands() -> list[str]:
    parser = cli.build_parser()
    found = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    return sorted(found[0].choices)


@pytest.mark.parametrize("command", [None, *commands()])
def test_every_command_has_help(capsys, command):
    with pytest.raises(SystemExit) as caught:
        cli.main([command, "--help"] if command else ["--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: planalign")
    assert command is None or command in out.splitlines()[0]


def test_help_through_the_installed_entry_point():
    result = planalign("--help")
    assert result.returncode == 0
    assert "extract" in result.stdout and "corpus" in result.stdout


@pytest.mark.parametrize(("given", "path", "looks"), [
    ("en", SEED_ZH, "Chinese"),
    ("zh", ROOT / "tests" / "fixtures" / "en" / "oslo.txt", "English"),
])  # fmt: skip
def test_a_language_given_against_the_text_is_said_to_look_otherwise(given, path, looks):
    result = planalign("extract", path, "--lang", given, "--to", "json")
    assert result.returncode == 0, result.stderr
    name = {"en": "English", "zh": "Chinese"}[given]
    assert (
        f"planalign: warning: {path}: the text looks {looks}, but its language is given as "
        f"{given} ({name}): read as {name}"
    ) in result.stderr.splitlines()
    assert json.loads(result.stdout)["meta"]["language"] == given
