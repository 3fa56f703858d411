"""Unit alignment across languages on a bilingual fixture pair that has every kind of mismatch.

tests/fixtures/bilingual/plan-zh.txt is built from excerpts of the real Chinese seed (000,
with sub-items after the Lausanne plan's action 11); plan-en.txt is English written for these
tests. Both say so in their first line. The English side differs on purpose: an extra footnote
(so the shared one is numbered 2, not 1), action 2 in two paragraphs, an indicator missing in
action 3 and one added in action 10, an extra paragraph 8 that shifts the numbering, and
sub-item (b) of action 11 left out so that (c) and (d) are lettered (b) and (c).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.align.overrides import Override, load_overrides
from pipeline.align.units import align_documents, apply_overrides
from pipeline.errors import InputError
from pipeline.extract import extract_file

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "bilingual"

GOLD_LINKS = [
    ("section", ["s1"], ["s1"], []),
    ("section", ["s2"], ["s2"], []),
    ("paragraph", ["p5"], ["p5"], []),
    ("paragraph", ["p6"], ["p6"], []),
    ("paragraph", ["p7"], ["p7"], []),
    ("action", ["a1"], ["a1"], []),
    ("action", ["a2"], ["a2"], ["text in 1 and 2 paragraphs"]),
    ("action", ["a3"], ["a3"], []),
    ("item", ["p6.i1"], ["p6.i1"], []),
    ("item", ["p6.i2"], ["p6.i2"], []),
    ("item", ["p6.i3"], ["p6.i3"], []),
    ("indicator", ["a1.i1"], ["a1.i1"], []),
    ("indicator", ["a1.i2"], ["a1.i2"], []),
    ("indicator", ["a2.i1"], ["a2.i1"], []),
    ("indicator", ["a3.i1"], ["a3.i1"], []),
    ("indicator", ["a3.i2"], ["a3.i2"], []),
    ("indicator", ["a3.i3"], ["a3.i3"], []),
    ("paragraph", ["p8"], ["p9"], ["numbered 8 and 9"]),
    ("action", ["a10"], ["a10"], []),
    ("action", ["a11"], ["a11"], []),
    ("indicator", ["a10.i1"], ["a10.i1"], []),
    ("indicator", ["a10.i2"], ["a10.i2"], []),
    ("indicator", ["a10.i3"], ["a10.i4"], []),
    ("indicator", ["a10.i4"], ["a10.i5"], []),
    ("subitem", ["a11.a"], ["a11.a"], []),
    ("subitem", ["a11.c"], ["a11.b"], ["lettered c and b"]),
    ("subitem", ["a11.d"], ["a11.c"], ["lettered d and c"]),
    ("footnote", ["fn1"], ["fn2"], ["numbered 1 and 2"]),
]
GOLD_UNMATCHED = [
    ("a", "a3.i4", "indicator"),  # an indicator missing in English
    ("b", "p8", "paragraph"),  # a paragraph with no counterpart
    ("b", "a10.i3", "indicator"),  # an indicator added in English
    ("a", "a11.b", "subitem"),
    ("b", "fn1", "footnote"),
]


@pytest.fixture(scope="module")
def pair():
    zh = extract_file(FIXTURES / "plan-zh.txt", "fx-zh", "zh")
    en = extract_file(FIXTURES / "plan-en.txt", "fx-en", "en")
    return zh, en


@pytest.fixture(scope="module")
def alignment(pair, lexicon):
    return align_documents(*pair, lexicon)


def test_every_link_right(alignment):
    assert [(k.kind, k.a, k.b, k.notes) for k in alignment.links] == [
        (kind, a, b, notes) for kind, a, b, notes in GOLD_LINKS
    ]


def test_every_difference_reported(alignment):
    assert [(u.side, u.uid, u.kind) for u in alignment.unmatched] == GOLD_UNMATCHED
    assert all(u.message.endswith("has no counterpart") for u in alignment.unmatched)


def test_confidence_on_every_link(alignment):
    assert all(0.0 <= k.cert <= 1.0 for k in alignment.links)
    assert min(k.cert for k in alignment.links) >= 0.45
    cert = {(k.a[0], k.b[0]): k.cert for k in alignment.links}
    assert cert[("a10.i3", "a10.i4")] > 0.8  # numbers agree (Article 7) and the words do


def test_aligning_the_other_way_round_gives_the_same_links(pair, lexicon):
    zh, en = pair
    backwards = align_documents(en, zh, lexicon)
    assert sorted((k.b, k.a) for k in backwards.links) == sorted(
        (k.a, k.b) for k in align_documents(zh, en, lexicon).links
    )


def test_position_alone_would_be_wrong(alignment):
    """The fixture is built so that pairing by position or by number fails."""
    by_number = {(k.a[0], k.b[0]) for k in alignment.links if k.kind == "paragraph"}
    assert ("p8", "p8") not in by_number and ("p8", "p9") in by_number


class TestOverrides:
    def test_unlink_and_link(self, pair, lexicon):
        result = align_documents(*pair, lexicon)
        applied = apply_overrides(
            result,
            [
                Override("fx-zh.a3.i4", "fx-en.a3.i3", "link", 2),
                Override("fx-zh.p8", "fx-en.p9", "unlink", 3),
                Override("other-doc.p1", "fx-en.p1", "link", 4),  # about another pair: ignored
            ],
        )
        assert applied == 2
        pairs = {(k.a[0], k.b[0]): k for k in result.links}
        assert pairs[("a3.i4", "a3.i3")].cert == 1.0
        assert ("a3.i3", "a3.i3") not in pairs  # the decision replaced the found link
        assert ("p8", "p9") not in pairs
        assert ("a", "p8", "unit") in {(u.side, u.uid, u.kind) for u in result.unmatched}

    def test_file_read_and_errors_name_the_line(self, tmp_path):
        path = tmp_path / "overrides.tsv"
        path.write_text(
            "source_id\ttarget_id\tdecision\nfx-zh.a1\tfx-en.a2\tlink\n", encoding="utf-8"
        )
        assert load_overrides(path) == [Override("fx-zh.a1", "fx-en.a2", "link", 2)]
        path.write_text(
            "source_id\ttarget_id\tdecision\nfx-zh.a1\tfx-en.a2\tmaybe\n", encoding="utf-8"
        )
        with pytest.raises(InputError) as caught:
            load_overrides(path, "alignments/overrides.tsv")
        assert str(caught.value).startswith("alignments/overrides.tsv:2: ")


def test_a_decision_naming_no_unit_is_reported_not_applied(pair, lexicon, tmp_path, capsys):
    result = align_documents(*pair, lexicon)
    links = [(k.a, k.b) for k in result.links]
    applied = apply_overrides(result, [Override("fx-zh.p99", "fx-en.p9", "link", 4)])
    assert applied == 0 and [(k.a, k.b) for k in result.links] == links
    assert result.warnings == [
        "the decision of line 4 of the overrides was not applied: fx-zh.p99 names no unit"
    ]
    overrides = tmp_path / "overrides.tsv"
    overrides.write_text("plan-en.a77\tplan-zh.a1\tlink\n", encoding="utf-8")
    from pipeline.cli import main

    plan_en, plan_zh = FIXTURES / "plan-en.txt", FIXTURES / "plan-zh.txt"
    args = ["align", str(plan_en), str(plan_zh), "--overrides", str(overrides), "--to", "tsv"]
    assert main(args) == 0
    assert capsys.readouterr().err.splitlines() == [
        (
            f"planalign: warning: {overrides}: the decision of line 1 of the overrides was not "
            "applied: plan-en.a77 names no unit"
        )
    ]
