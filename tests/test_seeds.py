"""Facts about the five real seed documents, as a careful reader of each finds them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.extract import extract_file
from pipeline.model import Action, Document

CJK_GAP = re.compile(r"[\u4e00-\u9fff，。、；：）》”] +[\u4e00-\u9fff（《“]")


def numbers(units) -> list[str]:
    return [unit.n for unit in units]


def text_of(doc: Document, uid: str) -> str:
    return dict(doc.texts())[uid].text


def action(doc: Document, n: str) -> Action:
    return next(a for a in doc.actions() if a.n == n)


def section_of(doc: Document, uid: str) -> str:
    """The number of the chapter whose paragraphs or actions hold the unit `uid`."""
    block = uid.split(".")[0]
    return next(s.n for s in doc.all_sections() if block in [b.uid for b in s.blocks])


class TestSiemReapAngkorDraft:
    @pytest.fixture
    def doc(self, seeds):
        return seeds["srap-draft-zh"]

    def test_sections(self, doc):
        sections = doc.all_sections()
        assert numbers(sections) == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
        assert sections[0].head.text == "引言"
        assert sections[8].head.text == "确保履约的措施"

    def test_numbered_paragraphs(self, doc):
        assert numbers(doc.paragraphs(numbered=True)) == [str(n) for n in range(1, 15)]

    def test_actions_in_order_each_with_indicators(self, doc):
        actions = doc.actions()
        assert numbers(actions) == [str(n) for n in range(1, 46)]
        assert all(a.body.text and a.indicators for a in actions)
        assert len(doc.indicators()) == 87
        assert [len(action(doc, n).indicators) for n in ("3", "10", "29", "43")] == [4, 4, 2, 2]

    def test_footnote_referenced_in_section_two(self, doc):
        [note] = doc.footnotes
        assert note.n == "1" and note.body.text.startswith("缔约国对国家自主权的界定")
        assert note.referenced_by == "p6.i1"
        assert section_of(doc, note.referenced_by) == "II"
        [ref] = doc.paragraphs(numbered=True)[5].items[0].body.refs
        assert (ref.n, ref.offset) == ("1", len("强有力的国家自主权；"))
        # The definition landed inside action 1 in the source; it is not part of the action.
        assert "界定" not in action(doc, "1").body.text
        assert all("界定" not in i.body.text for i in action(doc, "1").indicators)

    def test_document_notes(self, doc):
        assert [(n.n, n.referenced_by) for n in doc.doc_notes] == [("*", ""), ("**", "front")]
        assert doc.meta.printed_title == "《2025-2029年暹粒—吴哥行动计划》草案"

    def test_breaks_across_pages_joined(self, doc):
        assert "在与其他人平等的基础上向地雷和其他爆炸物受害者提供" in text_of(doc, "p12")
        assert "为受害者援助提供支持，为此确保" in action(doc, "40").body.text
        assert "人道主义应对措施和保护和/或发展计划" in text_of(doc, "a23.i1")
        assert len(doc.all_sections()[6].blocks) == 1 + 10  # paragraph 12 and actions 27-36

    def test_metadata(self, doc):
        meta = doc.meta
        assert (meta.date, meta.language, meta.original_language) == ("2024-08-16", "zh", "en")
        assert meta.agenda_item == "4(b)"
        # The convention's name, a cited title alone on its line, is the meeting's treaty.
        assert meta.meeting[0].startswith("《关于禁止使用") and meta.meeting[0].endswith("公约》")
        assert meta.meeting[1:] == ["缔约国第五次审议会议", "第二次筹备会议"]
        assert meta.meeting_date_place == "2024年9月18日，日内瓦"
        assert (meta.plan, meta.follows, meta.convention) == ("siem-reap-angkor", "oslo", "APMBC")


class TestLausanne:
    @pytest.fixture
    def doc(self, seeds):
        return seeds["lausanne-zh"]

    def test_sections_and_paragraphs(self, doc):
        assert len(doc.all_sections()) == 11
        assert numbers(doc.all_sections())[-1] == "XI"
        assert numbers(doc.paragraphs(numbered=True)) == [str(n) for n in range(1, 24)]
        [appendix] = doc.all_sections(("appendix",))
        assert appendix.head.text == "附录"

    def test_every_appendix_indicator_on_its_action(self, doc):
        actions = doc.actions()
        assert numbers(actions) == [str(n) for n in range(1, 51)]
        assert len(doc.indicators()) == 77
        assert all(a.indicators for a in actions)
        # No indicator was left over in the appendix outside an action.
        [appendix] = doc.all_sections(("appendix",))
        leftovers = [
            b
            for s in [appendix, *appendix.subsections]
            for b in s.blocks
            if not isinstance(b, Action) and b.items
        ]
        assert leftovers == []

    def test_action_11_subitems_and_indicators(self, doc):
        eleven = action(doc, "11")
        assert [i.n for i in eleven.subitems] == ["a", "b", "c", "d"]
        assert len(eleven.indicators) == 4
        assert eleven.indicators[0].body.text == "经确证使用集束弹药的案例数目；"
        assert (
            eleven.indicators[3].body.text
            == "与仍依赖集束弹药的非《公约》缔约国举行专门会议的次数。"
        )

    def test_indicator_cells_split(self, doc):
        assert len(action(doc, "17").indicators) == 2  # split at "; " outside brackets
        assert len(action(doc, "18").indicators) == 2  # "(…, 则…); " keeps its brackets
        assert action(doc, "18").indicators[0].body.text.endswith("数目);")
        assert len(action(doc, "4").indicators) == 2  # split at "； "
        assert [len(action(doc, n).indicators) for n in ("9", "10", "12")] == [2, 3, 2]

    def test_restatements_kept_and_tied(self, doc):
        for a in doc.actions():
            own = [r for r in a.restatements if r.of_uid == a.uid]
            assert len(own) == 1, a.n
        eleven = action(doc, "11")
        assert [r.of_uid for r in eleven.restatements[1:]] == ["a11.a", "a11.b", "a11.c", "a11.d"]
        # The appendix says 不同需求 where the body says 不同需要: both are kept.
        assert "不同需要" in action(doc, "4").body.text
        assert "不同需求" in action(doc, "4").restatements[0].body.text

    def test_rows_continued_across_pages(self, doc):
        assert "之前，尽可能使用“第三条履约声明”" in action(doc, "13").restatements[0].body.text
        assert "“《集束弹药公约》第三条和第四条之下延期请求的方法”" in (
            action(doc, "20").restatements[0].body.text
        )
        assert "优先考虑风险最大的人群" in action(doc, "28").restatements[0].body.text
        assert action(doc, "50").indicators[0].body.text == "已及时提交延期请求的缔约国数目。"

    def test_group_label_kept(self, doc):
        [appendix] = doc.all_sections(("appendix",))
        groups = [
            b.body.text
            for s in appendix.subsections
            for b in s.blocks
            if getattr(b, "kind", "") == "group"
        ]
        assert groups == ["执行《公约》的最佳做法"]

    def test_footnotes(self, doc):
        assert [(n.n, n.referenced_by) for n in doc.footnotes] == [("1", "p3"), ("2", "a1")]
        [ref] = action(doc, "1").body.refs
        assert action(doc, "1").body.text[: ref.offset].endswith("国家自主权")

    def test_breaks_across_pages_joined(self, doc):
        assert "红十字国际委员会、各国红十字会" in text_of(doc, "p16")
        assert "现行做法在缔约国第十次会议上接受审议" in action(doc, "45").body.text
        seventh = doc.all_sections()[6]
        assert [b.n for b in seventh.blocks[:3]] == ["14", None, "15"]

    def test_front(self, doc):
        assert (doc.meta.annex, doc.meta.printed_title) == ("附件二", "洛桑行动计划")


class TestPlatformModel:
    @pytest.fixture
    def doc(self, seeds):
        return seeds["nmap-model-zh"]

    def test_paragraphs_and_footnote(self, doc):
        assert numbers(doc.paragraphs(numbered=True)) == [str(n) for n in range(1, 14)]
        [note] = doc.footnotes
        assert (note.referenced_by, note.body.text) == ("p6", "《马普托行动计划》。")
        assert "共同目标。缔约国还理解" in text_of(doc, "p6")

    def test_unnumbered_headings_are_sections(self, doc):
        assert [s.head.text for s in doc.all_sections()] == [
            "导言",
            "国家地雷行动平台的具体目标",
            "国家地雷行动平台的构成",
        ]
        assert [len(p.items) for p in doc.paragraphs(numbered=True) if p.items] == [4, 4, 7]

    def test_front(self, doc):
        meta = doc.meta
        assert meta.printed_title == "国家地雷行动平台样本模型"
        assert meta.agenda_item == "7(e)(一)"
        assert meta.submitted_by.startswith("加强合作与援助事务委员会")


class TestCommitteeReport:
    @pytest.fixture
    def doc(self, seeds):
        return seeds["ceca-report-2025-zh"]

    def test_lost_numbers_restored(self, doc):
        paragraphs = doc.paragraphs(numbered=True)
        assert numbers(paragraphs) == [str(n) for n in range(1, 19)]
        assert [p.restored for p in paragraphs[:6]] == [True] * 5 + [False]
        assert paragraphs[0].body.text.startswith("委员会于 2025 年 1 月 27 日举行首次会议")

    def test_markdown_residue_cleaned(self, doc):
        assert [s.head.text for s in doc.all_sections()] == ["委员会的活动", "委员会的优先事项"]
        eight = doc.paragraphs(numbered=True)[7]
        assert [(i.n, i.body.text) for i in eight.items] == [
            ("a", "https://www.apminebanconvention.org/en/membership/south-sudan;"),
            ("b", "https://www.apminebanconvention.org/en/membership/guinea-bissau。"),
        ]
        [note] = doc.footnotes
        assert note.referenced_by == "p7"
        assert note.body.text.startswith("https://www.apminebanconvention.org/en/meetings/")
        assert all("\\" not in t.text and "<" not in t.text for _, t in doc.texts())

    def test_document_notes(self, doc):
        assert [(n.n, n.referenced_by) for n in doc.doc_notes] == [("*", "front"), ("**", "front")]
        assert doc.meta.printed_title == "关于 2025-2026 年的活动和优先实施事项的报告"


class TestVientianeReview:
    @pytest.fixture
    def doc(self, seeds):
        return seeds["vap-review-cooperation-zh"]

    def test_hard_wraps_joined(self, doc):
        paragraphs = doc.paragraphs(numbered=True)
        assert numbers(paragraphs) == [str(n) for n in range(1, 16)]
        assert paragraphs[0].body.text == (
            "为了落实《集束弹药公约》规定的每个缔约国寻求和获得援助并从国际合作与援助中获益的权利，"
            "各缔约国在拟定《万象行动计划》时，确认需要进一步发展有助于有效和及时执行《公约》所有规定的"
            "伙伴关系，并列出了联合行动方面的具体目标和可衡量的步骤，可用于监测在伙伴的配合和协助下履行"
            "销毁库存、清除和援助受害者义务的进展。"
        )
        # A wrapped line may end with a full stop: the paragraph still goes on.
        assert "一致。随着时间的推移" in paragraphs[10].body.text
        assert "资源。例如，通过适当投资" in paragraphs[11].body.text
        assert doc.paragraphs(numbered=False) == []

    def test_no_stray_spaces_inside_chinese(self, seeds):
        for doc in seeds.values():
            for uid, text in doc.texts():
                assert not CJK_GAP.search(text.text), (doc.id, uid, text.text)

    def test_section_and_subheadings(self, doc):
        [section] = doc.all_sections()
        assert (section.n, section.head.text) == ("VIII", "国际合作与援助")
        assert [s.head.text for s in section.subsections] == [
            "主要信息",
            "范围",
            "进展",
            "自缔约国第一次会议以来强调的挑战",
            "建议",
        ]
        assert doc.meta.submitted_by == "缔约国第五次会议主席提交"
        assert doc.meta.printed_title == "审议《万象行动计划》"


def test_a_cited_title_with_words_after_it_is_the_title():
    """《行动计划》草案 on the first page is the document's title (a draft of a cited plan),
    not a meeting of a treaty: the line above it, a disclaimer, is not taken for the title."""
    fixture = Path(__file__).parent / "fixtures" / "bilingual" / "plan-zh.txt"
    meta = extract_file(fixture, "plan-zh", "zh").meta
    assert (meta.printed_title, meta.meeting) == ("《行动计划》草案", [])
