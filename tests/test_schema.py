"""Tests for pipeline.writers.schema (TEI P5 tei_all validation)."""

from lxml import etree

from pipeline.writers.schema import is_valid_tei, validate_tei

HEADER = (
    "<teiHeader><fileDesc>"
    "<titleStmt><title>Shanghai action plan (draft)</title></titleStmt>"
    "<publicationStmt><p>Unpublished test document.</p></publicationStmt>"
    '<sourceDesc><bibl><title>src</title><idno type="sha256">ab12</idno></bibl></sourceDesc>'
    "</fileDesc></teiHeader>"
)

BODY = """
<div type="section" n="II" xml:id="srap-draft-zh.s2">
  <head>二、重点任务</head>
  <p n="5" xml:id="srap-draft-zh.s2.p5">正文<note place="foot" n="1">脚注</note>。</p>
  <p ana="#restatement" corresp="#x.a1">重述</p>
  <note type="document" n="*">说明</note>
  <div type="action" n="1" xml:id="srap-draft-zh.a1">
    <p>行动</p>
    <list type="indicators"><item xml:id="srap-draft-zh.a1.i2">指标</item></list>
  </div>
</div>
"""


def tei(body: str, extra: str = "") -> bytes:
    return (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="srap-draft-zh" xml:lang="zh">'
        f"{HEADER}<text><body>{body}</body></text>{extra}</TEI>"
    ).encode()


def test_valid_document_has_no_errors():
    standoff = (
        '<standOff><linkGrp type="translation">'
        '<link target="a.xml#x b.xml#y" cert="0.93"/>'
        "</linkGrp></standOff>"
    )
    doc = tei(BODY, standoff)
    assert validate_tei(doc) == []
    assert is_valid_tei(doc)


def test_accepts_parsed_trees():
    tree = etree.ElementTree(etree.fromstring(tei(BODY)))
    assert validate_tei(tree) == []
    assert validate_tei(tree.getroot()) == []


def test_invalid_document_yields_messages():
    # <p> has no @type in TEI P5, and <foo> is not a TEI element.
    doc = tei('<div><p type="restatement">x</p><foo>y</foo></div>')
    errors = validate_tei(doc)
    assert errors
    assert any("type" in e for e in errors)
    assert not is_valid_tei(doc)


def test_p_after_nested_div_is_invalid():
    assert validate_tei(tei("<div><div><p>a</p></div><p>b</p></div>"))


def test_unparsable_bytes_yield_a_message():
    errors = validate_tei(b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text>')
    assert len(errors) == 1
    assert errors[0].startswith("XML parse error")


def test_tei_corpus_with_header_and_members_is_valid():
    member = '<TEI xml:id="d{0}">' + HEADER + "<text><body><p>x</p></body></text></TEI>"
    doc = (
        '<teiCorpus xmlns="http://www.tei-c.org/ns/1.0">'
        f"{HEADER}{member.format(1)}{member.format(2)}</teiCorpus>"
    ).encode()
    assert validate_tei(doc) == []
