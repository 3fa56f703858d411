"""How English documents are recognised, pinned on small fixtures in the layouts of the English
originals (as README.md, "What it reads", describes them): Oslo / Siem Reap–Angkor,
Vientiane, Dubrovnik, Maputo, and an indicator appendix table.

The official English texts are not available. Every fixture here (tests/fixtures/en/*.txt, and
the texts written to tmp_path below) is a test fixture written for planalign's tests, not a United
Nations text, and says so on its first line; that line is front matter like any other.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from pipeline.extract import extract_file
from pipeline.model import Action, Document, NoteRef, Paragraph, Text
from pipeline.model.inline import hyphenated_words, join_text
from pipeline.writers.schema import tei_all_schema, validate_tei
from pipeline.writers.tei import document_to_tei

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "en"
LABEL = "Test fixture written for planalign's tests; not a United Nations text."
TITLES = {
    "oslo": "Oslo-style Action Plan",
    "vientiane": "Vientiane-style Action Plan",
    "dubrovnik": "Dubrovnik-style Action Plan",
    "maputo": "Maputo-style Action Plan",
    "appendix": "Lausanne-style Action Plan",
}
NAMES = tuple(TITLES)
NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def extract(name: str) -> Document:
    return extract_file(FIXTURES / f"{name}.txt", f"{name}-en", "en")


def extract_text(tmp_path: Path, name: str, body: str) -> Document:
    """A fixture written on the fly: the label line, then `body`."""
    path = tmp_path / f"{name}.txt"
    path.write_text(f"{LABEL}\n{body}", encoding="utf-8")
    return extract_file(path, f"{name}-en", "en")


def numbers(units) -> list[str | None]:
    return [unit.n for unit in units]


def action(doc: Document, n: str) -> Action:
    return next(a for a in doc.actions() if a.n == n)


def texts(items) -> list[str]:
    return [item.body.text for item in items]


def tei_tree(doc: Document) -> etree._Element:
    return etree.fromstring(document_to_tei(doc))


@pytest.fixture(scope="session")
def tei_schema():
    """Compile tei_all once per session (about 8 s); validate_tei reuses the cached schema."""
    return tei_all_schema()


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    return {name: extract(name) for name in NAMES}


# Every fixture: the label is front matter, the TEI is valid and written identically twice.
@pytest.mark.parametrize("name", NAMES)
def test_label_line_is_front_matter(docs, name):
    doc = docs[name]
    assert doc.meta.front[0].text == LABEL
    assert doc.meta.title == doc.meta.printed_title == TITLES[name]
    body_texts = [t.text for uid, t in doc.texts() if uid != "front"]
    assert not any("fixture" in t for t in body_texts)
    assert doc.warnings == []


@pytest.mark.parametrize("name", NAMES)
def test_tei_is_valid_and_stable(docs, tei_schema, name):
    doc = docs[name]
    first = document_to_tei(doc)
    assert validate_tei(first) == []
    assert document_to_tei(doc) == first
    assert document_to_tei(extract(name)) == first  # a fresh run on the same input
    assert LABEL in first.decode()


# Oslo / Siem Reap–Angkor: "Action #1" / "Action 1" on its own line, then text and indicators.
class TestOslo:
    @pytest.fixture
    def doc(self, docs):
        return docs["oslo"]

    def test_sections(self, doc):
        sections = doc.all_sections()
        assert [(s.n, s.head.text) for s in sections] == [
            ("I", "Introduction"),
            ("II", "Universalization"),
            ("III", "Stockpile destruction"),
        ]
        assert [s.uid for s in sections] == ["s1", "s2", "s3"]

    def test_paragraphs(self, doc):
        assert numbers(doc.paragraphs(numbered=True)) == ["1", "2", "3"]
        assert doc.paragraphs(numbered=False) == []
        assert not any(p.restored for p in doc.paragraphs())
        assert [b.uid for b in doc.all_sections()[0].blocks] == ["p1", "p2"]

    def test_actions_with_and_without_hash(self, doc):
        assert numbers(doc.actions()) == ["1", "2"]
        assert [a.uid for a in doc.actions()] == ["a1", "a2"]
        assert action(doc, "1").body.text == (
            "Promote adherence to the Convention by all States not yet party to it."
        )
        assert action(doc, "2").body.text == "Condemn any use of anti-personnel mines by any actor."
        assert all(a.subitems == [] and a.restatements == [] for a in doc.actions())
        assert [b.uid for b in doc.all_sections()[1].blocks] == ["a1", "a2"]

    def test_indicators(self, doc):
        assert texts(action(doc, "1").indicators) == [
            "Number of States not party that have joined the Convention",
            "Number of States not party that attend meetings of the Convention",
        ]
        assert texts(action(doc, "2").indicators) == ["Number of statements condemning use"]
        assert len(doc.indicators()) == 3
        assert [i.uid for i in doc.indicators()] == ["a1.i1", "a1.i2", "a2.i1"]
        assert all(i.n is None for i in doc.indicators())

    def test_footnote_defined_between_two_actions(self, doc):
        (note,) = doc.footnotes
        assert (note.n, note.body.text, note.uid) == (
            "1",
            "See the final report of the previous Review Conference.",
            "fn1",
        )
        assert action(doc, "1").line < note.line < action(doc, "2").line
        assert note.referenced_by == "p1"
        p1 = doc.paragraphs(numbered=True)[0]
        first_sentence = "The States Parties reaffirm their commitment to the Convention."
        assert p1.body.refs == [NoteRef("1", len(first_sentence))]
        assert (
            p1.body.text == first_sentence + " They will work together towards its full "
            "implementation."
        )
        # The definition cut nothing: action 1's indicators and action 2 are whole.
        assert "See the final report" not in " ".join(t.text for u, t in doc.texts() if u != "fn1")

    def test_document_notes(self, doc):
        assert [(n.n, n.body.text, n.uid, n.referenced_by) for n in doc.doc_notes] == [
            ("*", "Adopted at the final plenary meeting.", "dn1", "front"),
            ("**", "Issued without formal editing.", "dn2", "front"),
        ]
        title = doc.meta.front[2]
        assert title.text == doc.meta.title == "Oslo-style Action Plan"
        assert title.refs == [NoteRef("*", len(title.text))]
        meeting = doc.meta.front[1]
        assert meeting.text == "Fourth Review Conference of the States Parties"
        assert meeting.refs == [NoteRef("**", len(meeting.text))]
        # The notes, printed between paragraphs 1 and 2, left both paragraphs whole.
        assert "plenary" not in " ".join(p.body.text for p in doc.paragraphs())

    def test_hyphenation_at_line_ends(self, doc):
        assert doc.paragraphs(numbered=True)[1].body.text == (
            "The States Parties recognise that the implementation of the Convention involves "
            "non-State armed groups in some areas."
        )

    def test_paragraph_broken_across_a_page_is_joined_with_one_space(self, doc):
        assert doc.paragraphs(numbered=True)[2].body.text == (
            "The States Parties will continue to report on the destruction of stockpiles, and the "
            "second half of this sentence continues on the next page."
        )

    def test_tei_layout(self, doc):
        root = tei_tree(doc)
        body = root.find(".//t:body", NS)
        assert [d.get("n") for d in body.findall("t:div[@type='section']", NS)] == [
            "I",
            "II",
            "III",
        ]
        p1 = body.find(".//t:p[@n='1']", NS)
        first, second = p1.findall("t:s", NS)
        note = first.find("t:note[@place='foot']", NS)  # after the full stop it follows
        assert first.get(XML_ID) == "oslo-en.p1.s1"
        assert first.text == "The States Parties reaffirm their commitment to the Convention."
        assert note.get("n") == "1"
        assert note.findtext("t:seg", namespaces=NS) == (
            "See the final report of the previous Review Conference."
        )
        assert (first.tail, second.text) == (
            " ",
            "They will work together towards its full implementation.",
        )
        actions = body.findall(".//t:div[@type='action']", NS)
        assert [(a.get("n"), a.get(XML_ID)) for a in actions] == [
            ("1", "oslo-en.a1"),
            ("2", "oslo-en.a2"),
        ]
        assert [len(a.findall("t:list[@type='indicators']/t:item", NS)) for a in actions] == [2, 1]
        front = root.find(".//t:front", NS)
        notes = front.findall(".//t:note", NS)
        assert [(n.get("type"), n.get("n")) for n in notes] == [
            ("document", "**"),
            ("document", "*"),
        ]


# Vientiane: "Action #20 Increase in 2011 ..." inline.
class TestVientiane:
    @pytest.fixture
    def doc(self, docs):
        return docs["vientiane"]

    def test_sections_and_paragraph(self, doc):
        assert numbers(doc.all_sections()) == ["I", "II", "III"]
        assert numbers(doc.paragraphs(numbered=True)) == ["1"]

    def test_inline_actions(self, doc):
        assert numbers(doc.actions()) == ["1", "2", "20", "21"]
        assert [a.body.text for a in doc.actions()] == [
            "Increase in 2011 the number of States that have joined the Convention.",
            (
                "Promote the Convention in regional meetings and in bilateral contacts with States "
                "not party."
            ),
            (
                "Increase in 2011 the number of States Parties that have destroyed all their "
                "stockpiles."
            ),
            "Report each year on the stockpiles that remain.",
        ]
        assert [[b.uid for b in s.blocks] for s in doc.all_sections()] == [
            ["p1"],
            ["a1", "a2"],
            ["a20", "a21"],
        ]

    def test_cross_reference_at_a_line_start_is_no_action(self, doc):
        # "Action 5 of an earlier plan, ..." opens a wrapped line of paragraph 1.
        assert "5" not in numbers(doc.actions())
        assert doc.paragraphs(numbered=True)[0].body.text == (
            "This plan builds on earlier commitments, in particular those recorded in Action 5 "
            "of an earlier plan, and sets measurable steps for the coming years."
        )

    def test_tei_action_numbers(self, doc):
        actions = tei_tree(doc).findall(".//t:div[@type='action']", NS)
        assert [a.get("n") for a in actions] == ["1", "2", "20", "21"]


# Dubrovnik: "Action 4.1 – Strengthen national capacity" with lettered sub-items.
class TestDubrovnik:
    @pytest.fixture
    def doc(self, docs):
        return docs["dubrovnik"]

    def test_sections(self, doc):
        assert [(s.n, s.head.text) for s in doc.all_sections()] == [
            ("IV", "National implementation"),
            ("V", "Cooperation"),
        ]

    def test_actions_numbered_as_printed(self, doc):
        assert numbers(doc.actions()) == ["4.1", "4.2", "5.1"]
        assert [a.uid for a in doc.actions()] == ["a4.1", "a4.2", "a5.1"]
        assert [a.body.text for a in doc.actions()] == [
            "Strengthen national capacity",
            "Share information",
            "Build partnerships",
        ]
        assert doc.paragraphs() == []
        assert doc.indicators() == []

    def test_lettered_subitems(self, doc):
        a41 = action(doc, "4.1")
        assert [(i.n, i.uid, i.body.text) for i in a41.subitems] == [
            (
                "a",
                "a4.1.a",
                (
                    "Designate a national authority responsible for the implementation of the "
                    "Convention;"
                ),
            ),
            (
                "b",
                "a4.1.b",
                "Train the staff of that authority and of the services that support it.",
            ),
        ]
        # "(a)" and "a)" are both sub-item letters.
        assert [(i.n, i.body.text) for i in action(doc, "5.1").subitems] == [
            ("a", "Work with international and regional organizations;"),
            ("b", "Exchange good practices."),
        ]

    def test_bullets_under_a_subitem_stay_with_the_action(self, doc):
        # The model has no nested lists: the bullets follow their sub-item in the action's list.
        assert [(i.n, i.body.text) for i in action(doc, "4.2").subitems] == [
            ("a", "Report each year on:"),
            (None, "progress made;"),
            (None, "remaining challenges."),
        ]
        assert action(doc, "4.2").indicators == []

    def test_tei_layout(self, doc):
        body = tei_tree(doc).find(".//t:body", NS)
        a41 = body.find(".//t:div[@type='action'][@n='4.1']", NS)
        assert a41.get(XML_ID) == "dubrovnik-en.a4.1"
        assert a41.findtext("t:p/t:s", namespaces=NS) == "Strengthen national capacity"
        items = a41.findall("t:list[@type='subitems']/t:item", NS)
        assert [(i.get("n"), i.get(XML_ID)) for i in items] == [
            ("a", "dubrovnik-en.a4.1.a"),
            ("b", "dubrovnik-en.a4.1.b"),
        ]
        assert [d.get("n") for d in body.findall(".//t:div[@type='action']", NS)] == [
            "4.1",
            "4.2",
            "5.1",
        ]


# Maputo: no "Action" markers; numbered commitments under upper-case headings are the actions.
class TestMaputo:
    @pytest.fixture
    def doc(self, docs):
        return docs["maputo"]

    def test_sections(self, doc):
        assert [(s.n, s.head.text) for s in doc.all_sections()] == [
            ("I", "UNIVERSALIZATION"),
            ("II", "MINE CLEARANCE"),
        ]

    def test_commitments_are_actions(self, doc):
        assert numbers(doc.actions()) == ["1", "2", "4", "5"]
        assert [a.body.text for a in doc.actions()] == [
            (
                "The States Parties will promote adherence to the Convention by States not party to "
                "the Convention and invite them to its meetings."
            ),
            (
                "Each State Party that has not yet done so will designate a national focal point for "
                "universalization."
            ),
            (
                "Those States Parties with mined areas under their jurisdiction or control will "
                "complete clearance as soon as possible."
            ),
            (
                "The States Parties, in cooperation with the United Nations, will share good "
                "practices."
            ),
        ]

    def test_other_paragraphs_stay_paragraphs(self, doc):
        # Paragraph 3 says "will", but not as the States Parties' own commitment.
        (p3,) = doc.paragraphs(numbered=True)
        assert (p3.n, p3.uid, p3.restored) == ("3", "p3", False)
        assert p3.body.text == (
            "The States Parties recognise that clearance will remain an "
            "obligation under Article 5 until it is completed."
        )
        (lead_in,) = doc.paragraphs(numbered=False)
        assert lead_in.body.text == (
            "To pursue universal adherence to the Convention, the States "
            "Parties will take the following actions:"
        )
        assert [[type(b).__name__ + (b.n or "") for b in s.blocks] for s in doc.all_sections()] == [
            ["Paragraph", "Action1", "Action2"],
            ["Paragraph3", "Action4", "Action5"],
        ]

    def test_tei_layout(self, doc):
        body = tei_tree(doc).find(".//t:body", NS)
        assert [d.get("n") for d in body.findall(".//t:div[@type='action']", NS)] == [
            "1",
            "2",
            "4",
            "5",
        ]
        assert [p.get("n") for p in body.findall(".//t:p[@n]", NS)] == ["3"]


# An indicator appendix table keyed by action number.
class TestAppendixTable:
    @pytest.fixture
    def doc(self, docs):
        return docs["appendix"]

    def test_sections(self, doc):
        sections = doc.all_sections(("section", "appendix"))
        assert [(s.kind, s.n, s.head.text) for s in sections] == [
            ("section", "I", "Universalization"),
            ("appendix", None, "Appendix"),
        ]
        assert sections[1].blocks == []  # every row found its action

    def test_indicators_attach_to_their_actions(self, doc):
        assert numbers(doc.actions()) == ["1", "2"]
        assert texts(action(doc, "1").indicators) == [
            "Number of States that joined;",
            "Number of States that attended meetings.",
        ]
        # The row cut by the page break continues under the repeated header row.
        assert texts(action(doc, "2").indicators) == [
            "Number of statements condemning any use;",
            "Number of States that raised concern about alleged use.",
        ]
        assert [i.uid for i in doc.indicators()] == ["a1.i1", "a1.i2", "a2.i1", "a2.i2"]

    def test_rows_are_kept_as_restatements(self, doc):
        assert [(r.uid, r.of_uid, r.of_n, r.body.text) for r in action(doc, "1").restatements] == [
            ("a1.r1", "a1", None, "Promote adherence to the Convention.")
        ]
        assert [(r.uid, r.of_uid, r.body.text) for r in action(doc, "2").restatements] == [
            ("a2.r1", "a2", "Condemn any use of cluster munitions by any actor.")
        ]
        assert action(doc, "2").body.text == "Condemn any use of cluster munitions by any actor."

    def test_tei_layout(self, doc):
        body = tei_tree(doc).find(".//t:body", NS)
        a2 = body.find("t:div[@type='section']/t:div[@type='action'][@n='2']", NS)
        assert len(a2.findall("t:list[@type='indicators']/t:item", NS)) == 2
        (restatement,) = a2.findall("t:ab[@type='restatement']", NS)
        assert restatement.get("corresp") == "#appendix-en.a2"
        assert restatement.findtext("t:s", namespaces=NS) == (
            "Condemn any use of cluster munitions by any actor."
        )


# Hard-wrapped lines: the typesetter's hyphen goes, the word's own stays.
@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("the imple-", "mentation of", "the implementation of"),
        ("involves non-", "State armed groups", "involves non-State armed groups"),
        ("ban on anti-", "personnel mines", "ban on anti-personnel mines"),
        ("in a spirit of self-", "reliance", "in a spirit of self-reliance"),
        ("the inter-", "national community", "the international community"),
        ("international co-", "operation", "international cooperation"),
        ("the inter-", "sessional meetings", "the intersessional meetings"),
        ("ex-", "amples", "examples"),
        ("the follow-", "up to", "the follow-up to"),
        ("in mine-", "affected areas", "in mine-affected areas"),
        ("the Co-", "Chairs", "the Co-Chairs"),
        ("the COVID-", "19 pandemic", "the COVID-19 pandemic"),
        ("the Decade 2001-", "2010 and", "the Decade 2001-2010 and"),
        ("paragraphs 3–", "5 above", "paragraphs 3–5 above"),
        ("of the", "Convention", "of the Convention"),
        ("see www.example.org/member-", "states.html", "see www.example.org/member-states.html"),
        ("at https://example.org/guinea-", "bissau。", "at https://example.org/guinea-bissau。"),
    ],
)
def test_hyphenation(left, right, joined):
    assert join_text(Text(left), Text(right), " ").text == joined


def test_a_compound_the_document_writes_keeps_its_hyphen_at_a_line_end():
    """Text written for the tests, spelt as the Charter spells it."""
    compounds = hyphenated_words(["promote international co-operation and", "the well-being of"])
    assert compounds == frozenset({"co-operation", "well-being"})
    joined = join_text(Text("international co-"), Text("operation in"), " ", compounds)
    assert joined.text == "international co-operation in"
    assert join_text(Text("the imple-"), Text("mentation"), " ", compounds).text == (
        "the implementation"
    )


def test_a_word_of_a_written_compounds_family_keeps_its_hyphen_at_a_line_end():
    """Text written for the tests. The Charter writes "co-operation" five times and
    "co-operate" once, broken at a line's end: the family shares the six letters after the
    hyphen. A shorter likeness says nothing: "re-establish" keeps no hyphen in "report"."""
    compounds = hyphenated_words(["international co-operation and", "to re-establish peace"])
    joined = join_text(Text("and to co-"), Text("operate with"), " ", compounds)
    assert joined.text == "and to co-operate with"
    assert join_text(Text("a re-"), Text("port on"), " ", compounds).text == "a report on"
    assert join_text(Text("to co-"), Text("operative"), " ", compounds).text == "to co-operative"
    assert join_text(Text("to co-"), Text("opt"), " ", compounds).text == "to coopt"


def test_hyphenation_keeps_note_offsets():
    left = Text("the Convention and its imple-", [NoteRef("1", 14)])
    right = Text("mentation by all", [NoteRef("2", 9)])
    out = join_text(left, right, " ")
    assert out.text == "the Convention and its implementation by all"
    assert out.refs == [
        NoteRef("1", 14),
        NoteRef("2", len("the Convention and its implementation")),
    ]


# Small cases written to tmp_path.
def test_footnote_between_the_halves_of_a_page_broken_paragraph(tmp_path):
    doc = extract_text(
        tmp_path,
        "page-note",
        (
            "Oslo-style Action Plan\n"
            "I. Introduction\n"
            "1. The States Parties recall the deadlines under Article 5,² which remain\n"
            "\n"
            "² See Article 5 of the Convention.\n"
            "\n"
            "binding on each of them.\n"
            "2. The States Parties recall their reporting obligations.\n"
        ),
    )
    p1, p2 = doc.paragraphs(numbered=True)
    head = "The States Parties recall the deadlines under Article 5,"
    assert p1.body.text == head + " which remain binding on each of them."
    assert p1.body.refs == [NoteRef("2", len(head))]
    assert [(n.n, n.body.text, n.referenced_by) for n in doc.footnotes] == [
        ("2", "See Article 5 of the Convention.", "p1")
    ]
    assert p2.body.text == "The States Parties recall their reporting obligations."


def test_footnote_in_an_action_text(tmp_path, tei_schema):
    doc = extract_text(
        tmp_path,
        "action-note",
        (
            "Siem Reap–Angkor-style Action Plan\n"
            "I. Universalization\n"
            "Action 1\n"
            "Promote adherence to the Convention³ by all States.\n"
            "Indicators\n"
            "- Number of States that joined\n"
            "³ Including the States that signed it.\n"
            "Action 2\n"
            "Report on progress.\n"
        ),
    )
    a1 = action(doc, "1")
    assert a1.body.text == "Promote adherence to the Convention by all States."
    assert a1.body.refs == [NoteRef("3", len("Promote adherence to the Convention"))]
    assert texts(a1.indicators) == ["Number of States that joined"]
    assert doc.footnotes[0].referenced_by == "a1"
    assert action(doc, "2").body.text == "Report on progress."
    tei = document_to_tei(doc)
    assert validate_tei(tei) == []
    note = etree.fromstring(tei).find(".//t:div[@n='1']/t:p/t:s/t:note", NS)
    assert (note.get("n"), note.tail) == ("3", " by all States.")


def test_action_text_wrapped_over_two_lines(tmp_path):
    """The first line after an `Action #1` heading is the action's text, never a heading,
    so a wrapped action text is joined and its indicators stay on the action."""
    doc = extract_text(
        tmp_path,
        "wrapped-action",
        (
            "Oslo-style Action Plan\n"
            "I. Universalization\n"
            "Action #1\n"
            "Promote adherence to the Convention by all States not party, in line\n"
            "with the Convention.\n"
            "Indicators\n"
            "- Number of States that have joined the Convention\n"
        ),
    )
    a1 = action(doc, "1")
    assert a1.body.text == (
        "Promote adherence to the Convention by all States not party, in line with the Convention."
    ), "wrapped action text was not joined"
    assert texts(a1.indicators) == ["Number of States that have joined the Convention"]
    assert doc.paragraphs() == []
    assert doc.warnings == []


def test_maputo_unnumbered_introduction_is_body_text(tmp_path):
    """An unnumbered INTRODUCTION with its paragraph above `I. UNIVERSALIZATION` is body text
    (an unnumbered chapter), not first-page matter; the title stays the title."""
    doc = extract_text(
        tmp_path,
        "maputo-intro",
        (
            "Maputo-style Action Plan\n"
            "INTRODUCTION\n"
            "The States Parties reaffirm their commitment to the Convention and will carry out this\n"
            "plan in a cooperative and inclusive manner.\n"
            "I. UNIVERSALIZATION\n"
            "1. The States Parties will promote adherence to the Convention.\n"
        ),
    )
    assert doc.meta.title == "Maputo-style Action Plan", "the introduction became the title"
    sections = doc.all_sections()
    assert [(s.n, s.head.text) for s in sections] == [
        (None, "INTRODUCTION"),
        ("I", "UNIVERSALIZATION"),
    ]
    (intro,) = sections[0].blocks
    assert isinstance(intro, Paragraph) and intro.n is None
    assert intro.body.text == (
        "The States Parties reaffirm their commitment to the Convention and "
        "will carry out this plan in a cooperative and inclusive manner."
    )
    assert numbers(doc.actions()) == ["1"]


def test_maputo_lead_in_gets_no_number_of_an_action(tmp_path):
    """Numbered paragraphs that are actions (Maputo) count in the paragraph sequence, so an
    unnumbered lead-in before action 1 is not given a restored number."""
    doc = extract_text(
        tmp_path,
        "maputo-lead-in",
        (
            "Maputo-style Action Plan\n"
            "I. UNIVERSALIZATION\n"
            "To pursue universal adherence, the States Parties will take the following actions:\n"
            "1. The States Parties will promote adherence to the Convention.\n"
            "2. The States Parties recall that universal adherence is the aim of the Convention.\n"
        ),
    )
    assert numbers(doc.actions()) == ["1"]
    assert numbers(doc.paragraphs(numbered=True)) == ["2"], "lead-in numbered as paragraph 1"
    (lead_in,) = doc.paragraphs(numbered=False)
    assert not lead_in.restored


def test_appendix_continuation_row_opening_with_a_new_bullet(tmp_path):
    """A continued row whose indicator cell opens with a bullet starts a new indicator; it is
    not glued to the unfinished last indicator of the row before."""
    doc = extract_text(
        tmp_path,
        "appendix-bullet",
        (
            "Lausanne-style Action Plan\n"
            "I. Universalization\n"
            "Action #2\n"
            "Condemn any use of cluster munitions by any actor.\n"
            "Appendix\n"
            "Action\tIndicators\n"
            "2. Condemn any use of cluster\t• Number of statements condemning any use\n"
            "Action\tIndicators\n"
            "munitions by any actor.\t• Number of States that raised concern about alleged use\n"
        ),
    )
    a2 = action(doc, "2")
    assert [r.body.text for r in a2.restatements] == [
        "Condemn any use of cluster munitions by any actor."
    ]
    assert texts(a2.indicators) == [
        "Number of statements condemning any use",
        "Number of States that raised concern about alleged use",
    ], "a new bullet in the continued row was glued to the previous indicator"
