"""corpus/manifest.toml: every error stops the run with one line naming the manifest line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.corpus.manifest import load_manifest
from pipeline.errors import ManifestError

ROOT = Path(__file__).resolve().parents[1]

MANIFEST = """\
# Two language versions of one plan.
[[document]]
id = "alpha-zh"
file = "a.txt"
lang = "zh"
convention = "APMBC"
kind = "action-plan"
title = "Alpha"
date = "2019-09-30"

[[document]]
id = "beta-en"
file = "b.txt"
lang = "en"
convention = "CCM"
kind = "report"
title = "Beta"
translation_of = "alpha-zh"
"""
#  line of: alpha header 2, date 9; beta header 11, id 12, lang 14, title 17, translation_of 18


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "manifest.toml"
    path.write_text(text, encoding="utf-8")
    return path


def edit(old: str, new: str) -> str:
    assert MANIFEST.count(old) == 1, old
    return MANIFEST.replace(old, new)


def test_good_manifest(tmp_path):
    entries = load_manifest(write(tmp_path, MANIFEST))
    assert [(e.id, e.lang, e.line) for e in entries] == [
        ("alpha-zh", "zh", 2),
        ("beta-en", "en", 11),
    ]
    assert entries[0].date == "2019-09-30" and entries[1].date is None
    assert entries[1].translation_of == "alpha-zh"
    assert entries[1].metadata()["title"] == "Beta"


def test_unquoted_toml_date_is_taken_as_the_date(tmp_path):
    entries = load_manifest(write(tmp_path, edit('date = "2019-09-30"', "date = 2019-09-30")))
    assert entries[0].date == "2019-09-30"


def test_utf8_bom_and_empty_manifest(tmp_path):
    assert len(load_manifest(write(tmp_path, "\ufeff" + MANIFEST))) == 2
    assert load_manifest(write(tmp_path, "# nothing yet\n")) == []


ERRORS = {
    "invalid TOML": (edit('title = "Beta"', 'title = "Beta'), 17, "TOML"),
    "unquoted string": (edit('lang = "en"', "lang = en"), 14, "TOML"),
    "missing key": (edit('kind = "report"\n', ""), 11, "'kind'"),
    "unknown key": (
        edit('title = "Beta"\n', 'title = "Beta"\nauthor = "Somebody"\n'),
        18,
        "'author'",
    ),
    "id starts with a digit": (edit('"beta-en"', '"2beta-en"'), 12, "id"),
    "id in upper case": (edit('"beta-en"', '"Beta-en"'), 12, "id"),
    "id with underscore": (edit('"beta-en"', '"beta_en"'), 12, "id"),
    "id not a string": (edit('"beta-en"', "7"), 12, "'id'"),
    "bad lang": (edit('lang = "en"', 'lang = "fr"'), 14, "lang"),
    "impossible date": (edit('"2019-09-30"', '"2019-02-30"'), 9, "date"),
    "date not ISO": (edit('"2019-09-30"', '"30 September 2019"'), 9, "date"),
    "date without dashes": (edit('"2019-09-30"', '"20190930"'), 9, "date"),
    "duplicate id": (edit('"beta-en"', '"alpha-zh"'), 11, "duplicate"),
    "file listed twice": (edit('"b.txt"', '"a.txt"'), 11, "twice"),
    "unknown translation_of": (edit('of = "alpha-zh"', 'of = "gamma-zh"'), 18, "gamma-zh"),
    "top-level key": ('lang = "zh"\n' + MANIFEST, 1, "'lang'"),
    "table, not array of tables": ('# one\n[document]\nid = "alpha-zh"\n', 2, "[[document]]"),
    "array of numbers": ("document = [1, 2]\n", 1, "[[document]]"),
}


@pytest.mark.parametrize("case", ERRORS)
def test_error_names_the_manifest_line(tmp_path, case):
    text, line, words = ERRORS[case]
    path = write(tmp_path, text)
    with pytest.raises(ManifestError) as caught:
        load_manifest(path)
    message = str(caught.value)
    assert caught.value.line == line, message
    assert message.startswith(f"{path}:{line}: ")
    assert words in message and "\n" not in message


def test_manifest_error_stops_the_batch(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes((ROOT / "corpus" / "002_0c1cfc0310d863da.txt").read_bytes())
    (corpus / "manifest.toml").write_text(edit('"beta-en"', '"Beta-en"'), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "corpus"],
        check=False,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "corpus/manifest.toml:12: " in lines[0], result.stderr
    assert not (tmp_path / "output").exists()  # stopped before any document
