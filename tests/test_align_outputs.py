"""Translation link files: TEI standOff (valid), its TSV twin, a TMX memory CAT tools import,
and the batch that pairs language versions by `translation_of` or symbol."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree
from translate.storage import tmx

from pipeline.align.translation import align_translation
from pipeline.cli import main
from pipeline.corpus.runner import run_corpus
from pipeline.extract import extract_file
from pipeline.writers.links import alignment_to_tei, alignment_to_tsv
from pipeline.writers.schema import validate_tei
from pipeline.writers.tmx import segments_to_tmx

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "bilingual"
NS = {"t": "http://www.tei-c.org/ns/1.0"}


@pytest.fixture(scope="module")
def translation(lexicon):
    en = extract_file(FIXTURES / "plan-en.txt", "fx-en", "en")
    zh = extract_file(FIXTURES / "plan-zh.txt", "fx-zh", "zh")
    return align_translation(en, zh, lexicon)


def test_tei_links_valid_and_complete(translation):
    data = alignment_to_tei(translation.alignment, translation.sentences)
    assert validate_tei(data) == []
    root = etree.fromstring(data)
    units = root.xpath("//t:linkGrp[@type='translation'][not(@subtype)]/t:link", namespaces=NS)
    assert len(units) == len(translation.alignment.links)
    targets = {link.get("target") for link in units}
    tei = "../output/tei/"
    assert f"{tei}fx-en.xml#fx-en.p9 {tei}fx-zh.xml#fx-zh.p8" in targets
    assert all(0 <= float(link.get("cert")) <= 1 for link in units)
    lost = root.xpath("//t:linkGrp[@type='no-counterpart']/t:ptr/@target", namespaces=NS)
    assert f"{tei}fx-en.xml#fx-en.p8" in lost and f"{tei}fx-zh.xml#fx-zh.a3.i4" in lost


def test_sentence_links_inside_units(translation):
    a2 = [s for s in translation.sentences if s.units[0] == ["a2"]]
    # English action 2 is two sentences in two paragraphs; the Chinese one sentence.
    assert [(s.label, s.a, s.b) for s in a2] == [("[0, 1]:[0]", ["a2.s1", "a2.s2"], ["a2.s1"])]
    assert all(0 <= s.cert <= 1 for s in translation.sentences)


def test_tsv_twin(translation):
    lines = alignment_to_tsv(translation.alignment).decode().splitlines()
    assert lines[0] == "a_id\tb_id\tkind\tcert\treview\tnote\ta_text\tb_text"
    rows = [line.split("\t") for line in lines[1:]]
    assert len(rows) == len(translation.alignment.links) + len(translation.alignment.unmatched)
    assert all(len(row) == 8 for row in rows)
    p9 = next(r for r in rows if r[0] == "fx-en.p9")
    assert p9[1:3] == ["fx-zh.p8", "paragraph"]
    en = {u: t.text for u, t in translation.alignment.a.texts()}
    zh = {u: t.text for u, t in translation.alignment.b.texts()}
    assert p9[6:] == [en["p9"], zh["p8"]]
    alone = next(r for r in rows if r[0] == "fx-en.p8")
    assert alone[:3] == ["fx-en.p8", "-", "paragraph"] and alone[6:] == [en["p8"], ""]


def test_tmx_read_back_by_translate_toolkit(translation):
    data = segments_to_tmx(translation.segments, "en", "zh", translation.source_lang)
    store = tmx.tmxfile(data, "en", "zh")
    pairs = [(unit.source, unit.target) for unit in store.units]
    assert pairs == [(s.a, s.b) for s in translation.segments]
    assert ("Universalization", "普遍加入") in pairs
    assert len(pairs) >= len(translation.alignment.links) - 2


def test_cli_align_formats(tmp_path):
    for fmt in ("tei", "tsv", "tmx", "json"):
        out = tmp_path / f"links.{fmt}"
        assert (
            main(
                [
                    "align",
                    str(FIXTURES / "plan-en.txt"),
                    str(FIXTURES / "plan-zh.txt"),
                    "--to",
                    fmt,
                    "-o",
                    str(out),
                    "--overrides",
                    str(tmp_path / "none.tsv"),
                ]
            )
            == 0
        )
        assert out.stat().st_size > 500
    assert validate_tei((tmp_path / "links.tei").read_bytes()) == []


def test_cli_align_refuses_two_of_one_language(capsys):
    code = main(["align", str(FIXTURES / "plan-zh.txt"), str(FIXTURES / "plan-zh.txt")])
    assert code == 2
    assert "align takes two language versions" in capsys.readouterr().err


def test_batch_pairs_versions_and_keeps_overrides(tmp_path, unresolved):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(FIXTURES / "plan-en.txt", corpus)
    shutil.copy(FIXTURES / "plan-zh.txt", corpus)
    (corpus / "manifest.toml").write_text(
        '[[document]]\nid = "fx-en"\nfile = "plan-en.txt"\nlang = "en"\nconvention = "APMBC"\n'
        'kind = "action-plan"\ntitle = "Fixture plan (English)"\n\n'
        '[[document]]\nid = "fx-zh"\nfile = "plan-zh.txt"\nlang = "zh"\nconvention = "APMBC"\n'
        'kind = "action-plan"\ntitle = "Fixture plan (Chinese)"\ntranslation_of = "fx-en"\n',
        encoding="utf-8",
    )
    overrides = tmp_path / "alignments" / "overrides.tsv"
    overrides.parent.mkdir()
    decisions = "source_id\ttarget_id\tdecision\nfx-en.a3.i3\tfx-zh.a3.i4\tlink\n"
    overrides.write_text(decisions, encoding="utf-8")
    for _ in range(2):
        result = run_corpus(tmp_path, log=lambda line: None)
        assert result.links > 20
        tsv = (tmp_path / "alignments" / "fx-en__fx-zh.tsv").read_text(encoding="utf-8")
        assert "fx-en.a3.i3\tfx-zh.a3.i4\toverride\t1.000" in tsv
        assert overrides.read_text(encoding="utf-8") == decisions  # never written by us
    for suffix in ("xml", "tsv", "tmx"):
        assert (tmp_path / "alignments" / f"fx-en__fx-zh.{suffix}").exists()
    assert validate_tei((tmp_path / "alignments" / "fx-en__fx-zh.xml").read_bytes()) == []
    link_files = sorted((tmp_path / "alignments").glob("*.xml"))
    assert link_files and unresolved(link_files) == []


def test_versions_paired_by_symbol_original_first():
    from pipeline.align.pairs import translation_pairs

    en = extract_file(FIXTURES / "plan-en.txt", "fx-en", "en")
    zh = extract_file(FIXTURES / "plan-zh.txt", "fx-zh", "zh")
    other = extract_file(FIXTURES / "plan-zh.txt", "other-zh", "zh")
    en.meta.symbol = zh.meta.symbol = "TEST/FIXTURE/1"
    zh.meta.original_language = "en"
    pairs = translation_pairs([zh, other, en])
    assert [(a.id, b.id) for a, b in pairs] == [("fx-en", "fx-zh")]
