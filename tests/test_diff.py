"""The lineage writers: word diffs, text (wdiff and ANSI), HTML and JSON renderings."""

from __future__ import annotations

import json
import re

import pytest

from pipeline.model.diff import diff_words, word_diff
from pipeline.writers.lineage import Step, render_html, render_json, render_text

EN_OLD = "The States Parties will clear mined areas as soon as possible."
EN_NEW = "The States Parties will clear all mined areas by 2025."
ZH_OLD = "缔约国将尽快完成清除工作，并提交报告。"
ZH_NEW = "缔约国将在2027年前完成雷区清除工作，并每年提交报告。"

PAIRS = [
    (EN_OLD, EN_NEW, "en"),
    (ZH_OLD, ZH_NEW, "zh"),
    ("a  b\n\tc, d's e", "a b\nc; d’s  e f", "en"),
    ("各缔约国应当  加强国际合作,\r\n并 report to APLC 4.1", "各缔约国 加强合作。\n并报告", "zh"),
    ("", "new text only", "en"),
    ("old text only", "", "en"),
    ("", "", "zh"),
    ("same text", "same text", "en"),
]


def steps_en_zh() -> list[Step]:
    return [
        Step("maputo", "maputo-en", "1", "", None, EN_OLD, "en"),
        Step("oslo", "oslo-en", "4", "reworded", 0.82, EN_NEW, "en"),
        Step("oslo-zh", "oslo-zh", "4", "same", 0.91, ZH_OLD, "zh"),
        Step("siem-reap", "siem-reap-zh", "4.1", "reworded", 0.7, ZH_NEW, "zh"),
    ]


def join(ops: list[tuple[str, str]], kinds: set[str]) -> str:
    return "".join(text for op, text in ops if op in kinds)


@pytest.mark.parametrize(("old", "new", "lang"), PAIRS)
def test_diff_reconstructs_both_texts(old: str, new: str, lang: str) -> None:
    ops = word_diff(old, new, lang)
    assert join(ops, {"equal", "insert"}) == new
    assert join(ops, {"equal", "delete"}) == old
    assert all(op in {"equal", "delete", "insert"} and text for op, text in ops)


@pytest.mark.parametrize(("old", "new", "lang"), PAIRS)
def test_tokens_join_back(old: str, new: str, lang: str) -> None:
    assert "".join(diff_words(old, lang)) == old
    assert "".join(diff_words(new, lang)) == new


def test_english_ops() -> None:
    assert word_diff(EN_OLD, EN_NEW, "en") == [
        ("equal", "The States Parties will clear "),
        ("insert", "all "),
        ("equal", "mined areas "),
        ("delete", "as soon as possible"),
        ("insert", "by 2025"),
        ("equal", "."),
    ]


def test_english_tokens_are_words_punctuation_and_spaces() -> None:
    assert diff_words("clear  all, States' 4.1", "en") == [
        "clear",
        "  ",
        "all",
        ",",
        " ",
        "States",
        "'",
        " ",
        "4",
        ".",
        "1",
    ]


def test_whitespace_between_changes_joins_them() -> None:
    assert word_diff("the quick brown fox", "the slow red fox", "en") == [
        ("equal", "the "),
        ("delete", "quick brown"),
        ("insert", "slow red"),
        ("equal", " fox"),
    ]


def test_chinese_ops() -> None:
    assert word_diff(ZH_OLD, ZH_NEW, "zh") == [
        ("equal", "缔约国将"),
        ("delete", "尽快"),
        ("insert", "在2027年前"),
        ("equal", "完成"),
        ("insert", "雷区"),
        ("equal", "清除工作，并"),
        ("insert", "每年"),
        ("equal", "提交报告。"),
    ]


def test_identical_texts_are_one_equal() -> None:
    assert word_diff(ZH_OLD, ZH_OLD, "zh") == [("equal", ZH_OLD)]


def test_text_wdiff_markers() -> None:
    out = render_text(steps_en_zh(), color=False)
    blocks = out.split("\n\n")
    assert blocks[0] == f"maputo 1\n{EN_OLD}"
    assert blocks[1] == (
        "oslo 4  (reworded, 0.82)\nThe States Parties will clear {+all +}mined"
        " areas [-as soon as possible-]{+by 2025+}."
    )
    assert blocks[3] == (
        "siem-reap 4.1  (reworded, 0.70)\n缔约国将[-尽快-]{+在2027年前+}完成"
        "{+雷区+}清除工作，并{+每年+}提交报告。\n"
    )
    assert "\x1b" not in out


def test_text_ansi_only_with_color() -> None:
    out = render_text(steps_en_zh(), color=True)
    assert "\x1b[31m" in out and "\x1b[32m" in out and "\x1b[0m" in out
    assert "\x1b[31m\x1b[9m尽快\x1b[0m" in out
    assert "\x1b[32m\x1b[4m在2027年前\x1b[0m" in out
    assert "[-" not in out and "{+" not in out
    assert re.sub(r"\x1b\[\d+m", "", out) == _unmarked()


def _unmarked() -> str:
    """Without its codes, the coloured text is the wdiff one without the markers' words."""
    out = render_text(steps_en_zh(), color=False)
    out = re.sub(r"\[-(.*?)-\]", r"\1", out)
    return re.sub(r"\{\+(.*?)\+\}", r"\1", out)


def test_text_languages_differ_shows_both_whole() -> None:
    block = render_text(steps_en_zh(), color=False).split("\n\n")[2]
    assert block.splitlines() == [
        "oslo-zh 4  (same, 0.91)",
        "languages differ (en → zh): no word diff, both texts shown whole",
        f"oslo 4 (en): {EN_NEW}",
        f"oslo-zh 4 (zh): {ZH_OLD}",
    ]


def test_new_relation_is_not_diffed() -> None:
    steps = [
        Step("a", "a", "1", "", None, "one text", "en"),
        Step("b", "b", "2", "new", 0.0, "another text", "en"),
    ]
    assert render_text(steps, color=False) == "a 1\none text\n\nb 2  (new, 0.00)\nanother text\n"
    assert json.loads(render_json(steps))[1]["diff"] is None


def test_html_page() -> None:
    steps = steps_en_zh()
    steps[1].text = "Clear <all> mined areas & report."
    page = render_html(steps)
    assert page.startswith("<!DOCTYPE html>\n")
    assert "<title>Action lineage: maputo 1 → oslo 4 → oslo-zh 4 → siem-reap 4.1</title>" in page
    assert "&lt;all&gt;" in page and "&amp; report" in page and "<all>" not in page
    assert "<del>尽快</del><ins>在2027年前</ins>" in page
    assert '<p class="text" lang="zh">' in page and '<p class="text" lang="en">' in page
    assert "<style>" in page
    lowered = page.lower()
    assert "<script" not in lowered and "http" not in lowered
    assert "<link" not in lowered and "src=" not in lowered and "url(" not in lowered


def test_json_round_trip() -> None:
    steps = steps_en_zh()
    out = render_json(steps)
    assert out == render_json(steps_en_zh())
    assert "缔约国" in out and out.endswith("}\n]\n")
    records = json.loads(out)
    fields = ("plan", "doc_id", "action", "relation", "score", "text", "lang")
    assert [Step(**{k: r[k] for k in fields}) for r in records] == steps
    assert [r["diff"] is None for r in records] == [True, False, True, False]
    assert [r["languages_differ"] for r in records] == [False, False, True, False]
    assert records[3]["diff"][:2] == [["equal", "缔约国将"], ["delete", "尽快"]]
    ops = [tuple(op) for op in records[1]["diff"]]
    assert join(ops, {"equal", "insert"}) == EN_NEW
    assert join(ops, {"equal", "delete"}) == EN_OLD


def test_empty_lineage() -> None:
    assert render_text([], color=True) == ""
    assert render_json([]) == "[]\n"
    assert "<title>Action lineage</title>" in render_html([])
