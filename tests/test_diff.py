"""The word diff the lineages (`trace`, the lineage pages) mark their differences with."""

from __future__ import annotations

import pytest

from pipeline.model.diff import diff_words, word_diff

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
