"""The side-by-side page of a 500-link pair in a real browser: how soon it is interactive
(the browser's own performance timing: domInteractive and domContentLoadedEventEnd, from
the start of navigation), against a target of 1 s; and how long writing the page takes.

The pair is the bilingual test fixture repeated and renumbered (`align_speed.long_plan`)
until its alignment has 500 links or more. The page is opened from disk by headless
Chromium (`tools.browser`), as a reader opens the site; five loads, fastest and slowest reported.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks import best_of
from benchmarks.align_speed import long_plan
from pipeline.align.translation import align_translation
from pipeline.extract import extract_file
from pipeline.terminology import glossary_lexicon
from pipeline.writers.pages import site_assets
from pipeline.writers.pages.pairpage import pair_page

LINKS = 500
LOADS = 5


def long_pair(folder: Path, lexicon):
    """A translation of at least LINKS links (the fixture gives about seven a action)."""
    actions = 60
    while True:
        en = extract_file(long_plan("en", actions, folder), "bench-en", "en")
        zh = extract_file(long_plan("zh", actions, folder), "bench-zh", "zh")
        translation = align_translation(en, zh, lexicon)
        if len(translation.alignment.links) >= LINKS:
            return translation
        actions += 10


def run(folder: Path) -> list[str]:
    from tools.browser import available, chromium, interactive_ms

    missing = available()
    if missing:
        return [f"site: skipped, {missing}"]
    translation = long_pair(folder, glossary_lexicon())
    site = folder / "site"
    for path, data in site_assets().items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_bytes(data)
    page = site / "pairs" / "bench.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    writing = best_of(lambda: pair_page(translation))
    page.write_bytes(pair_page(translation))
    timings = []
    with chromium() as driver:
        for _ in range(LOADS):
            driver.get("about:blank")
            driver.get(page.as_uri())
            timings.append(interactive_ms(driver))
    interactive = [t[0] for t in timings]
    loaded = [t[1] for t in timings]
    rows = page.read_bytes().count(b'<tr id="r')
    return [
        (
            f"site: side-by-side page of {len(translation.alignment.links)} links ({rows} rows, "
            f"{page.stat().st_size // 1024} KB) interactive in {min(interactive):.0f}–"
            f"{max(interactive):.0f} ms, DOMContentLoaded done in {min(loaded):.0f}–"
            f"{max(loaded):.0f} ms ({LOADS} loads; target < 1000 ms); "
            f"writing it {writing:.2f} s"
        )
    ]


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print("\n".join(run(Path(tmp))))
