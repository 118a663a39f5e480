"""XML built one way: the builder (schema order, escaping, namespaces) and each .docx part
builder, blocks in and XML out."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from reportkit import build
from reportkit.compose.page import Anchored, Meta, Rule, Run, Table, Text
from reportkit.layout.pages import PlacedRule
from reportkit.render.docx import drawing, end_block, page, styles, tables, text, wml
from reportkit.render.docx.package import Package
from reportkit.render.markup import add, child, qn, root, serialize
from reportkit.render.pdf import package
from reportkit.template import registry
from tests.helpers import REPO, W, docx_xml

_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"


@pytest.fixture(scope="module")
def profile():
    return registry.load().profile


@pytest.fixture(scope="module")
def ids(profile) -> dict[str, str]:
    return styles.part(profile)[1]


def shown(element: etree._Element) -> str:
    """``element`` as text without its namespace declarations, for reading in a test."""
    return re.sub(r' xmlns(:\w+)?="[^"]*"', "", etree.tostring(element, encoding="unicode"))


def body() -> etree._Element:
    return Package().body


def names(element: etree._Element) -> list[str]:
    return [etree.QName(c).localname for c in element]


# the builder


def test_children_land_in_schema_order_whatever_order_they_are_added_in() -> None:
    p = add(body(), "w:p")
    add(p, "w:r", text=None)
    props = add(p, "w:pPr")  # after the run in the code, first in the paragraph
    for tag in ("w:jc", "w:ind", "w:spacing", "w:keepNext", "w:pStyle"):
        add(props, tag)
    assert names(p) == ["pPr", "r"]
    assert names(props) == ["pStyle", "keepNext", "spacing", "ind", "jc"]
    run = add(p, "w:r")
    add(run, "w:t", text="甲")
    add(add(run, "w:rPr"), "w:sz", val=32)
    add(run.find(qn("w:rPr")), "w:rFonts", hint="eastAsia")
    assert shown(run) == (
        '<w:r><w:rPr><w:rFonts w:hint="eastAsia"/><w:sz w:val="32"/></w:rPr><w:t>甲</w:t></w:r>'
    )


def test_a_choice_keeps_the_order_of_adding() -> None:
    """Paragraphs and tables in a body (before its section properties, added first), the
    properties of a table row (any order, ECMA-376 §17.4.82) stay as the code adds them."""
    parent = body()
    add(parent, "w:sectPr")
    add(parent, "w:p", text=None)
    add(parent, "w:tbl")
    add(parent, "w:p")
    assert names(parent) == ["p", "tbl", "p", "sectPr"]
    row = add(add(parent[1], "w:tr"), "w:trPr")
    for tag in ("w:tblHeader", "w:cantSplit", "w:trHeight"):
        add(row, tag)
    assert names(row) == ["tblHeader", "cantSplit", "trHeight"]


def test_child_gives_the_one_there_and_adds_attributes() -> None:
    props = add(add(body(), "w:p"), "w:pPr")
    child(props, "w:spacing", before=0, after=0)
    child(props, "w:pStyle", val="Normal")
    spacing = child(props, "w:spacing", line=579, lineRule="exact", after=120)
    assert shown(props) == (
        '<w:pPr><w:pStyle w:val="Normal"/>'
        '<w:spacing w:before="0" w:after="120" w:line="579" w:lineRule="exact"/></w:pPr>'
    )
    assert spacing is props[1]


def test_an_element_the_table_does_not_place_is_refused() -> None:
    props = add(add(body(), "w:p"), "w:pPr")
    with pytest.raises(ValueError, match=r"^w:b has no place in w:pPr$"):
        add(props, "w:b")
    with pytest.raises(ValueError, match="has no prefix"):
        add(props, "spacing")


def test_text_and_attributes_are_escaped() -> None:
    value = "a & b < c > d \"q\" 's'\t\n\r"
    made = add(body(), "w:p")
    add(made, "w:r", {"r:id": value}, text=value)
    assert shown(made) == (
        "<w:p><w:r r:id=\"a &amp; b &lt; c &gt; d &quot;q&quot; 's'&#9;&#10;&#13;\">"
        "a &amp; b &lt; c &gt; d \"q\" 's'\t\n&#13;</w:r></w:p>"
    )
    parsed = etree.fromstring(serialize(made))[0]
    assert (parsed.text, parsed.get(qn("r:id"))) == (value, value)


@pytest.mark.parametrize("char", ["\x00", "\x0b", "\x1f", "\ufffe", "\uffff", "\ud800"])
def test_a_character_xml_forbids_is_refused(char: str) -> None:
    """Text reaches the writer cleaned: such a character is a bug, never a file Word cannot
    open."""
    with pytest.raises(ValueError):
        add(body(), "w:p", text=f"a{char}b")
    with pytest.raises(ValueError):
        add(body(), "w:p", {"w:val": f"a{char}b"})


def test_namespaces_are_declared_on_the_part_root_with_their_usual_prefixes() -> None:
    document = root("w:document", "r", "wp")
    run = add(add(add(document, "w:body"), "w:p"), "w:r")
    anchor = add(add(run, "w:drawing"), "wp:inline", distT=0)
    add(anchor, "wp:docPr", id=1, name="图")
    add(document[0][0], "w:pPr")
    text = serialize(document).decode()
    assert text == (
        DECLARATION + '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
        '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
        ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        '<w:body><w:p><w:pPr/><w:r><w:drawing><wp:inline distT="0"><wp:docPr id="1" name="图"/>'
        "</wp:inline></w:drawing></w:r></w:p></w:body></w:document>"
    )
    types = root("ct:Types", default=True)
    add(types, "ct:Default", Extension="xml", ContentType="application/xml")
    assert serialize(types).decode() == (
        DECLARATION + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/></Types>'
    )


def test_the_xmp_packet_holds_the_properties_as_text() -> None:
    meta = Meta('R&D <甲> "乙"', "办公室 & 科", "第1期", dt.date(2024, 5, 6), "zh-CN")
    packet = package._xmp(meta, "2024-05-06T00:00:00+00:00")
    assert packet.startswith('<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'.encode())
    assert packet.endswith(b'<?xpacket end="w"?>\n')
    xmp = etree.fromstring(packet[packet.index(b"<x:xmpmeta") : packet.rindex(b"<?xpacket")])
    rdf = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
    about = xmp.find(f"{rdf}RDF/{rdf}Description")
    values = {etree.QName(e).localname: "".join(e.itertext()).strip() for e in about.iterchildren()}
    assert values == {
        "part": "2",
        "conformance": "A",
        "title": 'R&D <甲> "乙"',
        "creator": "办公室 & 科",
        "description": "第1期",
        "Producer": "reportkit",
        "CreatorTool": "reportkit",
        "CreateDate": "2024-05-06T00:00:00+00:00",
        "ModifyDate": "2024-05-06T00:00:00+00:00",
        "MetadataDate": "2024-05-06T00:00:00+00:00",
    }
    title = about.find("{http://purl.org/dc/elements/1.1/}title")[0][0]
    assert title.get("{http://www.w3.org/XML/1998/namespace}lang") == "x-default"


# the parts, blocks in and XML out


def test_a_paragraph_with_runs(profile, ids) -> None:
    block = Text(
        "masthead_line",
        ((Run("济宁高新区 "), Run("“党工委”", "runin")), (Run("办公室\t甲"),)),
        right=(Run("2019年4月26日"),),
    )
    p = text.paragraph(body(), block, profile, ids)
    assert shown(p) == (
        f'<w:p><w:pPr><w:pStyle w:val="{ids["masthead_line"]}"/>'
        '<w:tabs><w:tab w:val="right" w:pos="8524"/></w:tabs></w:pPr>'
        '<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'
        '<w:t xml:space="preserve">济宁高新区 </w:t></w:r>'
        f'<w:r><w:rPr><w:rStyle w:val="{ids["runin"]}"/><w:rFonts w:hint="eastAsia"/></w:rPr>'
        "<w:t>“党工委”</w:t></w:r>"
        "<w:r><w:br/></w:r>"
        '<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'
        "<w:t>办公室</w:t><w:tab/><w:t>甲</w:t></w:r>"
        "<w:r><w:tab/></w:r>"
        '<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t>2019年4月26日</w:t></w:r></w:p>'
    )
    assert ids["masthead_line"] == "编印单位和日期" and ids["runin"] == "要点首句"


def test_a_run_scaled_to_fit_and_latin_text_without_a_hint() -> None:
    p = add(body(), "w:p")
    wml.run(p, "GB/T 9704", scale=88)
    wml.run(p, "ok", scale=100)
    wml.run(p, "")
    assert shown(p) == (
        '<w:p><w:r><w:rPr><w:w w:val="88"/></w:rPr><w:t>GB/T 9704</w:t></w:r>'
        "<w:r><w:t>ok</w:t></w:r><w:r/></w:p>"
    )


def test_a_table(profile, ids) -> None:
    block = Table(
        header=("指标", "甲地"),
        rows=(("产值", "1,200"), ("说明", "")),
        widths=(0.6, 0.4),
        style="table_cell",
        header_style="table_header",
    )
    made = tables.table(body(), block, profile, ids, [1, 1, 2])
    props = made.find(qn("w:tblPr"))
    assert names(props) == ["tblW", "jc", "tblInd", "tblBorders", "tblLayout", "tblCellMar"]
    assert shown(props.find(qn("w:tblBorders"))) == (
        "<w:tblBorders>"
        '<w:top w:val="single" w:sz="8" w:space="0" w:color="000000"/>'
        '<w:left w:val="single" w:sz="8" w:space="0" w:color="000000"/>'
        '<w:bottom w:val="single" w:sz="8" w:space="0" w:color="000000"/>'
        '<w:right w:val="single" w:sz="8" w:space="0" w:color="000000"/>'
        '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        "</w:tblBorders>"
    )
    assert [c.get(f"{W}w") for c in made.find(qn("w:tblGrid"))] == ["5306", "3538"]
    header, first, second = made.findall(qn("w:tr"))
    assert shown(header[0]) == (
        '<w:trPr><w:cantSplit/><w:tblHeader/><w:trHeight w:val="579" w:hRule="atLeast"/></w:trPr>'
    )
    assert shown(second[0]) == (
        '<w:trPr><w:cantSplit/><w:trHeight w:val="1158" w:hRule="atLeast"/></w:trPr>'
    )
    assert shown(first[2]) == (
        '<w:tc><w:tcPr><w:tcW w:w="3538" w:type="dxa"/></w:tcPr><w:p><w:pPr>'
        f'<w:pStyle w:val="{ids["table_cell"]}"/><w:snapToGrid w:val="0"/>'
        # the line gives back the widths of the frame and inner rules (1 pt + 0.5 pt)
        '<w:spacing w:line="549" w:lineRule="exact"/><w:jc w:val="right"/></w:pPr>'
        '<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'
        '<w:t xml:space="preserve">1,200</w:t></w:r></w:p></w:tc>'
    )
    assert [c.find(f"{W}p/{W}pPr/{W}jc").get(f"{W}val") for c in header[1:]] == ["center"] * 2
    empty = second[2].find(f"{W}p/{W}r/{W}t")
    assert (empty.text, empty.get(qn("xml:space"))) == (None, "preserve")


def test_pictures_in_the_line_and_in_front_of_the_text() -> None:
    p = add(body(), "w:p")
    inline = drawing.inline_picture(p, 3, "image.png", "rId5", 100, 50)
    assert shown(inline) == (
        '<wp:inline distT="0" distB="0" distL="0" distR="0">'
        '<wp:extent cx="1270000" cy="635000"/><wp:docPr id="3" name="Picture 3"/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="image.png"/><pic:cNvPicPr/></pic:nvPicPr>'
        '<pic:blipFill><a:blip r:embed="rId5"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1270000" cy="635000"/></a:xfrm>'
        '<a:prstGeom prst="rect"/></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline>'
    )
    anchor = drawing.floating_picture(p, 101, "印章101", "rId5", 260, -60, 120, 120)
    assert names(anchor) == [
        "simplePos",
        "positionH",
        "positionV",
        "extent",
        "effectExtent",
        "wrapNone",
        "docPr",
        "cNvGraphicFramePr",
        "graphic",
    ]
    assert (anchor.get("relativeHeight"), anchor.get("behindDoc")) == ("101", "0")
    assert shown(anchor[1]) + shown(anchor[2]) == (
        '<wp:positionH relativeFrom="margin"><wp:posOffset>3302000</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>-762000</wp:posOffset>'
        "</wp:positionV>"
    )
    assert anchor[6].get("name") == "印章101"
    assert anchor.find(".//{*}blip").get(qn("r:embed")) == "rId5"
    assert names(p) == ["r", "r"]


def test_a_rule(profile) -> None:
    p = add(body(), "w:p")
    anchor = drawing.rule(p, 102, "分隔线102", profile.page.type_width, 40, 1.5, "FF0000")
    assert shown(anchor[2]) == (
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>508000</wp:posOffset></wp:positionV>'
    )
    assert shown(anchor[4]) == '<wp:effectExtent l="0" t="9525" r="0" b="9525"/>'
    choice = anchor.getparent().getparent()
    assert (etree.QName(choice).localname, choice.get("Requires")) == ("Choice", "wps")
    # the same line in VML for word processors that read only that
    assert shown(choice.getnext()) == (
        '<mc:Fallback><w:pict><v:line id="rule102" style="position:absolute;z-index:102;'
        'mso-position-horizontal-relative:margin;mso-position-vertical-relative:text" '
        'from="0,40pt" to="442.205pt,40pt" strokecolor="#FF0000" strokeweight="1.5pt">'
        '<w10:wrap anchorx="margin" anchory="text"/></v:line></w:pict></mc:Fallback>'
    )
    assert names(p) == ["r"] and names(p[0]) == ["AlternateContent"]
    assert shown(anchor.find(".//{*}spPr")) == (
        '<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5616000" cy="0"/></a:xfrm>'
        '<a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
        '<a:ln w="19050"><a:solidFill><a:srgbClr val="FF0000"/></a:solidFill></a:ln></wps:spPr>'
    )


def test_the_end_block_frame(profile, ids) -> None:
    """Frame paragraphs on the type area's bottom, growing with their text: the first and last
    rules their borders, the rule between two lines drawn where the layout put it."""
    group = Anchored(
        (
            Rule("end_first"),
            Text("end_matter", ((Run("报：市委办公室。"),),)),
            Text("end_matter", ((Run("送：各部门。"),),)),
            Rule("end_middle"),
            Text("end_matter", (), right=(Run("（共印60份）"),)),
            Rule("end_last"),
        )
    )
    placed = [PlacedRule(79.4, 521.6, y, w, "000000") for y, w in ((626, 1), (713, 0.7), (742, 1))]
    parent = body()
    made = end_block.paragraphs(parent, group, profile, ids, placed, 1)
    assert list(parent) == made and len(made) == 4
    anchor, first, second, last = made
    assert shown(anchor[0]) == (
        '<w:pPr><w:pStyle w:val="Normal"/><w:snapToGrid w:val="0"/>'
        '<w:spacing w:line="1" w:lineRule="exact"/></w:pPr>'
    )
    # the middle rule: from the type area's top (713 - 37 mm = 608.1 pt)
    position = anchor.find(f".//{{{_WP}}}positionV")
    assert shown(position) == (
        '<wp:positionV relativeFrom="margin"><wp:posOffset>7723100</wp:posOffset></wp:positionV>'
    )
    frame = (
        '<w:framePr w:w="8844" w:hRule="auto" w:wrap="notBeside" w:vAnchor="margin" '
        'w:hAnchor="margin" w:xAlign="center" w:yAlign="bottom"/>'
    )
    borders = (
        '<w:pBdr><w:top w:val="single" w:sz="8" w:space="0" w:color="000000"/>'
        '<w:bottom w:val="single" w:sz="8" w:space="0" w:color="000000"/></w:pBdr>'
    )
    # the same frame and borders on every line; the bordered lines give the borders' width back
    assert shown(first[0]) == (
        f'<w:pPr><w:pStyle w:val="版记"/>{frame}{borders}<w:snapToGrid w:val="0"/>'
        '<w:spacing w:line="559" w:lineRule="exact"/>'
        '<w:ind w:leftChars="300" w:left="840" w:hangingChars="200" w:hanging="560"/></w:pPr>'
    )
    assert shown(second[0]) == (
        f'<w:pPr><w:pStyle w:val="版记"/>{frame}{borders}'
        '<w:ind w:leftChars="300" w:left="840" w:hangingChars="200" w:hanging="560"/></w:pPr>'
    )
    assert shown(last[0]) == (
        f'<w:pPr><w:pStyle w:val="版记"/>{frame}{borders}<w:snapToGrid w:val="0"/>'
        '<w:spacing w:line="559" w:lineRule="exact"/><w:jc w:val="right"/></w:pPr>'
    )
    assert "".join(last.itertext()) == "（共印60份）"
    assert parent.find(".//{*}txbxContent") is None


def test_the_footer_with_its_page_field(profile, ids) -> None:
    footer = page.footer(profile, "right", ("— ", " —"), ids["page_number"])
    text = serialize(footer).decode()
    assert 'mc:Ignorable="w14 wp14"' in text
    assert 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"' in text
    assert shown(footer).split(">", 1)[1] == (
        '<w:p><w:pPr><w:pStyle w:val="页码"/><w:ind w:right="280"/><w:jc w:val="right"/></w:pPr>'
        '<w:r><w:t xml:space="preserve">— </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>1</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>'
    )
    left = page.footer(profile, "left", ("", ""), ids["page_number"])
    assert shown(left[0][0]) == (
        '<w:pPr><w:pStyle w:val="页码"/><w:ind w:left="280"/><w:jc w:val="left"/></w:pPr>'
    )
    assert names(left[0]) == ["pPr", "r", "r", "r", "r", "r", "r", "r"]


def test_the_section_properties(profile) -> None:
    section = page.section(body(), profile, ("rId3", "rId4"))
    assert shown(section) == (
        '<w:sectPr><w:footerReference r:id="rId3" w:type="default"/>'
        '<w:footerReference r:id="rId4" w:type="even"/>'
        '<w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="2098" w:bottom="1984" w:left="1588" w:right="1474" w:gutter="0" '
        'w:footer="1298" w:header="1049"/>'
        '<w:docGrid w:type="lines" w:linePitch="579"/></w:sectPr>'
    )


def test_a_section_of_its_own_for_the_end_block_has_blank_footers(profile) -> None:
    package = Package()
    numbered = (package.add_footer(page.blank_footer()), package.add_footer(page.blank_footer()))
    page.section(package.body, profile, numbered)
    add(package.body, "w:p")
    package.end_section()
    ended, closing = package.body[1], package.body[2]
    assert names(package.body) == ["p", "p", "sectPr"]
    refs = [r.get(qn("r:id")) for r in ended.iter(qn("w:footerReference"))]
    assert refs == ["rId1", "rId2"]
    assert [r.get(qn("r:id")) for r in closing.iter(qn("w:footerReference"))] == ["rId3", "rId4"]
    assert shown(ended.find(f"{W}pPr/{W}sectPr/{W}docGrid")) == shown(closing[-1])
    data = package.to_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.namelist()[4:8] == [f"word/footer{n}.xml" for n in (1, 2, 3, 4)]
        footer = etree.fromstring(zf.read("word/footer4.xml"))
        assert shown(footer).split(">", 1)[1] == (
            '<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr></w:p></w:ftr>'
        )
        types = zf.read("[Content_Types].xml").decode()
        assert '<Override PartName="/word/footer4.xml" ContentType="application/' in types
        rels = zf.read("word/_rels/document.xml.rels").decode()
        assert 'Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/' in rels


def test_the_styles_part(profile, ids) -> None:
    part, _ = styles.part(profile)
    assert names(part)[:5] == ["docDefaults", "style", "style", "style", "style"]
    normal = part[1]
    assert names(normal) == ["name", "qFormat", "pPr", "rPr"]  # pPr after qFormat, rPr last
    heading = next(s for s in part[1:] if s.get(f"{W}styleId") == ids["heading"])
    assert names(heading) == ["name", "basedOn", "qFormat", "pPr", "rPr"]
    assert heading.get(f"{W}customStyle") == "1"
    assert names(heading.find(qn("w:pPr"))) == [
        "keepNext",
        "widowControl",
        "overflowPunct",
        "spacing",
        "ind",
        "jc",
        "outlineLvl",
    ]
    assert heading.find(f"{W}pPr/{W}outlineLvl").get(f"{W}val") == "1"  # level 2, from 0
    title = next(s for s in part[1:] if s.get(f"{W}styleId") == ids["title"])
    assert title.find(f"{W}pPr/{W}outlineLvl").get(f"{W}val") == "0"
    assert normal.find(f"{W}pPr/{W}outlineLvl") is None


def test_the_seal_is_named_by_the_template(tmp_path: Path) -> None:
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "template.yaml").write_text(
        "extends: gbt9704-report\nname: house-report\nfigures:\n  seal_name: 公章\n",
        encoding="utf-8",
    )
    options = build.Options(tmp_path / "out", ("docx",), str(folder))
    outcome = build.build(REPO / "sources/changsha-report", options)
    assert outcome.error is None, outcome.error
    found = [
        d.get("name")
        for d in docx_xml(tmp_path / "out/changsha-report.docx").iter(f"{{{_WP}}}docPr")
    ]
    assert [n for n in found if n.startswith(("公章", "印章"))] == ["公章102"]


def test_no_xml_is_written_as_text_in_the_renderers() -> None:
    """Every element comes from the builder: no tag in a string literal under render/."""
    tag = re.compile(r"[\"']</?[A-Za-z]+[:> /]")
    found = [
        f"{path.name}:{number}"
        for path in sorted((REPO / "src/reportkit/render").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if tag.search(line)
    ]
    assert found == []
