"""Terminology: the glossary (CSV, TBX-Basic), Chinese-only consistency over the five seeds,
bilingual renderings over aligned units, and term mining.

The seed findings below were read one by one against the texts; each is a true variant (the
Lausanne plan writes 勘察 in its actions and 勘查 in their restatements, the CEECA report
calls the intersessional meetings 休会期间会议 once, …). The test pins exactly these: a new
finding on the seeds is a false alarm until someone has read it.
"""

from __future__ import annotations

import copy
import csv
import io
import json
from pathlib import Path

import pytest
from lxml import etree

from pipeline.align.translation import align_translation
from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.extract import extract_file
from pipeline.model import Document, Metadata, Paragraph, Source, Text
from pipeline.terminology import (
    glossary_to_csv,
    glossary_to_tbx,
    homophones,
    load_glossary,
    term_findings,
    term_renderings,
)
from pipeline.terminology.aligned import AlignedUnit, aligned_units
from pipeline.terminology.glossary import GLOSSARY, Glossary, make_entry
from pipeline.terminology.mining import log_likelihood, mine, mined_findings
from pipeline.terminology.occurrences import chinese_texts
from pipeline.terminology.renderings import inconsistent_findings, term_uses
from pipeline.writers.rendering_table import renderings_to_json, renderings_to_tsv

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures" / "terminology"
BILINGUAL = HERE / "fixtures" / "bilingual"
TBX = "{urn:iso:std:iso:30042:ed-2}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

SEED_FINDINGS = {
    # One document, several forms of one glossary concept.
    ("ceca-report-2025-zh.p8", "term-variant", "审查会议"),  # 审议会议 in p6
    ("ceca-report-2025-zh.p9", "term-variant", "排雷行动"),  # 地雷行动 elsewhere
    ("lausanne-zh.s5", "term-variant", "勘察"),  # the plan's 勘查 (restatements, indicators)
    ("lausanne-zh.p10", "term-variant", "勘察"),
    ("lausanne-zh.a18.i1", "term-variant", "勘察"),
    ("lausanne-zh.a21", "term-variant", "勘察"),
    ("lausanne-zh.a23", "term-variant", "勘察"),
    ("lausanne-zh.a24", "term-variant", "勘察"),
    ("lausanne-zh.a26", "term-variant", "勘察"),
    ("lausanne-zh.a27", "term-variant", "勘察"),
    ("lausanne-zh.a24", "term-variant", "非技术勘察"),  # 非技术勘查 in a24.r1
    ("lausanne-zh.a24", "term-variant", "技术勘察"),
    ("lausanne-zh.p10", "term-variant", "清除"),  # clearance is 清理 in 27 units
    ("lausanne-zh.a24", "term-variant", "清除"),
    ("lausanne-zh.a24.r1", "term-variant", "清除"),
    ("lausanne-zh.p6", "term-variant", "审议大会"),  # 第一次审议会议 in p18
    ("nmap-model-zh.p1", "term-variant", "审查会议"),  # 第三次审议会议 in the same paragraph
    ("nmap-model-zh.p8.i2", "term-variant", "利益相关者"),  # 利益攸关方 elsewhere
    ("srap-draft-zh.a11", "term-variant", "行为体"),  # 任何行为者 in p2, p8
    ("srap-draft-zh.a11", "term-variant", "非国家武装行为体"),  # 非国家武装行为者 in p2
    ("srap-draft-zh.a24.i1", "term-variant", "雷险教育"),  # 地雷风险教育 in 11 units
    ("srap-draft-zh.a25", "term-variant", "雷险教育"),
    ("srap-draft-zh.s5", "term-variant", "勘查"),  # 勘察 in the actions
    ("srap-draft-zh.s6", "term-variant", "减少地雷风险"),  # 减少雷险 in 9 units
    # The numbered Meeting of the States Parties, written by pattern.
    ("srap-draft-zh.a18", "term-variant", "缔约国第十二届会议"),  # 第二十二届缔约国会议
    ("ceca-report-2025-zh.p12", "term-variant", "缔约国第二十三次会议"),  # 第二十二届会议
    # A deprecated form.
    ("ceca-report-2025-zh.p2", "term-deprecated", "休会期间会议"),
    # A form one character away from the glossary's: 国家主权 for 国家自主权 (a41.r1 has it).
    ("lausanne-zh.a41", "term-near-variant", "国家主权"),
    # Homophones: 制订 and 作出/做出 against the document's usual form.
    ("lausanne-zh.a39", "term-homophone", "制订"),
    ("lausanne-zh.a39.r1", "term-homophone", "制订"),
    ("lausanne-zh.a46", "term-homophone", "作出"),
    ("lausanne-zh.a46.r1", "term-homophone", "作出"),
    ("nmap-model-zh.p11.i1", "term-homophone", "做出"),
    ("srap-draft-zh.a37.i1", "term-homophone", "做出"),
    # Across documents (info): where a document's usual form is not the corpus's.
    ("lausanne-zh.p2", "term-variant-across", "受害人"),
    ("lausanne-zh.a27", "term-variant-across", "受害人援助"),
    ("lausanne-zh.a24", "term-variant-across", "疑似危险区域"),
    ("lausanne-zh.a24", "term-variant-across", "已确认危险区域"),
    ("lausanne-zh.a7", "term-variant-across", "清理"),
    ("srap-draft-zh.a6.i1", "term-variant-across", "勘察"),
    ("vap-review-cooperation-zh.p14", "term-variant-across", "勘测"),
    ("vap-review-cooperation-zh.p1", "term-variant-across", "销毁库存"),
    ("ceca-report-2025-zh.p5", "term-variant-across", "个性化方法"),
    ("nmap-model-zh.p3", "term-variant-across", "因地制宜法"),
    ("nmap-model-zh.p6", "term-variant-across", "国家自主"),
    ("ceca-report-2025-zh.p4", "term-variant-across", "合作与援助"),
    ("vap-review-cooperation-zh.p5", "term-variant-across", "合作与援助"),
    ("vap-review-cooperation-zh.s1", "term-variant-across", "国际合作与援助"),
    ("srap-draft-zh.p2", "term-variant-across", "行为者"),
    ("vap-review-cooperation-zh.p11", "term-variant-across", "行为方"),
    ("srap-draft-zh.a41", "term-variant-across", "第二十二届缔约国会议"),
    ("ceca-report-2025-zh.p2", "term-variant-across", "缔约国第二十二届会议"),
    ("lausanne-zh.a10", "term-homophone-across", "做出"),
    ("vap-review-cooperation-zh.p9", "term-homophone-across", "做出"),
}
ONE_LANGUAGE_TBX = (
    '<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body>\n<conceptEntry id="c9">'
    '<langSec xml:lang="en"><termSec><term>victims</term></termSec></langSec>'
    "</conceptEntry></body></text></tbx>"
)
SEVERITY = {
    "term-variant": "warning",
    "term-deprecated": "warning",
    "term-near-variant": "warning",
    "term-homophone": "warning",
    "term-variant-across": "info",
    "term-homophone-across": "info",
}


@pytest.fixture(scope="module")
def glossary():
    return load_glossary()


@pytest.fixture(scope="module")
def seed_findings(seeds, glossary, lexicon):
    return term_findings(list(seeds.values()), [], glossary, lexicon)


@pytest.fixture(scope="module")
def fixture_pair(lexicon):
    zh = extract_file(BILINGUAL / "plan-zh.txt", "plan-zh", "zh")
    en = extract_file(BILINGUAL / "plan-en.txt", "plan-en", "en")
    return zh, en, align_translation(zh, en, lexicon)


@pytest.fixture(scope="module")
def victims_pair(lexicon):
    zh = extract_file(FIXTURES / "victims-zh.txt", "victims-zh", "zh")
    en = extract_file(FIXTURES / "victims-en.txt", "victims-en", "en")
    return zh, en, align_translation(zh, en, lexicon)


def chinese(
    doc_id: str, *paragraphs: str, convention: str | None = None, date: str | None = None
) -> Document:
    """A Chinese document of numbered paragraphs p1, p2, …"""
    return Document(
        doc_id,
        Metadata(language="zh", convention=convention, date=date),
        Source(f"{doc_id}.txt", "0" * 64, "utf-8"),
        preamble=[
            Paragraph(Text(text), n=str(n), uid=f"p{n}") for n, text in enumerate(paragraphs, 1)
        ],
    )


def keys(findings) -> set[tuple[str, str, str]]:
    return {(f.unit, f.check, f.evidence) for f in findings}


# The glossary: CSV, TBX, what other checks need of it.
def test_repo_glossary(glossary):
    victims = next(e for e in glossary.entries if e.english == "victims")
    assert (victims.chinese, victims.variants) == ("受害者", ("受害人",))
    assert {"ISU", "IMAS", "SDGs", "CCM", "APMBC", "CRPD"} <= glossary.latin_terms
    assert glossary.knows_latin("ISU") and glossary.knows_latin("SDGs")
    assert not glossary.knows_latin("ABC")
    assert glossary.english_to_chinese()["ISU"] == "执行支助股"
    assert load_glossary(None) == glossary


def test_aligners_still_read_the_glossary(glossary, lexicon):
    pairs = set(glossary.term_pairs())
    assert pairs == set(lexicon.glossary)
    assert {(e.english.lower(), e.chinese.strip("《》")) for e in glossary.entries} <= pairs
    # Forms the aligners rely on stay in `variants`, even where they are phrases for QA.
    assert ("national implementation measures", "第9条义务") in pairs
    assert ("victim assistance", "援助受害者") in pairs


def test_glossary_csv_round_trip(glossary):
    assert glossary_to_csv(glossary) == GLOSSARY.read_bytes()
    rows = list(csv.DictReader(io.StringIO(glossary_to_csv(glossary).decode("utf-8"))))
    assert len(rows) == len(glossary.entries)


def test_glossary_tbx_is_tbx_basic(glossary):
    root = etree.fromstring(glossary_to_tbx(glossary))
    assert root.tag == f"{TBX}tbx"
    assert (root.get("type"), root.get("style"), root.get(XML_LANG)) == ("TBX-Basic", "dca", "en")
    assert root.find(f"{TBX}tbxHeader/{TBX}fileDesc/{TBX}sourceDesc/{TBX}p") is not None
    concepts = root.findall(f"{TBX}text/{TBX}body/{TBX}conceptEntry")
    assert len(concepts) == len(glossary.entries)
    assert len({c.get("id") for c in concepts}) == len(concepts)
    picklists = {
        "partOfSpeech": {"noun", "verb", "adjective", "adverb", "properNoun", "other"},
        "termType": {"fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"},
        "administrativeStatus": {
            "preferredTerm-admn-sts",
            "admittedTerm-admn-sts",
            "deprecatedTerm-admn-sts",
            "supersededTerm-admn-sts",
        },
    }
    for concept in concepts:
        assert [s.get(XML_LANG) for s in concept.findall(f"{TBX}langSec")] == ["en", "zh-CN"]
        for term_sec in concept.iter(f"{TBX}termSec"):
            assert term_sec[0].tag == f"{TBX}term" and term_sec[0].text
            notes = {n.get("type"): n.text for n in term_sec.findall(f"{TBX}termNote")}
            assert set(notes) == set(picklists)
            assert all(notes[name] in values for name, values in picklists.items())
    status = {
        t.findtext(f"{TBX}term"): (
            t.findtext(f"{TBX}termNote[@type='termType']"),
            t.findtext(f"{TBX}termNote[@type='administrativeStatus']"),
        )
        for t in root.iter(f"{TBX}termSec")
    }
    assert status["休会期间会议"] == ("variant", "deprecatedTerm-admn-sts")
    assert status["对受害人的援助"] == ("phrase", "admittedTerm-admn-sts")
    assert status["ISU"] == ("acronym", "admittedTerm-admn-sts")
    assert status["受害人"] == ("variant", "admittedTerm-admn-sts")


def test_glossary_tbx_round_trip(glossary, tmp_path):
    path = tmp_path / "glossary.tbx"
    path.write_bytes(glossary_to_tbx(glossary))
    again = load_glossary(path)

    def meaning(g):
        return [
            (e.english, e.compared, e.phrases, e.deprecated, e.abbreviations, e.note, e.pos)
            for e in g.entries
        ]

    assert meaning(again) == meaning(glossary)
    assert glossary_to_csv(again) == GLOSSARY.read_bytes()  # nothing lost on the way


def test_glossary_command_converts_both_ways(tmp_path, capsys):
    tbx = tmp_path / "terms.tbx"
    assert main(["glossary", "-o", str(tbx)]) == 0
    assert etree.parse(str(tbx)).getroot().get("type") == "TBX-Basic"
    assert main(["glossary", str(tbx), "--to", "csv"]) == 0
    assert capsys.readouterr().out.encode("utf-8") == GLOSSARY.read_bytes()
    assert main(["glossary", str(tmp_path / "none.csv")]) == 2
    assert "none.csv" in capsys.readouterr().err


def test_tbx_from_a_cat_tool():
    """TBX v2 (martif, tig and ntig): preferred term wherever it stands, statuses, acronyms;
    languages other than English and Chinese left out."""
    glossary = load_glossary(FIXTURES / "cat-export.tbx")
    va, meetings = glossary.entries
    assert (va.english, va.chinese) == ("victim assistance", "受害者援助")
    assert (va.variants, va.phrases, va.deprecated) == (
        ("受害人援助",),
        ("援助受害者",),
        ("受害者协助",),
    )
    assert (va.abbreviations, va.note) == (("VA",), "CCM texts say 受害人")
    assert (meetings.english, meetings.chinese) == ("intersessional meetings", "闭会期间会议")
    assert glossary.latin_terms == {"VA"}


def test_user_glossary_drives_the_checks(seeds, lexicon):
    """--glossary FILE: the user's concepts and only those; 利益相关者 is deprecated there."""
    glossary = load_glossary(FIXTURES / "user-glossary.csv")
    found = term_findings(list(seeds.values()), [], glossary, lexicon)
    assert ("nmap-model-zh.p8.i2", "term-deprecated", "利益相关者") in keys(found)
    assert ("lausanne-zh.a21", "term-variant", "勘察") in keys(found)
    assert not [f for f in found if "受害人" in f.evidence or "休会" in f.evidence]


@pytest.mark.parametrize(
    "name, content, message, line",
    [
        ("no-chinese.csv", "english,variants\nvictims,受害人\n", "no 'chinese' column", 1),
        ("empty-cell.csv", "english,chinese\nvictims,受害者\nsurvivors,\n", "no chinese term", 3),
        ("twice.csv", "english,chinese\nvictims,受害者\nVictims,受害人\n", "already an entry", 3),
        ("wide.csv", "english,chinese\nvictims,受害者,受害人\n", "more cells", 2),
        ("pos.csv", "english,chinese,pos\nvictims,受害者,thing\n", "part of speech", 2),
        ("header.csv", "english,chinese\n", "no entries", None),
        ("broken.tbx", "<tbx>\n<text>\n</tbx>\n", "not well-formed XML", 3),
        ("html.tbx", "<html/>", "not a TBX file", 1),
        ("one-language.tbx", ONE_LANGUAGE_TBX, "concept c9 has no Chinese term", 2),
    ],
)
def test_bad_glossary_is_one_line(tmp_path, name, content, message, line):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_glossary(path)
    assert message in str(err.value) and "\n" not in str(err.value)
    assert (err.value.path, err.value.line) == (str(path), line)


def test_unreadable_glossary(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        load_glossary(tmp_path / "missing.csv")
    (tmp_path / "latin1.csv").write_bytes("english,chinese\nvictims,víctimas\n".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        load_glossary(tmp_path / "latin1.csv")


# Chinese only: the five seeds.
def test_seed_findings_are_the_true_ones(seed_findings):
    assert keys(seed_findings) == SEED_FINDINGS
    assert all(f.severity == SEVERITY[f.check] for f in seed_findings)
    assert all(f.doc == f.unit.split(".")[0] and f.message and f.context for f in seed_findings)


def test_seed_findings_name_the_other_places(seed_findings):
    by_key = {(f.unit, f.check, f.evidence): f for f in seed_findings}
    survey = by_key["srap-draft-zh.s5", "term-variant", "勘查"]
    assert "勘察 in 7 units (srap-draft-zh.a6.i1, srap-draft-zh.a17" in survey.message
    assert survey.context == "勘查和清除雷区"
    victims = by_key["lausanne-zh.p2", "term-variant-across", "受害人"].message
    assert victims.endswith("differs by convention (APMBC: 受害者; CCM: 受害人)")
    approach = by_key["nmap-model-zh.p3", "term-variant-across", "因地制宜法"].message
    assert approach.endswith(
        "differs by year (2019: 因地制宜法; 2024: 个性化办法; 2025: 个性化方法)"
    )


def test_findings_are_deterministic(seeds, glossary, seed_findings, lexicon):
    shuffled = list(reversed(list(seeds.values())))
    assert term_findings(shuffled, [], glossary, lexicon) == seed_findings


def test_titles_and_front_matter_are_left_alone(glossary, lexicon):
    """A cited title keeps the cited document's wording; the front matter has no xml:id."""
    doc = chinese(
        "titles",
        "开展勘查和清除工作。",
        "完成勘查和清除。",
        "根据《关于完成第 5 条清理地雷义务的思考和谅解》提交声明。",
    )
    doc.meta.front = [Text("合作与援助"), Text("休会期间会议")]
    doc.preamble.append(Paragraph(Text("加强合作和援助。"), n="4", uid="p4"))
    assert term_findings([doc], [], glossary, lexicon) == []


def test_near_variants_keep_to_variants(glossary, lexicon):
    doc = chinese(
        "near",
        "发展国家主权。",
        "将保留集束弹药的数量限制在最低限度。",
        "更新国家地雷行动标准。",
        "在缔约国第十次会议上。",
        "确保可持续发展标准。",
    )
    assert keys(term_findings([doc], [], glossary, lexicon)) == {
        ("near.p1", "term-near-variant", "国家主权")
    }


def test_variants_across_years(glossary, lexicon):
    old = chinese("old", "采用因地制宜法。", date="2019-09-30")
    new = chinese("new", "采用个性化办法。", "个性化办法的会议。", date="2024-08-16")
    newer = chinese("newer", "利用个性化办法。", date="2025-10-08")
    found = term_findings([old, new, newer], [], glossary, lexicon)
    assert keys(found) == {("old.p1", "term-variant-across", "因地制宜法")}
    assert found[0].message.endswith("differs by year (2019: 因地制宜法; 2024–2025: 个性化办法)")


def test_homophones_without_a_glossary(seeds, monkeypatch):
    """No glossary concept at all: 勘察/勘查 are still found, by the words they share."""
    lausanne = seeds["lausanne-zh"]
    bare = Glossary((make_entry("stakeholders", "利益攸关方"),))
    monkeypatch.setattr(homophones, "VARIANT_CHARACTERS", frozenset())
    found = homophones.homophone_findings(chinese_texts([lausanne]), bare, {lausanne.id: lausanne})
    assert {f.evidence for f in found} == {"勘察"}
    assert ("lausanne-zh.a21", "term-homophone", "勘察") in keys(found)


def test_a_hundred_documents(seeds, glossary, lexicon):
    """100 documents of the seeds' size, every unit different: each one's findings (the
    time it takes is measured by `make bench`, benchmarks/qa_speed.py)."""
    corpus = []
    for copy_number in range(20):
        for doc in seeds.values():
            clone = copy.deepcopy(doc)
            clone.id = f"{doc.id}-{copy_number}"
            for _, text in clone.texts():
                text.text += f"（第{copy_number}稿）"
            corpus.append(clone)
    found = term_findings(corpus, [], glossary, lexicon)
    assert len({f.doc for f in found}) == 100


# Bilingual: aligned units.
def test_fixture_pair_is_clean(fixture_pair, glossary, lexicon):
    zh, en, translation = fixture_pair
    assert term_findings([zh, en], [translation], glossary, lexicon) == []


def test_missing_and_inconsistent_renderings(victims_pair, glossary, lexicon):
    zh, en, translation = victims_pair
    found = term_findings([zh, en], [translation], glossary, lexicon)
    # The unit with 受害人 is reported once, by the bilingual check, which names the source.
    assert keys(found) == {
        ("victims-zh.a1", "term-inconsistent", "受害人"),
        ("victims-zh.a2", "term-missing", "national ownership"),
    }
    assert "'victims' (victims-en.a1) rendered 受害人 here, 受害者 in 2" in found[0].message
    assert "none of 国家自主权 / 国家自主" in found[1].message
    uses = term_uses(aligned_units([translation]), glossary)
    assert keys(inconsistent_findings(uses, glossary)) == {
        ("victims-zh.a1", "term-inconsistent", "受害人")
    }


def test_renderings_table(fixture_pair, victims_pair, glossary, lexicon):
    (pzh, pen, pair), (vzh, ven, victims) = fixture_pair, victims_pair
    table = term_renderings([pzh, pen, vzh, ven], [pair, victims], glossary, lexicon)
    aligned = {(r.rendering, r.status): r.units for r in table.of("victims", "aligned")}
    assert aligned == {
        ("受害者", "preferred"): ("plan-zh.a3", "plan-zh.a3.i3", "victims-zh.s1", "victims-zh.p1"),
        ("受害人", "variant"): ("victims-zh.a1",),
    }
    assert [
        (r.rendering, r.status, r.units)
        for r in table.of("national ownership", "aligned")
        if r.status == "missing"
    ] == [("", "missing", ("victims-zh.a2",))]
    phrase = table.of("victim assistance", "chinese")
    assert [(r.rendering, r.status, r.count) for r in phrase] == [("援助受害人", "phrase", 1)]
    tsv = renderings_to_tsv(table).decode("utf-8").splitlines()
    assert tsv[0] == "term\torigin\tscope\trendering\tstatus\tcount\tunits\tdice\tllr"
    assert "victims\tglossary\taligned\t受害人\tvariant\t1\tvictims-zh.a1\t\t" in tsv
    payload = json.loads(renderings_to_json(table))
    assert len(payload["renderings"]) == len(table.rows) == len(tsv) - 1
    mined = [r for r in payload["renderings"] if r["origin"] == "mined"]
    assert mined and all(r["dice"] and r["llr"] for r in mined)


def test_seed_renderings_without_english(seeds, glossary, lexicon):
    table = term_renderings(list(seeds.values()), [], glossary, lexicon)
    assert {r.scope for r in table.rows} == {"chinese"}
    victims = {r.rendering: r for r in table.of("victims")}
    assert set(victims) == {"受害者", "受害人"}
    assert {u.split(".")[0] for u in victims["受害人"].units} == {"lausanne-zh"}
    assert victims["受害人"].count == len(victims["受害人"].units) == 29


# Mining.
def mining_units() -> list[AlignedUnit]:
    lines = (FIXTURES / "mining.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return [
        AlignedUnit("en", "m-en", (f"m-en.u{n}",), english, "m-zh", (f"m-zh.u{n}",), zh)
        for n, (english, zh) in enumerate((line.split("\t") for line in lines), 1)
    ]


def test_mining_finds_a_second_rendering(glossary, lexicon):
    found = mine(mining_units(), glossary, lexicon)
    assert [(c.english, c.chinese, c.rank, c.units) for c in found] == [
        (
            "information management system",
            "信息管理系统",
            1,
            tuple(f"m-zh.u{n}" for n in range(1, 7)),
        ),
        ("information management system", "资料管理系统", 2, ("m-zh.u7", "m-zh.u8")),
    ]
    assert found[0].dice == pytest.approx(12 / 14, abs=1e-3)
    assert keys(mined_findings(found)) == {
        ("m-zh.u7", "term-inconsistent", "资料管理系统"),
        ("m-zh.u8", "term-inconsistent", "资料管理系统"),
    }
    assert all(f.severity == "info" for f in mined_findings(found))


def test_mining_on_the_fixture_pair(fixture_pair, glossary, lexicon):
    """About thirty aligned units: terms repeated in three units or more come out, linked one
    to one; the glossary's own terms are left to the glossary."""
    found = mine(aligned_units([fixture_pair[2]]), glossary, lexicon)
    pairs = {(c.english, c.chinese) for c in found if c.rank == 1}
    assert {
        ("percentage", "百分比"),
        ("work plan", "工作计划"),
        ("best practice", "最佳做法"),
        ("strategy", "战略"),
        ("evidence-based", "基于证据"),
    } <= pairs
    assert not [c for c in found if "缔约国" in c.chinese or "公约" in c.chinese]
    assert len({c.chinese for c in found}) == len(found)
    assert mined_findings(found) == []


def test_log_likelihood():
    assert log_likelihood(6, 8, 6, 16) == pytest.approx(12.17, abs=0.01)
    assert log_likelihood(2, 4, 4, 8) == pytest.approx(0.0)  # as often as chance has it
    assert log_likelihood(3, 5, 4, 20) == pytest.approx(log_likelihood(3, 4, 5, 20))
