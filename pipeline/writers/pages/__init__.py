"""The static site people read (`output/site/`): an index, a page per document, a
side-by-side page per translation pair, a lineage page per chain of plans, the findings.

Pages link to each other by relative paths and load only the project's own stylesheet and
script (`assets/`, shipped with the package), so the site opens from disk: no server, no
network. Paths under the site's root:

    index.html  findings.html  docs/<doc-id>.html  pairs/<a>__<b>.html
    lineages/lineages.<plan>--<plan>….html  assets/site.css  assets/site.js
"""

from __future__ import annotations

from importlib.resources import files

ASSETS = ("site.css", "site.js")


def site_assets() -> dict[str, bytes]:
    """The stylesheet and script, by their path under the site's root."""
    folder = files(__package__) / "assets"
    return {f"assets/{name}": (folder / name).read_bytes() for name in ASSETS}


def document_path(doc_id: str) -> str:
    return f"docs/{doc_id}.html"


def pair_path(name: str) -> str:
    return f"pairs/{name}.html"


def lineage_path(name: str) -> str:
    return f"lineages/{name}.html"
