"""QA checks (`pipeline.qa`), their writers and `planalign check`.

The seeds are real UN documents: every finding on them was read against the source text,
the true ones are pinned below, and the checks must raise nothing else on them. The small
fixtures under tests/fixtures/qa/ pin one family of checks each, the cases that must not be
reported next to those that must.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from pipeline import qa
from pipeline.align.translation import align_translation
from pipeline.cli import main
from pipeline.extract import extract_file
from pipeline.model.findings import Finding
from pipeline.model.outline import units
from pipeline.qa import load_glossary, run_checks
from pipeline.qa.numbering import _follows
from pipeline.writers.report import (
    findings_to_csv,
    findings_to_html,
    findings_to_json,
    findings_to_text,
    marked,
    write_qa,
)

ROOT = Path(__file__).resolve().parent.parent
QA = ROOT / "tests" / "fixtures" / "qa"
BILINGUAL = ROOT / "tests" / "fixtures" / "bilingual"
ENGLISH = ROOT / "tests" / "fixtures" / "en"

# The checks of this package; terminology findings (pipeline.terminology) are tested there.
OWN_CHECKS = {
    "untranslated",
    "acronym",
    "half-width",
    "repeated-punctuation",
    "brackets",
    "notes",
    "numbering",
    "restatement",
    "numbers",
    "check-failed",
}

HALF_WIDTH_UNITS = [
    "a14.r1",
    "a15.r1",
    "a16.r1",
    "a17.i1",
    "a17.r1",
    "a18.i1",
    "a18.r1",
    "a19.i1",
    "a19.r1",
    "a20.r1",
    "a25",
    "a26",
    "a27",
    "a28",
    "a29",
    "a30",
    "p12",
    "p13",
    "p14",
]
RESTATED_DIFFERENTLY = [
    "a1.r1",
    "a4.r1",
    "a6.r1",
    "a7.r1",
    "a9.r1",
    "a21.r1",
    "a23.r1",
    "a24.r1",
    "a25.r1",
    "a26.r1",
    "a27.r1",
    "a31.r1",
    "a32.r1",
    "a35.r1",
    "a39.r1",
    "a41.r1",
    "a47.r1",
]
# Every true finding on the five seeds, as (document, xml:id, check).
SEED_FINDINGS = {
    ("srap-draft-zh", "srap-draft-zh.a21", "untranslated"),
    ("srap-draft-zh", "srap-draft-zh.a30.i1", "untranslated"),
    ("srap-draft-zh", "srap-draft-zh.a35", "untranslated"),
    ("lausanne-zh", "lausanne-zh.a29.i2", "untranslated"),
    ("lausanne-zh", "lausanne-zh.a35.r1", "untranslated"),
    ("lausanne-zh", "lausanne-zh.a39.r1", "untranslated"),
    ("lausanne-zh", "lausanne-zh.a42.r1", "repeated-punctuation"),
    *{("lausanne-zh", f"lausanne-zh.{uid}", "half-width") for uid in HALF_WIDTH_UNITS},
    *{("lausanne-zh", f"lausanne-zh.{uid}", "restatement") for uid in RESTATED_DIFFERENTLY},
}


@pytest.fixture(scope="module")
def seed_findings(seeds, lexicon) -> list[Finding]:
    return [
        f
        for f in run_checks(list(seeds.values()), [], load_glossary(None), lexicon)
        if f.check in OWN_CHECKS
    ]


def findings_of(lexicon, *paths: Path, pair: bool = False) -> list[Finding]:
    docs = [extract_file(path) for path in paths]
    translations = [align_translation(*docs, lexicon)] if pair else []
    return [
        f
        for f in run_checks(docs, translations, load_glossary(None), lexicon)
        if f.check in OWN_CHECKS
    ]


def keys(findings: list[Finding]) -> set[tuple[str, str]]:
    return {(f.unit, f.check) for f in findings}


# --- the seeds ----------------------------------------------------------------------------


def test_seed_findings_are_the_true_ones_and_nothing_else(seed_findings):
    assert {(f.doc, f.unit, f.check) for f in seed_findings} == SEED_FINDINGS


def test_untranslated_and_in_seeds(seed_findings):
    untranslated = [f for f in seed_findings if f.check == "untranslated"]
    assert len(untranslated) == 6
    for f in untranslated:
        assert f.evidence == "and" and f.severity == "error"
        assert f" {f.evidence} " in f.context


def test_half_width_seed_findings_count_every_mark(seed_findings):
    by_unit = {(f.unit, f.evidence[-1]): f for f in seed_findings if f.check == "half-width"}
    assert "(11 times in this unit)" in by_unit[("lausanne-zh.p12", ",")].message
    assert by_unit[("lausanne-zh.a18.i1", ";")].evidence == "目);"
    assert by_unit[("lausanne-zh.p13", ":")].message.startswith("half-width ‘:’")
    total = sum(
        int(f.message.split("(")[1].split()[0]) if "times" in f.message else 1
        for f in seed_findings
        if f.check == "half-width" and f.evidence[-1] == ","
    )
    assert total == 67  # every half-width comma after a Han character in the Lausanne text


def test_restatement_seed_findings_name_both_wordings(seed_findings):
    messages = {f.unit: [] for f in seed_findings}
    for f in seed_findings:
        messages[f.unit].append(f.message)
    assert "restated as ‘/或’ where lausanne-zh.a1 has ‘(或)’" in messages["lausanne-zh.a1.r1"]
    assert any(
        "‘国家自主权’ where lausanne-zh.a41 has ‘国家主权’" in m
        for m in messages["lausanne-zh.a41.r1"]
    )
    assert any("(3 times)" in m for m in messages["lausanne-zh.a24.r1"])
    # Width of punctuation and the closing mark are not differences: a14's restatement
    # differs from it only by half-width commas, a11's sub-items only by their last mark.
    restated = {f.unit for f in seed_findings if f.check == "restatement"}
    assert "lausanne-zh.a14.r1" not in restated
    assert not {u for u in restated if u.startswith("lausanne-zh.a11.")}


def test_clean_checks_raise_nothing_on_the_seeds(seed_findings):
    checks = {f.check for f in seed_findings}
    assert checks == {"untranslated", "half-width", "repeated-punctuation", "restatement"}
    clean = {"nmap-model-zh", "ceca-report-2025-zh", "vap-review-cooperation-zh"}
    assert not [f for f in seed_findings if f.doc in clean]


def test_checks_read_restatements_and_notes(seeds):
    """The appendix row of Lausanne action 35 carries an `and` its action does not."""
    lausanne = seeds["lausanne-zh"]
    found = qa.untranslated(lausanne, qa.latin_terms(load_glossary(None)))
    assert {f.unit for f in found} == {
        "lausanne-zh.a29.i2",
        "lausanne-zh.a35.r1",
        "lausanne-zh.a39.r1",
    }


# --- one family per fixture ---------------------------------------------------------------


def test_untranslated_skips_symbols_urls_names_and_known_acronyms(lexicon):
    found = findings_of(lexicon, QA / "untranslated-zh.txt")
    assert keys(found) == {
        ("untranslated-zh.a1", "untranslated"),
        ("untranslated-zh.a2.a", "untranslated"),
        ("untranslated-zh.a2.b", "acronym"),
    }
    by_unit = {f.unit: f for f in found}
    assert "glossary: 缔约国" in by_unit["untranslated-zh.a2.a"].message
    assert by_unit["untranslated-zh.a2.b"].severity == "info"


def test_punctuation_findings(lexicon):
    found = findings_of(lexicon, QA / "punctuation-zh.txt")
    assert sorted(keys(found)) == [
        ("punctuation-zh.p1", "half-width"),
        ("punctuation-zh.p3", "repeated-punctuation"),
        ("punctuation-zh.p5", "brackets"),
    ]
    marks = sorted(f.evidence for f in found if f.check == "half-width")
    assert marks == ["动:", "认,"]
    assert [f.message for f in found if f.check == "brackets"] == ["‘“’ is never closed"]


def test_note_references_and_definitions(lexicon):
    found = [f for f in findings_of(lexicon, QA / "notes-en.txt") if f.check == "notes"]
    assert sorted((f.unit, f.severity, f.message) for f in found) == [
        ("notes-en.fn3", "warning", "footnote 3 is defined but never referenced"),
        ("notes-en.p2", "error", "footnote 2 is referenced but never defined"),
    ]


def test_numbering_gaps_duplicates_and_order(lexicon):
    found = findings_of(lexicon, QA / "numbering-en.txt")
    assert sorted((f.unit, f.message) for f in found) == [
        ("numbering-en.a3", "action 3 comes after action 4: out of sequence"),
        ("numbering-en.a4", "action numbers jump from 2 to 4: 3 missing"),
        ("numbering-en.p4", "paragraph numbers jump from 2 to 4: 3 missing"),
        ("numbering-en.p4-2", "paragraph 4 is numbered twice (first: numbering-en.p4)"),
    ]


@pytest.mark.parametrize(
    ("previous", "number", "follows"),
    [
        ((4,), (5,), True),
        ((4, 2), (4, 3), True),
        ((4, 3), (5, 1), True),
        ((4,), (4, 1), True),
        ((4, 1), (4, 3), False),
        ((4, 3), (5, 2), False),
        ((4,), (6,), False),
        ((5,), (5,), False),
    ],
)
def test_dotted_numbers_go_on_at_any_level(previous, number, follows):
    assert _follows(previous, number) is follows


def test_restatement_differences_and_what_is_not_one(lexicon):
    found = findings_of(lexicon, QA / "restatement-zh.txt")
    restated = sorted((f.unit, f.message) for f in found if f.check == "restatement")
    assert restated == [
        ("restatement-zh.a1.r1", "restatement lacks ‘并’ of restatement-zh.a1"),
        ("restatement-zh.a3.r1", "restated as ‘and’ where restatement-zh.a3 has ‘、’"),
    ]
    # a2's restatement differs only by a half-width comma (reported as such) and its end.
    assert keys([f for f in found if f.unit == "restatement-zh.a2.r1"]) == {
        ("restatement-zh.a2.r1", "half-width")
    }


def test_numbers_that_differ_between_language_versions(lexicon):
    found = findings_of(lexicon, QA / "numbers-en.txt", QA / "numbers-zh.txt", pair=True)
    assert sorted((f.unit, f.message, f.evidence) for f in found) == [
        ("numbers-zh.a1", "‘5’ is not in numbers-en.a1", "5"),
        ("numbers-zh.a1", "‘7’ of numbers-en.a1 is missing here", "7"),
        ("numbers-zh.p1", "‘1’ of numbers-en.p1 is missing here", "1"),
        ("numbers-zh.p1", "‘2’ is not in numbers-en.p1", "2"),
    ]
    assert all(f.doc == "numbers-zh" and f.severity == "error" for f in found)


def test_faithful_translation_raises_no_number_finding(lexicon):
    """Dates, article numbers, 三个月 for three months, 百分比 for percentage: all agree."""
    found = findings_of(lexicon, BILINGUAL / "plan-en.txt", BILINGUAL / "plan-zh.txt", pair=True)
    assert not [f for f in found if f.check == "numbers"]


def test_english_fixtures_raise_only_the_excerpt_gap(lexicon):
    """Vientiane's fixture is an excerpt: actions #1, #2, then #20."""
    found = findings_of(lexicon, *sorted(ENGLISH.glob("*.txt")))
    assert keys(found) == {("vientiane.a20", "numbering")}


def test_a_failing_check_is_a_finding_and_the_others_go_on(monkeypatch, seeds, lexicon):
    def broken(doc):
        raise ValueError("boom")

    monkeypatch.setattr(qa, "DOCUMENT_CHECKS", (broken, *qa.DOCUMENT_CHECKS))
    found = run_checks([seeds["srap-draft-zh"]], [], load_glossary(None), lexicon)
    failed = [f for f in found if f.check == "check-failed"]
    assert [(f.doc, f.message) for f in failed] == [
        ("srap-draft-zh", "the broken check failed: ValueError: boom")
    ]
    assert any(f.check == "untranslated" for f in found)


def test_findings_are_sorted_and_deterministic(seeds, lexicon):
    docs = list(seeds.values())
    first = run_checks(docs, [], load_glossary(None), lexicon)
    assert first == run_checks(list(reversed(docs)), [], load_glossary(None), lexicon)
    # by document, then in document order: each unit's findings where the unit stands
    assert [f.doc for f in first] == sorted(f.doc for f in first)
    for doc in docs:
        order = {"": -1} | {f"{doc.id}.{u.uid}": k for k, u in enumerate(units(doc))}
        places = [order[f.unit] for f in first if f.doc == doc.id]
        assert places == sorted(places), doc.id


# --- writers ------------------------------------------------------------------------------

SAMPLE = [
    Finding(
        "d-zh",
        "d-zh.a1",
        "untranslated",
        "error",
        "English ‘and’ left in Chinese text",
        "and",
        "思考 and 谅解，standard",
    ),
    Finding("d-zh", "", "brackets", "warning", 'a <b> & "quote"', "<b>", "x <b> y"),
    Finding("d-zh", "d-zh.p1", "numbers", "info", "‘1’ is missing", "1", "1 March 1999"),
]


def test_marked_keeps_words_and_numbers_whole():
    assert marked("on 1 March 1999", "1") == [("on ", False), ("1", True), (" March 1999", False)]
    assert marked("standard and", "and") == [("standard ", False), ("and", True)]
    assert marked("存, 立即", "存,") == [("存,", True), (" 立即", False)]


def test_text_output_marks_the_evidence():
    plain = findings_to_text(SAMPLE)
    assert "d-zh.a1  error  untranslated: English ‘and’ left in Chinese text" in plain
    assert "思考 ⟦and⟧ 谅解，standard" in plain
    assert plain.endswith("3 findings: 1 error(s), 1 warning(s), 1 info\n")
    coloured = findings_to_text(SAMPLE, colour=True)
    assert "\x1b[1;4mand\x1b[0m" in coloured and "\x1b[31merror\x1b[0m" in coloured
    assert findings_to_text([]) == "no findings\n"


def test_csv_and_json_carry_every_field():
    rows = list(csv.DictReader(io.StringIO(findings_to_csv(SAMPLE))))
    assert [Finding(**row) for row in rows] == SAMPLE
    payload = json.loads(findings_to_json(SAMPLE))
    assert payload["counts"] == {"findings": 3, "error": 1, "warning": 1, "info": 1}
    assert [Finding(**f) for f in payload["findings"]] == SAMPLE


def test_html_is_one_escaped_self_contained_page():
    page = findings_to_html(SAMPLE)
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert "a &lt;b&gt; &amp; &quot;quote&quot;" in page and "<b>" not in page
    assert "思考 <mark>and</mark> 谅解，standard" in page
    assert 'data-severity="error"' in page and 'data-filter="check"' in page
    assert "src=" not in page and "<link" not in page and "http" not in page


def test_write_qa_writes_the_four_files(tmp_path):
    write_qa(tmp_path / "qa", SAMPLE)
    names = sorted(p.name for p in (tmp_path / "qa").iterdir())
    assert names == ["findings.csv", "findings.html", "findings.json", "findings.txt"]
    assert json.loads((tmp_path / "qa" / "findings.json").read_text())["counts"]["findings"] == 3


# --- the command --------------------------------------------------------------------------


def project(tmp_path: Path, bad: bool = False) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("numbers-en.txt", "numbers-zh.txt", "punctuation-zh.txt"):
        shutil.copy(QA / name, corpus / name)
    (corpus / "manifest.toml").write_text(
        "\n".join(
            f'[[document]]\nid = "{doc_id}"\nfile = "{name}"\nlang = "{lang}"\nconvention = "APMBC"\n'
            f'kind = "action-plan"\ntitle = "{doc_id}"\n{extra}\n'
            for doc_id, name, lang, extra in [
                ("n-en", "numbers-en.txt", "en", ""),
                ("n-zh", "numbers-zh.txt", "zh", 'translation_of = "n-en"'),
                ("p-zh", "punctuation-zh.txt", "zh", ""),
            ]
        ),
        encoding="utf-8",
    )
    if bad:
        (corpus / "broken.txt").write_bytes(b"\x00\x81\xfe\xff" * 50)
    return tmp_path


def test_check_corpus_pairs_versions_and_gates(tmp_path, capsys):
    root = project(tmp_path)
    assert main(["check", "--root", str(root), "--to", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    units = {(f["unit"], f["check"]) for f in payload["findings"]}
    assert ("n-zh.a1", "numbers") in units and ("p-zh.p3", "repeated-punctuation") in units
    assert main(["check", "--root", str(root), "--fail-on", "error"]) == 1
    text = capsys.readouterr().out
    assert "n-zh.a1  error  numbers: ‘5’ is not in n-en.a1" in text


def test_check_fail_on_warning_and_output_file(tmp_path, capsys):
    target = tmp_path / "out" / "qa.html"
    code = main(
        [
            "check",
            str(QA / "punctuation-zh.txt"),
            "--to",
            "html",
            "-o",
            str(target),
            "--fail-on",
            "warning",
        ]
    )
    assert code == 1 and capsys.readouterr().out == ""
    assert "<mark>。。</mark>" in target.read_text(encoding="utf-8")
    assert main(["check", str(QA / "punctuation-zh.txt"), "--fail-on", "error"]) == 0


def test_check_two_files_in_two_languages_are_paired(capsys):
    assert (
        main(["check", str(QA / "numbers-zh.txt"), str(QA / "numbers-en.txt"), "--to", "csv"]) == 0
    )
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {(r["unit"], r["check"]) for r in rows} >= {
        ("numbers-zh.a1", "numbers"),
        ("numbers-zh.p1", "numbers"),
    }


def test_check_a_folder_checks_the_documents_in_it(tmp_path, capsys):
    for name in ("numbers-zh.txt", "numbers-en.txt"):
        shutil.copy(QA / name, tmp_path / name)
    (tmp_path / ".hidden.txt").write_text("not a document", encoding="utf-8")
    assert main(["check", str(tmp_path), "--to", "csv"]) == 0
    assert capsys.readouterr().err == ""
    main(["check", str(QA / "numbers-zh.txt"), str(QA / "numbers-en.txt"), "--to", "csv"])
    by_files = capsys.readouterr().out
    main(["check", str(tmp_path), "--to", "csv"])
    assert capsys.readouterr().out == by_files


def test_bad_document_is_one_line_and_the_others_are_checked(tmp_path, capsys):
    root = project(tmp_path, bad=True)
    assert main(["check", "--root", str(root), "--to", "csv"]) == 2
    captured = capsys.readouterr()
    errors = captured.err.strip().splitlines()
    assert len(errors) == 1 and errors[0].startswith("planalign: corpus/broken.txt")
    assert "Traceback" not in captured.err
    assert "p-zh.p3,repeated-punctuation" in captured.out


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "no-such-file.txt"],
        ["check", "--glossary", "no-such-glossary.csv", str(QA / "notes-en.txt")],
        ["check", "--root", "no-such-folder"],
    ],
)
def test_unusable_input_exits_2_with_one_line(argv, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no-such" in err[0] and "Traceback" not in err[0]


def test_check_seeds_from_the_project_root(capsys):
    assert main(["check", "--root", str(ROOT), "--to", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    found = {
        (f["doc"], f["unit"], f["check"]) for f in payload["findings"] if f["check"] in OWN_CHECKS
    }
    assert found == SEED_FINDINGS


def test_a_bug_names_the_files_checked_in_one_line(monkeypatch, capsys):
    from pipeline.corpus import inputs

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(inputs, "translations", broken)
    path = QA / "punctuation-zh.txt"
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        (
            f"planalign: {path}: internal error: RuntimeError: boom "
            "(set PLANALIGN_DEBUG=1 for the traceback)"
        )
    ]


def test_a_folder_without_documents_says_so_and_exits_2(tmp_path, capsys):
    (tmp_path / "notes.csv").write_text("not a document", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        f"planalign: {tmp_path}: no documents to check (.txt, .text, .md or .pdf files)"
    ]
