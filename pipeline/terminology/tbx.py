"""The glossary as TBX-Basic (TBX v3, ISO 30042:2019, DCA style), written and read with lxml.

Each concept is a `conceptEntry` with an English and a Chinese `langSec`; each form a `termSec`
whose `termNote`s say its part of speech, its type (fullForm, acronym, abbreviation, variant,
phrase) and its administrative status (preferred, admitted, deprecated). Reading also accepts
TBX v2 files (`martif`, `termEntry`/`langSet`/`tig` or `ntig`), as CAT tools export them, and
the DCT style's elements (`<basic:termType>`) in place of `termNote`s.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from pipeline.errors import InputError
from pipeline.languages import CHINESE, ENGLISH
from pipeline.terminology.glossary import POS_VALUES, Glossary, GlossaryEntry, make_entry

TBX_NS = "urn:iso:std:iso:30042:ed-2"
EN, ZH = ENGLISH.code, CHINESE.code  # the glossary's two languages
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PREFERRED, ADMITTED, DEPRECATED = (
    "preferredTerm-admn-sts",
    "admittedTerm-admn-sts",
    "deprecatedTerm-admn-sts",
)
# The Chinese forms of an entry by field: (field, termType, administrativeStatus).
ZH_FIELDS = (
    ("compared", "variant", ADMITTED),
    ("phrases", "phrase", ADMITTED),
    ("deprecated", "variant", DEPRECATED),
)
CONCEPT_TAGS = ("conceptEntry", "termEntry")
LANG_TAGS = ("langSec", "langSet")
TERM_TAGS = ("termSec", "tig", "ntig")
TERM_PROPERTIES = ("termType", "administrativeStatus", "partOfSpeech")


# Writing.
def glossary_to_tbx(glossary: Glossary) -> bytes:
    root = etree.Element(
        f"{{{TBX_NS}}}tbx",
        {"type": "TBX-Basic", "style": "dca", XML_LANG: ENGLISH.termbase_tag},
        nsmap={None: TBX_NS},
    )
    file_desc = _sub(_sub(root, "tbxHeader"), "fileDesc")
    _sub(_sub(file_desc, "titleStmt"), "title", "planalign domain glossary (English–Chinese)")
    _sub(
        _sub(file_desc, "sourceDesc"),
        "p",
        f"Written by planalign from {Path(glossary.source).name or 'a glossary'}.",
    )
    body = _sub(_sub(root, "text"), "body")
    for number, entry in enumerate(glossary.entries, 1):
        _concept(body, entry, f"c{number}")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _concept(body: etree._Element, entry: GlossaryEntry, concept_id: str) -> None:
    concept = _sub(body, "conceptEntry", attrs={"id": concept_id})
    if entry.note:
        _sub(concept, "note", entry.note)
    english = _sub(concept, "langSec", attrs={XML_LANG: ENGLISH.termbase_tag})
    _term(english, entry.english, entry.pos, "fullForm", PREFERRED)
    for term in entry.english_variants:
        _term(english, term, entry.pos, "fullForm", ADMITTED)
    for term in entry.abbreviations:
        _term(english, term, entry.pos, "acronym" if term.isupper() else "abbreviation", ADMITTED)
    chinese = _sub(concept, "langSec", attrs={XML_LANG: CHINESE.termbase_tag})
    _term(chinese, entry.chinese, entry.pos, "fullForm", PREFERRED)
    for field, term_type, status in ZH_FIELDS:
        for term in getattr(entry, field)[1 if field == "compared" else 0 :]:
            _term(chinese, term, entry.pos, term_type, status)


def _term(lang_sec: etree._Element, text: str, pos: str, term_type: str, status: str) -> None:
    term_sec = _sub(lang_sec, "termSec")
    _sub(term_sec, "term", text)
    _sub(term_sec, "termNote", pos, {"type": "partOfSpeech"})
    _sub(term_sec, "termNote", term_type, {"type": "termType"})
    _sub(term_sec, "termNote", status, {"type": "administrativeStatus"})


def _sub(
    parent: etree._Element, tag: str, text: str | None = None, attrs: dict[str, str] | None = None
) -> etree._Element:
    element = etree.SubElement(parent, f"{{{TBX_NS}}}{tag}", attrs or {})
    element.text = text
    return element


# Reading.
def read_tbx(path: Path) -> Glossary:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.parse(str(path), parser).getroot()
    except OSError as err:
        raise InputError(str(path), f"cannot read the glossary: {err}") from None
    except etree.XMLSyntaxError as err:
        raise InputError(str(path), f"not well-formed XML: {err.msg}", line=err.lineno) from None
    if _local(root) not in ("tbx", "martif"):
        raise InputError(
            str(path), f"not a TBX file: the root element is <{_local(root)}>", line=root.sourceline
        )
    concepts = [e for e in root.iter() if _local(e) in CONCEPT_TAGS]
    if not concepts:
        raise InputError(str(path), "the TBX file has no conceptEntry", line=root.sourceline)
    entries = [_entry(concept, str(path)) for concept in concepts]
    _check_unique(entries, str(path))
    return Glossary(tuple(entries), str(path))


def _entry(concept: etree._Element, path: str) -> GlossaryEntry:
    terms: dict[str, list[tuple[str, dict[str, str]]]] = {EN: [], ZH: []}
    for lang_sec in (e for e in concept if _local(e) in LANG_TAGS):
        lang = (lang_sec.get(XML_LANG) or lang_sec.get("lang") or "").lower().split("-")[0]
        if lang in terms:
            terms[lang].extend(_terms(lang_sec))
    name = concept.get("id") or f"at line {concept.sourceline}"
    for lang, word in ((EN, ENGLISH.name), (ZH, CHINESE.name)):
        if not terms[lang]:
            raise InputError(path, f"concept {name} has no {word} term", line=concept.sourceline)
    english, english_rest = _preferred(terms[EN])
    chinese, chinese_rest = _preferred(terms[ZH])
    fields: dict[str, list[str]] = {
        "variants": [],
        "phrases": [],
        "deprecated": [],
        "abbreviations": [],
        "english_variants": [],
    }
    for text, props in english_rest:
        kind = (
            "abbreviations"
            if props.get("termType") in ("acronym", "abbreviation")
            else ("english_variants")
        )
        fields[kind].append(text)
    for text, props in chinese_rest:
        fields[_chinese_field(props)].append(text)
    pos = english[1].get("partOfSpeech", "noun")
    notes = [
        e.text.strip()
        for e in concept.iter()
        if _local(e) == "note" and e.text and e.getparent() is concept
    ]
    return make_entry(
        english[0],
        chinese[0],
        note="; ".join(notes),
        pos=pos if pos in POS_VALUES else "noun",
        line=concept.sourceline or 0,
        **fields,
    )


def _terms(lang_sec: etree._Element) -> list[tuple[str, dict[str, str]]]:
    """The terms of a language section, each with its properties (termType, status, …)."""
    out = []
    for term_sec in (e for e in lang_sec.iter() if _local(e) in TERM_TAGS):
        text = next((e.text for e in term_sec.iter() if _local(e) == "term" and e.text), None)
        if text and text.strip():
            out.append((text.strip(), _properties(term_sec)))
    return out


def _properties(term_sec: etree._Element) -> dict[str, str]:
    props = {}
    for element in term_sec.iter():
        name = element.get("type") if _local(element) == "termNote" else _local(element)
        if name in TERM_PROPERTIES and element.text:
            props[name] = element.text.strip()
    return props


def _preferred(terms: list[tuple[str, dict[str, str]]]):
    """The preferred term (the first marked so, else the first) and the others."""
    index = next((i for i, (_, props) in enumerate(terms) if _status(props) == "preferred"), 0)
    return terms[index], terms[:index] + terms[index + 1 :]


def _status(props: dict[str, str]) -> str:
    """preferred | admitted | deprecated, from TBX-Basic's values or their short forms."""
    value = props.get("administrativeStatus", "").lower()
    if value.startswith(("deprecated", "superseded", "forbidden", "obsolete")):
        return "deprecated"
    return "preferred" if value.startswith("preferred") else "admitted"


def _chinese_field(props: dict[str, str]) -> str:
    if _status(props) == "deprecated":
        return "deprecated"
    return "phrases" if props.get("termType") == "phrase" else "variants"


def _check_unique(entries: list[GlossaryEntry], path: str) -> None:
    seen: dict[str, int] = {}
    for entry in entries:
        key = entry.english.lower()
        if key in seen:
            raise InputError(
                path, f"'{entry.english}' is already a concept (line {seen[key]})", line=entry.line
            )
        seen[key] = entry.line


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""
