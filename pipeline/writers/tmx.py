"""Aligned segments as a TMX 1.4 translation memory, for Trados, memoQ and OmegaT."""

from __future__ import annotations

from lxml import etree

from pipeline import __version__
from pipeline.align.segments import Segment
from pipeline.languages import MESSAGES_LANGUAGE

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def segments_to_tmx(segments: list[Segment], lang_a: str, lang_b: str, source_lang: str) -> bytes:
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(
        root,
        "header",
        {
            "creationtool": "planalign",
            "creationtoolversion": __version__,
            "segtype": "sentence",
            "o-tmf": "planalign",
            "adminlang": MESSAGES_LANGUAGE,
            "srclang": source_lang,
            "datatype": "plaintext",
        },
    )
    body = etree.SubElement(root, "body")
    for segment in segments:
        tu = etree.SubElement(body, "tu", tuid=segment.id)
        prop = etree.SubElement(tu, "prop", type="x-planalign-units")
        prop.text = segment.units
        pairs = [(lang_a, segment.a), (lang_b, segment.b)]
        if source_lang == lang_b:
            pairs.reverse()
        for lang, text in pairs:
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
            etree.SubElement(tuv, "seg").text = text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
