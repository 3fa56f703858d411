"""`planalign sentalign`: its outputs (beads, TSV with both texts, TMX; `-o`) and its input
that is not as it should be (an empty side, one side ten times longer, a text in the wrong
language, lines of 100,000 characters, a binary or undecodable file).

The UN Charter in both languages (../shared/real/charter) is read where it is, never copied;
without it the tests that need it fail. Every other input is written by the tests below:
the Chinese and English sentences are UN-style sentences written for these tests, not taken
from any document.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from lxml import etree

from pipeline import cli
from pipeline.align.sentences import align_sentences
from pipeline.languages.splitting import split_sentences

ROOT = Path(__file__).resolve().parents[1]
CHARTER = ROOT.parent / "shared" / "real" / "charter"
CHARTER_ZH, CHARTER_EN = CHARTER / "un-charter.zh.txt", CHARTER / "un-charter.en.txt"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# Written for these tests: four Chinese sentences and their English translations.
ZH = [
    "执行委员会于2024年5月3日举行了第十二次会议。",
    "委员会审议了秘书处提交的年度报告。",
    "各成员国同意在下届会议之前提交书面意见。",
    "会议在主席致闭幕词后结束。",
]
EN = [
    "The Executive Committee held its twelfth meeting on 3 May 2024.",
    "The Committee considered the annual report submitted by the secretariat.",
    "Member States agreed to submit written comments before the next session.",
    "The meeting closed after the closing remarks of the Chair.",
]
# Written for these tests: English sentences that translate none of ZH.
MONTHS = ("January", "February", "March", "April", "June", "July")
UNRELATED = [
    f"The working group on item {k + 20} heard {k + 2} speakers on {k % 27 + 1} "
    f"{MONTHS[k % len(MONTHS)]} and postponed its decision."
    for k in range(36)
]


@pytest.fixture
def sentalign(lexicon, monkeypatch, capsys):
    """`planalign sentalign ARGS…` in this process, with the session's lexicon: (exit
    status, stdout, stderr)."""
    monkeypatch.setattr("pipeline.terminology.glossary_lexicon", lambda: lexicon)

    def run(*args: object) -> tuple[int, str, str]:
        status = cli.main(["sentalign", *map(str, args)])
        out, err = capsys.readouterr()
        return status, out, err

    return run


@pytest.fixture
def pair(tmp_path) -> tuple[Path, Path]:
    """ZH and EN as running text, one paragraph each."""
    zh, en = tmp_path / "minutes.zh.txt", tmp_path / "minutes.en.txt"
    zh.write_text("".join(ZH) + "\n", encoding="utf-8")
    en.write_text(" ".join(EN) + "\n", encoding="utf-8")
    return zh, en


@pytest.fixture(scope="module")
def charter() -> tuple[Path, Path]:
    if not (CHARTER_ZH.is_file() and CHARTER_EN.is_file()):
        pytest.fail(f"the Charter is missing: expected {CHARTER_ZH} and {CHARTER_EN}")
    return CHARTER_ZH, CHARTER_EN


def tsv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter="\t"))


def indices(cell: str) -> list[int]:
    return [int(k) for k in cell.split(",")] if cell else []


def covers(rows: list[dict[str, str]], side: str, count: int) -> bool:
    """Whether the rows hold every sentence of a side once, in order."""
    return [k for row in rows for k in indices(row[side])] == list(range(count))


# 1. Outputs ------------------------------------------------------------------------------


def test_beads_by_default_and_with_to_beads(sentalign, pair, lexicon):
    status, out, err = sentalign(*pair)
    assert status == 0 and err == ""
    beads = align_sentences(ZH, EN, "zh", "en", lexicon)
    expected = "".join(f"{list(b.src)}:{list(b.tgt)}\n" for b in beads)
    assert out == expected
    assert out.splitlines() == ["[0]:[0]", "[1]:[1]", "[2]:[2]", "[3]:[3]"]
    assert sentalign(*pair, "--to", "beads") == (0, expected, "")


def test_tsv_has_both_texts_in_the_beads_rows(sentalign, pair):
    status, out, err = sentalign(*pair, "--to", "tsv")
    assert status == 0 and err == ""
    assert out.splitlines()[0] == "src\ttgt\tscore\tsrc_text\ttgt_text"
    rows = tsv_rows(out)
    assert [(row["src"], row["tgt"], row["src_text"], row["tgt_text"]) for row in rows] == [
        (str(k), str(k), zh, en) for k, (zh, en) in enumerate(zip(ZH, EN, strict=True))
    ]
    assert all(0.0 < float(row["score"]) <= 1.0 for row in rows)


def test_tsv_joins_a_beads_sentences_and_quotes_tabs_and_quotes(sentalign, tmp_path):
    """A 2–1 bead's English sentences joined by a space, its Chinese ones by nothing; a tab
    and a double quote in a sentence quoted as pandas and R quote them."""
    zh, en = tmp_path / "merged.zh", tmp_path / "merged.en"
    zh.write_text(ZH[0] + "\n" + ZH[1] + ZH[2] + "\n" + ZH[3] + "\n", encoding="utf-8")
    en.write_text(
        EN[0] + '\t"annex"\n' + EN[1] + "\n" + EN[2] + "\n" + EN[3] + "\n", encoding="utf-8"
    )
    status, out, _ = sentalign("--presplit", en, zh, "--to", "tsv")
    assert status == 0
    assert f'"{EN[0]}\t""annex"""' in out.splitlines()[1]
    rows = tsv_rows(out)
    assert [(row["src"], row["tgt"]) for row in rows] == [("0", "0"), ("1,2", "1"), ("3", "2")]
    assert rows[0]["src_text"] == EN[0] + '\t"annex"'
    assert rows[1]["src_text"] == EN[1] + " " + EN[2]
    assert rows[1]["tgt_text"] == ZH[1] + ZH[2]


def test_tsv_of_the_charter_puts_each_article_by_its_translation(sentalign, charter):
    zh, en = charter
    status, out, err = sentalign(zh, en, "--to", "tsv")
    assert status == 0 and err == ""
    rows = tsv_rows(out)
    zh_sentences = split_sentences(zh.read_text(encoding="utf-8"), "zh")
    en_sentences = split_sentences(en.read_text(encoding="utf-8"), "en")
    assert covers(rows, "src", len(zh_sentences)) and covers(rows, "tgt", len(en_sentences))
    by_zh = {row["src_text"]: row for row in rows}
    for zh_heading, en_heading in (
        ("第一条", "Article 1"),
        ("第二条", "Article 2"),
        ("第二十三条", "Article 23"),
        ("第一百一十一条", "Article 111"),
        ("第一章：宗旨及原则", "Chapter I: Purposes and Principles"),
        ("联合国之宗旨为：", "The Purposes of the United Nations are:"),
    ):
        assert by_zh[zh_heading]["tgt_text"] == en_heading
    article_4 = next(row for row in rows if row["tgt_text"].startswith("Membership in the United"))
    assert article_4["src_text"].startswith("一、凡其他爱好和平之国家")


def test_tmx_holds_the_aligned_beads_source_first(sentalign, pair):
    zh, en = pair
    status, out, err = sentalign(en, zh, "--to", "tmx")
    assert status == 0 and err == ""
    root = etree.fromstring(out.encode("utf-8"))
    assert root.get("version") == "1.4"
    assert root.find("header").get("srclang") == "en"
    units = root.findall("body/tu")
    assert [tu.get("tuid") for tu in units] == [
        f"minutes.en.txt/minutes.zh.txt/{k}" for k in range(4)
    ]
    assert [tu.findtext("prop") for tu in units] == [f"[{k}]:[{k}]" for k in range(4)]
    assert [[(v.get(XML_LANG), v.findtext("seg")) for v in tu.findall("tuv")] for tu in units] == [
        [("en", e), ("zh", z)] for z, e in zip(ZH, EN, strict=True)
    ]


def test_tmx_leaves_out_sentences_aligned_to_nothing(sentalign, charter):
    """The Charter's TMX: one unit per bead with sentences on both sides, texts as the TSV
    has them."""
    zh, en = charter
    _, tsv, _ = sentalign(zh, en, "--to", "tsv")
    status, tmx, _ = sentalign(zh, en, "--to", "tmx")
    assert status == 0
    aligned = [row for row in tsv_rows(tsv) if row["src"] and row["tgt"]]
    assert len(aligned) < len(tsv_rows(tsv))  # the Charter has sentences aligned to nothing
    units = etree.fromstring(tmx.encode("utf-8")).findall("body/tu")
    assert [[v.findtext("seg") for v in tu.findall("tuv")] for tu in units] == [
        [row["src_text"], row["tgt_text"]] for row in aligned
    ]
    assert units[0].find("tuv").get(XML_LANG) == "zh"


@pytest.mark.parametrize("to", ["beads", "tsv", "tmx"])
def test_output_file_holds_what_stdout_would(sentalign, pair, tmp_path, to):
    _, printed, _ = sentalign(*pair, "--to", to)
    target = tmp_path / "out" / f"minutes.{to}"
    status, out, err = sentalign(*pair, "--to", to, "-o", target)
    assert (status, out, err) == (0, "", "")
    assert target.read_text(encoding="utf-8") == printed
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]  # no temp file


def test_output_that_cannot_be_written_is_one_line(sentalign, pair, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    status, out, err = sentalign(*pair, "-o", blocker / "out.tsv")
    assert status == 2 and out == ""
    assert len(err.splitlines()) == 1 and str(blocker) in err


# 2. Input that is not as it should be ---------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [b"", b"\n\n  \n", b"\xef\xbb\xbf\n", "\u3000\u3000\n\u00a0\n".encode()],
    ids=["empty", "blank-lines", "bom-only", "wide-blanks"],
)
@pytest.mark.parametrize("presplit", [False, True])
@pytest.mark.parametrize("side", [0, 1])
def test_an_empty_side_is_one_line_naming_the_file(sentalign, pair, content, presplit, side):
    files = list(pair)
    files[side] = files[side].with_name("empty.txt")
    files[side].write_bytes(content)
    status, out, err = sentalign(*(["--presplit"] if presplit else []), *files)
    assert status == 2 and out == ""
    assert err.splitlines() == [err.strip()] and f"planalign: {files[side]}:" in err
    assert "empty file" in err or "no sentences" in err


@pytest.mark.parametrize("long_side", ["tgt", "src"])
def test_one_side_ten_times_longer(sentalign, tmp_path, long_side):
    """Four Chinese sentences against their four translations and thirty-six more English
    ones, the long side as TGT or as SRC: the four pairs found, every other English sentence
    left unaligned."""
    zh_file, en_file = tmp_path / "short.zh", tmp_path / "long.en"
    zh_file.write_text("\n".join(ZH) + "\n", encoding="utf-8")
    en_file.write_text("\n".join(EN + UNRELATED) + "\n", encoding="utf-8")
    files, (zh, en) = (
        ((zh_file, en_file), ("src", "tgt"))
        if long_side == "tgt"
        else ((en_file, zh_file), ("tgt", "src"))
    )
    status, out, err = sentalign("--presplit", *files, "--to", "tsv")
    assert status == 0 and err == ""
    rows = tsv_rows(out)
    assert covers(rows, zh, len(ZH)) and covers(rows, en, len(EN + UNRELATED))
    found = {row[f"{zh}_text"]: row[f"{en}_text"] for row in rows if row[zh]}
    assert found == dict(zip(ZH, EN, strict=True))
    assert [row[f"{en}_text"] for row in rows if not row[zh]] == UNRELATED


def test_a_language_flag_the_text_belies_is_warned_about(sentalign, pair, tmp_path):
    en = pair[1]
    other = tmp_path / "other.en.txt"
    other.write_text(" ".join(EN[::-1]) + "\n", encoding="utf-8")
    status, out, err = sentalign("--src-lang", "zh", "--tgt-lang", "en", en, other)
    assert status == 0
    expected = "the text looks English, not Chinese as --src-lang says; aligned as Chinese"
    assert err.splitlines() == [f"planalign: warning: {en}: {expected} all the same"]
    lines = out.splitlines()
    assert lines and all(line.count(":") == 1 and line.startswith("[") for line in lines)


def test_two_texts_of_one_language_are_aligned_with_a_warning(sentalign, tmp_path):
    first, second = tmp_path / "first.en", tmp_path / "second.en"
    first.write_text(" ".join(EN) + "\n", encoding="utf-8")
    second.write_text(" ".join(EN[:2] + [UNRELATED[0]] + EN[2:]) + "\n", encoding="utf-8")
    status, out, err = sentalign(first, second)
    assert status == 0
    expected = "aligned English to English (--src-lang and --tgt-lang say so, and silence this)"
    assert err.splitlines() == [f"planalign: warning: {second}: English like {first}: {expected}"]
    assert out.splitlines() == ["[0]:[0]", "[1]:[1]", "[]:[2]", "[2]:[3]", "[3]:[4]"]
    assert sentalign("--src-lang", "en", "--tgt-lang", "en", first, second) == (0, out, "")


def test_the_charter_in_the_wrong_language_gives_a_warning_and_a_result(sentalign, charter):
    zh, en = charter
    status, out, err = sentalign("--src-lang", "en", "--tgt-lang", "zh", zh, en)
    assert status == 0
    assert [line.split(": ")[2] for line in err.splitlines()] == [str(zh), str(en)]
    assert "not English as --src-lang says" in err and "not Chinese as --tgt-lang says" in err
    assert out.count("\n") > 100


HUGE = 100_000


@pytest.mark.parametrize(
    "long_text, lang",
    [
        (" ".join(f"delegation{k % 97}" for k in range(HUGE // 10))[:HUGE], "en"),
        (("各国代表团审议了关于可持续发展的报告" * (HUGE // 18 + 1))[:HUGE], "zh"),
    ],
    ids=["english-words", "chinese"],
)
def test_a_line_of_100000_characters_is_one_sentence(sentalign, pair, tmp_path, long_text, lang):
    """One line, no sentence end: one sentence, aligned as one (here to nothing, or to what
    fits it) beside the ordinary text of the other side."""
    huge = tmp_path / f"huge.{lang}"
    huge.write_text(long_text + "\n", encoding="utf-8")
    other = pair[1] if lang == "zh" else pair[0]
    status, out, err = sentalign("--src-lang", lang, huge, other, "--to", "tsv")
    assert status == 0
    assert "warning" not in err or str(other) in err  # zh and zh, or en and en: a warning
    rows = tsv_rows(out)
    assert covers(rows, "src", 1) and covers(rows, "tgt", 4)
    assert [row["src_text"] for row in rows if row["src"]] == [long_text]


def test_two_lines_of_100000_characters(sentalign, tmp_path):
    zh, en = tmp_path / "huge.zh", tmp_path / "huge.en"
    zh.write_text(("委员会决定继续审议这个项目" * HUGE)[:HUGE], encoding="utf-8")
    en.write_text(("committee decides to continue " * HUGE)[: HUGE - 1] + "s", encoding="utf-8")
    status, out, err = sentalign(zh, en, "--to", "tsv")
    assert status == 0 and err == ""
    rows = tsv_rows(out)
    assert [(row["src"], row["tgt"]) for row in rows] == [("0", "0")]
    assert len(rows[0]["src_text"]) == len(rows[0]["tgt_text"]) == HUGE


@pytest.mark.parametrize("lang, sentence", [("en", EN[0] + " "), ("zh", ZH[0])])
def test_a_line_of_100000_characters_of_many_sentences(sentalign, pair, tmp_path, lang, sentence):
    """A whole text on one line (a converter that lost the line breaks): cut into its
    sentences, as many as it holds, in time that grows with its length."""
    count = HUGE // len(sentence)
    huge = tmp_path / f"one-line.{lang}"
    huge.write_text(sentence * count + "\n", encoding="utf-8")
    other = pair[0] if lang == "en" else pair[1]
    status, out, _ = sentalign(other, huge, "--to", "tsv")
    assert status == 0
    rows = tsv_rows(out)
    assert covers(rows, "tgt", count)
    assert {row["tgt_text"] for row in rows if row["tgt"] and "," not in row["tgt"]} <= {
        sentence.strip()
    }


@pytest.mark.parametrize(
    "content, message",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
        (b"Some text.\nMore \x80\x80\xff text.\n", "undecodable text"),
    ],
    ids=["binary", "undecodable"],
)
@pytest.mark.parametrize("side", [0, 1])
def test_binary_or_undecodable_is_one_line_naming_the_file(sentalign, pair, content, message, side):
    files = list(pair)
    files[side] = files[side].with_name("bad.dat")
    files[side].write_bytes(content)
    status, out, err = sentalign(*files)
    assert status == 2 and out == ""
    assert err.splitlines() == [err.strip()] and f"planalign: {files[side]}" in err
    assert message in err
