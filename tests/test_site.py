"""The static site (`output/site/`), tried in a real browser: headless Chromium driven by
selenium, one session for the module. Built by the batch run over a small project (a
translation pair, a chain of three plans, a Chinese plan with restatements, a document
holding a `<script>`), and the UN Charter's side-by-side page (read in place from
../shared/real/charter)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from corpora import chain_entries, entry, pair_entries

from pipeline.corpus.runner import run_corpus
from pipeline.extract import extract_file
from pipeline.model import Document
from tools import browser

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
CHARTER = HERE.parent.parent / "shared" / "real" / "charter"
CHAIN = "lineages.fx-a--fx-b--fx-c"
HOSTILE = (
    "Test fixture written for planalign's tests; not a United Nations text.\n"
    "Hostile plan\nI. Introduction\nAction #1\n"
    "Never run <script>window.hacked = 1</script> found in a source.\n"
)
PAGES = {
    "index": "index.html",
    "document": "docs/fx-zh.html",
    "pair": "pairs/fx-en__fx-zh.html",
    "lineage": f"lineages/{CHAIN}.html",
    "findings": "findings.html",
    "charter": "pairs/charter-en__charter-zh.html",
}


@pytest.fixture(scope="module")
def charter() -> dict[str, Document]:
    if not CHARTER.is_dir():
        pytest.fail(f"the Charter is missing: expected {CHARTER}")
    meta = {"kind": "treaty", "convention": "UN", "title": "Charter of the United Nations"}
    return {
        lang: extract_file(CHARTER / f"un-charter.{lang}.txt", f"charter-{lang}", lang, None, meta)
        for lang in ("en", "zh")
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory, charter, lexicon) -> Path:
    from pipeline.align.translation import align_translation
    from pipeline.writers.pages.pairpage import pair_page

    root = tmp_path_factory.mktemp("site") / "project"
    corpus = root / "corpus"
    corpus.mkdir(parents=True)
    for path in (
        FIXTURES / "bilingual" / "plan-en.txt",
        FIXTURES / "bilingual" / "plan-zh.txt",
        FIXTURES / "qa" / "restatement-zh.txt",
        *sorted((FIXTURES / "chain").glob("*.txt")),
    ):
        shutil.copy(path, corpus)
    (corpus / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (corpus / "manifest.toml").write_text(
        pair_entries()
        + entry("restated-zh", "restatement-zh.txt", "zh")
        + entry("hostile", "hostile.txt", "en")
        + chain_entries(),
        encoding="utf-8",
    )
    assert run_corpus(root, log=lambda line: None).failures == 0
    folder = root / "output" / "site"
    translation = align_translation(charter["en"], charter["zh"], lexicon)
    (folder / PAGES["charter"]).write_bytes(pair_page(translation))
    return folder


@pytest.fixture(scope="module")
def driver():
    missing = browser.available()
    if missing:
        pytest.fail(missing)
    with browser.chromium() as session:
        yield session


def load(driver, site: Path, page: str, width: int = 1400):
    browser.resize(driver, width)
    path, _, anchor = page.partition("#")
    driver.get((site / path).as_uri() + (f"#{anchor}" if anchor else ""))
    return driver


def visible_rows(driver) -> list:
    return driver.execute_script(
        "return [...document.querySelectorAll('#rows tbody tr')]"
        ".filter(r => r.offsetParent !== null)"
    )


def test_every_page_kind_loads_without_console_errors(site, driver):
    for kind, page in PAGES.items():
        load(driver, site, page)
        assert browser.console_errors(driver) == [], kind
        assert driver.execute_script("return document.querySelectorAll('main *').length") > 20
    load(driver, site, "index.html")
    links = driver.execute_script(
        "return [...document.querySelectorAll('main a')].map(a => a.href)"
    )
    for page in ("docs/fx-zh.html", "pairs/fx-en__fx-zh.html", f"lineages/{CHAIN}.html"):
        assert (site / page).as_uri() in links
    assert all((site / "assets" / name).is_file() for name in ("site.css", "site.js"))


def test_no_page_asks_the_network(site):
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "http://" not in html and "https://" not in html, page


def test_a_script_in_a_document_shows_as_text(site, driver):
    load(driver, site, "docs/hostile.html")
    assert driver.execute_script("return window.hacked") is None
    assert "<script>window.hacked = 1</script>" in driver.find_element("css selector", "main").text
    assert browser.console_errors(driver) == []


def test_pair_filters_change_the_visible_rows(site, driver):
    load(driver, site, PAGES["pair"])
    every = visible_rows(driver)
    differing = driver.find_elements("css selector", "#rows tbody tr.diff")
    assert 0 < len(differing) < len(every)
    driver.find_element("css selector", "input[data-flag=diff]").click()
    shown = visible_rows(driver)
    assert len(shown) == len(differing)
    assert all("diff" in row.get_attribute("class").split() for row in shown)
    driver.find_element("css selector", "input[data-flag=diff]").click()
    search = driver.find_element("css selector", "input[data-text]")
    search.send_keys("国家自主权")
    shown = visible_rows(driver)
    assert 0 < len(shown) < len(every)
    assert all("国家自主权" in row.text for row in shown)
    count = driver.find_element("css selector", ".toolbar .count").text
    assert count == f"{len(shown)} of {len(every)} rows"


def test_flagged_only_and_the_next_flagged_key(site, driver):
    load(driver, site, PAGES["charter"])
    flagged = driver.find_elements("css selector", "#rows tbody tr.review")
    assert len(flagged) >= 2
    body = driver.find_element("css selector", "body")
    body.send_keys("n")
    assert driver.execute_script("return location.hash") == f"#{flagged[0].get_attribute('id')}"
    body.send_keys("n")
    current = driver.find_element("css selector", "tr.current")
    assert current.get_attribute("id") == flagged[1].get_attribute("id")
    assert _in_view(driver, current)
    driver.find_element("css selector", "input[data-flag=review]").click()
    assert len(visible_rows(driver)) == len(flagged)


def test_findings_filters(site, driver):
    load(driver, site, "findings.html")
    every = visible_rows(driver)
    severities = {r.get_attribute("data-sev") for r in every}
    assert len(severities) > 1
    select = driver.find_element("css selector", "select[data-attr=sev]")
    select.send_keys("error")
    shown = visible_rows(driver)
    assert 0 < len(shown) < len(every)
    assert {r.get_attribute("data-sev") for r in shown} == {"error"}


def test_a_finding_links_to_its_unit(site, driver):
    load(driver, site, "findings.html")
    link = driver.find_element("css selector", "#rows tbody tr[data-doc=restated-zh] td.id a")
    unit = link.text
    link.click()
    assert driver.current_url.endswith(f"docs/restated-zh.html#{unit}")
    target = driver.find_element("id", unit)
    assert "flagged" in target.get_attribute("class").split()
    assert _in_view(driver, target)


def test_an_anchor_lands_on_its_unit(site, driver):
    load(driver, site, "docs/fx-zh.html#fx-zh.a3")
    target = driver.find_element("id", "fx-zh.a3")
    assert driver.execute_script("return window.scrollY") > 0
    assert _in_view(driver, target)
    assert driver.execute_script("return arguments[0].matches(':target')", target)
    assert target.text.startswith("Action 3")


def test_restatements_stand_beside_their_action_with_their_differences(site, driver):
    load(driver, site, "docs/restated-zh.html")
    action = driver.find_element("css selector", "section.action.has-restatements")
    main = action.find_element("css selector", ".action-main").rect
    aside = action.find_element("css selector", "aside.restatements").rect
    assert aside["x"] > main["x"] + main["width"] - 1 and abs(aside["y"] - main["y"]) < 40
    assert action.find_elements(
        "css selector", ".restatement.differs ins, .restatement.differs del"
    )


def test_a_footnote_shows_at_its_marker_on_click(site, driver):
    load(driver, site, "docs/fx-zh.html")
    marker = driver.find_element("css selector", "a.noteref")
    popup = marker.find_element("xpath", "following-sibling::span[@class='notepop']")
    assert not popup.is_displayed()
    marker.click()
    assert popup.is_displayed() and "国家自主权" in popup.text
    assert driver.execute_script("return location.hash") == ""  # it stayed where it was


def test_hovering_a_sentence_lights_its_bead(site, driver):
    from selenium.webdriver import ActionChains

    load(driver, site, PAGES["pair"])
    sentence = driver.find_element("css selector", "td.side.a span.s[data-bead]")
    ActionChains(driver).move_to_element(sentence).perform()
    bead = sentence.get_attribute("data-bead")
    row = sentence.find_element("xpath", "ancestor::tr")
    lit = row.find_elements("css selector", "span.s.lit")
    assert {s.get_attribute("data-bead") for s in lit} == {bead}
    assert any(s.find_elements("xpath", "ancestor::td[contains(@class, ' b')]") for s in lit)


def test_chinese_text_is_marked_zh_and_drawn_in_a_cjk_font(site, driver):
    for page, selector in (
        (PAGES["document"], "article.document .para p"),
        (PAGES["pair"], "td.side.b"),
    ):
        load(driver, site, page)
        element = driver.find_element("css selector", selector)
        assert driver.execute_script("return arguments[0].closest('[lang]').lang", element) == "zh"
        family = driver.execute_script("return getComputedStyle(arguments[0]).fontFamily", element)
        assert family.startswith('"WenQuanYi Micro Hei"'), family
        fonts = _rendered_fonts(driver, selector)
        assert fonts and fonts <= {"WenQuanYi Micro Hei", "AR PL UMing CN", "AR PL UMing TW"}, fonts


def test_pages_work_at_1400_and_800_pixels(site, driver):
    for width in (1400, 800):
        for kind, page in PAGES.items():
            load(driver, site, page, width)
            overflow = driver.execute_script(
                "return document.documentElement.scrollWidth - window.innerWidth"
            )
            assert overflow <= 0, (kind, width, overflow)
        load(driver, site, PAGES["charter"], width)
        a, b = (driver.find_element("css selector", f"td.side.{s}").rect for s in "ab")
        assert a["width"] >= 250 and b["width"] >= 250
        assert abs(a["y"] - b["y"]) < 2  # side by side, on one line


@pytest.mark.parametrize("article", ["1", "2", "23", "27", "55", "109"])
def test_the_charter_pair_shows_each_chinese_paragraph_beside_its_english(
    site, driver, charter, article
):
    """The same article's paragraphs, by number, as each version was extracted: each English
    paragraph's row holds its Chinese paragraph."""
    paragraphs = {
        lang: next(a for a in doc.articles() if a.n == article).paragraphs
        for lang, doc in charter.items()
    }
    assert len(paragraphs["en"]) == len(paragraphs["zh"]) >= 1
    if driver.current_url != (site / PAGES["charter"]).as_uri():
        load(driver, site, PAGES["charter"])
    rows = driver.execute_script(
        "return [...document.querySelectorAll('#rows tbody tr')].map(r => "
        "[r.querySelector('td.side.a').textContent, r.querySelector('td.side.b').textContent])"
    )
    for en, zh in zip(paragraphs["en"], paragraphs["zh"], strict=True):
        holding = [b for a, b in rows if en.body.text[:60] in a]
        assert holding, f"Article {article}: no row holds {en.body.text[:60]!r}"
        assert any(zh.body.text[:30] in b for b in holding), (article, zh.body.text[:30])


def _in_view(driver, element) -> bool:
    return driver.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return r.top >= 0 && r.top < window.innerHeight;",
        element,
    )


def _rendered_fonts(driver, selector: str) -> set[str]:
    """The fonts the browser drew the element's text in (DevTools' platform fonts)."""
    driver.execute_cdp_cmd("DOM.enable", {})
    driver.execute_cdp_cmd("CSS.enable", {})
    root = driver.execute_cdp_cmd("DOM.getDocument", {})["root"]["nodeId"]
    node = driver.execute_cdp_cmd("DOM.querySelector", {"nodeId": root, "selector": selector})
    fonts = driver.execute_cdp_cmd("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})
    return {font["familyName"] for font in fonts["fonts"]}
