"""The UN Charter (../shared/real/charter), both languages: extraction of each version, and
their alignment (units, then the sentences inside linked units), with the reference run in the
same process the plain reading of the two files (decoding and cleaning their lines)."""

from __future__ import annotations

from pathlib import Path

from benchmarks import best_of
from pipeline.align.encoder import load_encoder
from pipeline.align.translation import align_translation
from pipeline.extract import extract_file
from pipeline.readers.text import read_text
from pipeline.terminology import glossary_lexicon

CHARTER = Path(__file__).resolve().parent.parent.parent / "shared" / "real" / "charter"
ZH, EN = CHARTER / "un-charter.zh.txt", CHARTER / "un-charter.en.txt"


def run(folder: Path) -> list[str]:
    if not (ZH.is_file() and EN.is_file()):
        raise FileNotFoundError(f"the Charter is missing at {CHARTER}")
    lexicon = glossary_lexicon()  # built once by the caller: not part of the figure
    encoder = load_encoder()
    encoder.vectors(["loaded before the clock starts"])
    read = best_of(lambda: (read_text(ZH), read_text(EN)))
    extract_zh = best_of(lambda: extract_file(ZH, "charter-zh", "zh"))
    extract_en = best_of(lambda: extract_file(EN, "charter-en", "en"))
    zh, en = extract_file(ZH, "charter-zh", "zh"), extract_file(EN, "charter-en", "en")
    align = best_of(lambda: align_translation(en, zh, lexicon, encoder=encoder))
    lexical = best_of(lambda: align_translation(en, zh, lexicon))
    result = align_translation(en, zh, lexicon, encoder=encoder)
    links = result.alignment.links
    line = (
        f"charter: extraction zh {extract_zh:.2f} s, en {extract_en:.2f} s "
        f"({len(zh.articles())} articles each; reading the two files alone {read:.3f} s); "
        f"alignment {align:.2f} s ({lexical:.2f} s without sentence vectors): {len(links)} "
        f"unit links, {len(result.sentences)} sentence links, {len(result.segments)} TM segments"
    )
    return [line]


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print("\n".join(run(Path(tmp))))
