"""`make views`: a PNG screenshot of each page kind of the site, at 1400 and 800 pixels
wide, in `output/site/screenshots/` (`<kind>-<width>.png`, the first screen of the page).

Each kind is taken from the corpus's site (`output/site/`) where it has one, else from the
demo's (`make demo`, `output/demo/output/site/`): the corpus may hold no translation pair
or chain of plans.

    .venv/bin/python -m tools.views [--site DIR]… [--out DIR] [--height PX]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tools.browser import chromium, console_errors, resize

ROOT = Path(__file__).resolve().parent.parent
SITES = [ROOT / "output" / "site", ROOT / "output" / "demo" / "output" / "site"]
KINDS = {  # page kind → the pages of that kind, by pattern under the site's root
    "index": "index.html",
    "document": "docs/*.html",
    "pair": "pairs/*.html",
    "lineage": "lineages/*.html",
    "findings": "findings.html",
}
WIDTHS = (1400, 800)
PREFERRED = {"document": ("lausanne-zh", "plan-zh"), "pair": ("plan-en__plan-zh",)}


def pick(kind: str, sites: list[Path]) -> Path | None:
    """The page shown for `kind`: a preferred one if a site has it, else the first found."""
    found = [page for site in sites for page in sorted(site.glob(KINDS[kind]))]
    for stem in PREFERRED.get(kind, ()):
        for page in found:
            if page.stem == stem:
                return page
    return found[0] if found else None


def shoot(sites: list[Path], out: Path, height: int) -> list[str]:
    out.mkdir(parents=True, exist_ok=True)
    lines = []
    with chromium() as driver:
        for kind in KINDS:
            page = pick(kind, sites)
            if page is None:
                lines.append(f"{kind}: no page of this kind in {', '.join(map(str, sites))}")
                continue
            for width in WIDTHS:
                resize(driver, width, height)
                driver.get(page.as_uri())
                target = out / f"{kind}-{width}.png"
                driver.save_screenshot(str(target))
                errors = console_errors(driver)
                lines.append(f"{target}: {page}" + (f" — console: {errors}" if errors else ""))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, action="append", help="site folders, in order")
    parser.add_argument("--out", type=Path, default=ROOT / "output" / "site" / "screenshots")
    parser.add_argument("--height", type=int, default=1000)
    args = parser.parse_args()
    sites = [site.resolve() for site in args.site] if args.site else SITES
    for line in shoot(sites, args.out.resolve(), args.height):
        print(line)


if __name__ == "__main__":
    main()
