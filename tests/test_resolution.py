"""Resolutions, on a draft resolution in both languages laid out as conversion from PDF leaves
one (tests/fixtures/resolution/: written for these tests, not United Nations texts, as their
first lines say): heading block, addressing line, preambular and operative paragraphs, lines
hard-wrapped, the job number and barcode in the text, footnote references glued to what they
follow and told apart from the numbers of the text."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from pipeline.extract import extract_file
from pipeline.extract.glued_notes import glue_references
from pipeline.languages import table
from pipeline.model import NoteRef, Text
from pipeline.writers.schema import validate_tei
from pipeline.writers.tei import document_to_tei

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "resolution"
NS = {"t": "http://www.tei-c.org/ns/1.0"}

PREAMBLE = {
    "en": [
        (
            "Recalling its resolution 55/279 of 12 July 2001, in which it welcomed the Programme "
            "of Action,"
        ),
        "Reaffirming the Brussels Declaration and the commitments made for the Decade 2001-2010,",
        (
            "Noting with concern that in the period from 14 April 2000 to date the number of "
            "victims has grown, and recalling resolution 41/128 of 4 December 1986,"
        ),
        "Deeply concerned about the lack of resources for the implementation of the commitments,",
        (
            "Bearing in mind the report of the Secretary-General on the follow-up to the "
            "Programme of Action,"
        ),
    ],
    "zh": [
        "回顾其2001年7月12日第55/279号决议，其中欢迎《行动纲领》，",
        "重申《布鲁塞尔宣言》以及为2001-2010十年所作的各项承诺，",
        "关切地注意到自2000年4月14日以来受害者人数不断增加，并回顾1986年12月4日第41/128号决议，",
        "深为关切履行各项承诺的资源不足，",
        "铭记秘书长关于《行动纲领》后续行动的报告，",
    ],
}
# Where each glued reference stood: (paragraph, note, the text just before it).
REFERENCES = {
    "en": [(0, "1", "of Action,"), (1, "2", "Declaration"), (1, "3", "2001-2010,"),
           (4, "4", "of Action,")],
    "zh": [(0, "1", "《行动纲领》"), (1, "2", "《布鲁塞尔宣言》"), (1, "3", "各项承诺，"),
           (4, "4", "的报告，")],
}  # fmt: skip


@pytest.fixture(scope="module")
def drafts():
    manifest = {"kind": "resolution", "convention": "UN", "title": "Draft (fixture)"}
    return {
        lang: extract_file(FIXTURES / f"draft-{lang}.txt", f"draft-{lang}", lang, None, manifest)
        for lang in ("en", "zh")
    }


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_heading_block_in_the_metadata(drafts, lang):
    meta = drafts[lang].meta
    assert meta.family == "resolution"
    assert (meta.symbol, meta.distribution, meta.date, meta.original_language) == (
        "A/C.3/99/L.30",
        "Limited",
        "2099-10-12",
        "en",
    )
    assert (meta.session, meta.committee, meta.agenda_item, meta.sponsors) == {
        "en": ("Ninety-ninth session", "Third Committee", "108", "Freedonia"),
        "zh": ("第九十九届会议", "第三委员会", "108", "自由国"),
    }[lang]
    assert (
        meta.printed_title
        == {
            "en": "Strengthening international cooperation in the prevention of crime",
            "zh": "加强预防犯罪方面的国际合作",
        }[lang]
    )
    assert meta.job_number == f"99-66657 ({'E' if lang == 'en' else 'C'}) 121099"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_addressing_line_preambular_and_operative_paragraphs(drafts, lang):
    doc = drafts[lang]
    [resolution] = doc.sections
    assert (resolution.kind, resolution.head.text) == (
        "resolution",
        {"en": "The General Assembly,", "zh": "大会，"}[lang],
    )
    preamble, operative = resolution.subsections
    assert (preamble.kind, operative.kind) == ("preamble", "operative")
    assert [p.body.text for p in preamble.blocks] == PREAMBLE[lang]
    assert all(p.n is None for p in preamble.blocks)
    assert [p.n for p in operative.blocks] == ["1", "2", "3", "4"]
    last = operative.blocks[-1].body.text
    assert last.endswith({"en": "implementation of the present resolution.", "zh": "报告。"}[lang])
    assert [i.n for i in operative.blocks[1].items] == ["a", "b"]
    assert operative.blocks[2].body.text.endswith("55/279;" if lang == "en" else "捐款；")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_job_number_and_barcode_are_not_text(drafts, lang):
    body = " ".join(t.text for uid, t in drafts[lang].texts() if uid != "front")
    assert "66657" not in body


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_glued_references_at_their_exact_place(drafts, lang):
    doc = drafts[lang]
    preamble, operative = doc.sections[0].subsections
    found = []
    for index, paragraph in enumerate(preamble.blocks):
        found += [(index, r.n, paragraph.body.text[: r.offset]) for r in paragraph.body.refs]
    assert [(i, n, before[-len(end) :]) for (i, n, before), (_, _, end) in
            zip(found, REFERENCES[lang], strict=True)] == REFERENCES[lang]  # fmt: skip
    first = operative.blocks[0].body
    assert first.refs == [NoteRef("5", len(first.text))]  # "…Secretary-General;5"
    assert [f.n for f in doc.footnotes] == ["1", "3", "4", "5"]
    assert [n.referenced_by for n in doc.footnotes] == ["res.pre.u1", "res.pre.u2",
                                                        "res.pre.u5", "p1"]  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_missing_definition_warned_once_and_kept_at_its_place(drafts, lang):
    doc = drafts[lang]
    assert doc.warnings == [
        "1 note is referenced but never defined, kept at its place: 2 (res.pre.u2)"
    ]
    root = etree.fromstring(document_to_tei(doc))
    [undefined] = root.xpath("//t:note[@type='undefined']", namespaces=NS)
    assert (undefined.get("n"), undefined.get("place"), len(undefined)) == ("2", "foot", 0)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_tei_of_a_resolution(drafts, lang):
    data = document_to_tei(drafts[lang])
    assert validate_tei(data) == []
    root = etree.fromstring(data)
    resolution = root.find(".//t:body/t:div[@type='resolution']", NS)
    assert resolution.findtext("t:head/t:s", namespaces=NS) == (
        "The General Assembly," if lang == "en" else "大会，"
    )
    preamble = resolution.findall("t:div[@type='preamble']/t:p", NS)
    operative = resolution.findall("t:div[@type='operative']/t:p", NS)
    assert (len(preamble), [p.get("n") for p in operative]) == (5, ["1", "2", "3", "4"])
    notes = {n.get("n"): n for n in root.iter("{http://www.tei-c.org/ns/1.0}note")}
    assert notes["1"].getparent().getparent() is preamble[0]  # in its sentence, in its p
    header = {n.get("type"): n.text for n in root.iterfind(".//t:sourceDesc//t:note", NS)}
    assert header["session"] and header["committee"] and header["sponsors"]


def test_the_two_versions_link_one_to_one(drafts, lexicon):
    from pipeline.align.units import align_documents

    result = align_documents(drafts["en"], drafts["zh"], lexicon)
    assert result.unmatched == []
    paragraphs = [(k.a, k.b) for k in result.links if k.kind == "paragraph"]
    assert paragraphs == [([f"res.pre.u{n}"], [f"res.pre.u{n}"]) for n in range(1, 6)] + [
        ([f"p{n}"], [f"p{n}"]) for n in range(1, 5)
    ]
    notes = [(k.a, k.b) for k in result.links if k.kind in ("footnote", "document-note")]
    assert notes == [(["fn1"], ["fn1"]), (["fn3"], ["fn3"]), (["fn4"], ["fn4"]),
                     (["fn5"], ["fn5"]), (["dn1"], ["dn1"])]  # fmt: skip


# The numbers a glued reference must not be confused with, one pinned case each.
@pytest.mark.parametrize(
    ("lang", "text", "defined", "expected"),
    [
        ("en", "the Programme of Action,1 and", {"1"}, [("1", "the Programme of Action,")]),
        ("en", "the Brussels Declaration4 and", set(), []),  # 4 is not the next note
        ("en", "resolution 55/279 of 12 July 2001, and 41/128", {"1"}, []),
        ("en", "document A/C.3/56/L.30", {"30"}, []),  # a symbol's part
        ("en", "the Decade 2001-2010,1", {"1"}, [("1", "the Decade 2001-2010,")]),
        ("en", "COVID-19 and G20", {"19", "20"}, []),
        ("en", "a rate of 3.5 per cent", {"5"}, []),
        ("zh", "第5条规定的义务", {"5"}, []),
        ("zh", "2001年7月12日第55/279号决议", {"1", "12"}, []),
        ("zh", "《行动纲领》1，", {"1"}, [("1", "《行动纲领》")]),
        ("zh", "秘书长的报告；1", set(), [("1", "秘书长的报告；")]),
    ],
)
def test_glued_or_a_number_of_the_text(lang, text, defined, expected):
    piece = Text(text)
    glue_references([piece], defined, table(lang))
    assert [(r.n, piece.text[: r.offset]) for r in piece.refs] == expected
    for n, before in expected:  # the digits out, nothing else changed
        assert piece.text == before + text[len(before) + len(n) :]
    if not expected:
        assert piece.text == text
