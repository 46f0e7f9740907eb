#!/usr/bin/env python3
"""Writes the small hand-made PDFs that prove tests/support/pdfua_check.py.

    make_fixtures.py OUTDIR

writes OUTDIR/good.pdf, a tagged PDF/UA-1 page that passes every rule the
checker holds, and one OUTDIR/<rule>-<what>.pdf per variant, each the good
page with one fault, named by the rule id the checker must report (the
test in tests/cli/accessibility_test.cpp reads the id from the name).
Stdlib only; the PDFs are written object by object with an xref table.
"""
import os
import sys
import zlib

XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
  </rdf:Description>
  {uaid}
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
UAID = """<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"><pdfuaid:part>1</pdfuaid:part></rdf:Description>"""

TOUNICODE = """/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
{bfchar}
1 beginbfrange
<0021> <007E> <0021>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""


def hexs(text):
    """A string shown with the Identity-H font: two bytes per character."""
    return "<" + "".join("%04X" % ord(c) for c in text) + ">"


def build(fault=None):
    """The PDF bytes of the good page, or of the page with `fault`."""
    objs = {}  # number -> body (bytes)

    def stream(dict_text, data, compress=False):
        if compress:
            data = zlib.compress(data)
            dict_text += " /Filter /FlateDecode"
        return b"<< " + dict_text.encode() + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"

    # 1 catalog, 2 pages, 3 page, 4 content, 5 font Type0, 6 CIDFont, 7 descriptor, 8 font file,
    # 9 ToUnicode, 10 metadata, 11 info, 12 StructTreeRoot, 13 Document, 14 H1, 15 P, 16 Figure,
    # 17 Table, 18 TR, 19 TH, 20 TD, 21 L, 22 LI, 23 Lbl, 24 LBody, 25 Link elem, 26 link annot,
    # 27 H2 (or H3), 28 TR2, 29 TD2
    h1_text, p_text = "Learning and Employment Records", "A paragraph of body text."
    heading2 = "/H3" if fault == "14-003" else "/H2"
    content = []
    content.append("/Artifact << /Type /Pagination >> BDC 0 0 0 RG 72 740 m 540 740 l S EMC")
    content.append("/H1 << /MCID 0 >> BDC BT /F1 18 Tf 72 700 Td %s Tj ET EMC" % hexs(h1_text))
    content.append("/P << /MCID 1 >> BDC BT /F1 10 Tf 72 680 Td [%s -20 %s] TJ ET EMC"
                   % (hexs("A paragraph "), hexs("of body text.")))
    content.append("/Figure << /MCID 2 >> BDC 0.2 0.4 0.6 rg 72 560 100 80 re f EMC")
    content.append("/TH << /MCID 3 >> BDC BT /F1 10 Tf 72 540 Td %s Tj ET EMC" % hexs("Who"))
    content.append("/TD << /MCID 4 >> BDC BT /F1 10 Tf 200 540 Td %s Tj ET EMC" % hexs("Colleges"))
    content.append("/Lbl << /MCID 5 >> BDC BT /F1 10 Tf 72 520 Td %s Tj ET EMC" % hexs("1."))
    content.append("/LBody << /MCID 6 >> BDC BT /F1 10 Tf 90 520 Td %s Tj ET EMC" % hexs("First item"))
    content.append("/Link << /MCID 7 >> BDC BT /F1 10 Tf 72 500 Td %s Tj ET EMC" % hexs("example.org"))
    content.append("/%s << /MCID 8 >> BDC BT /F1 14 Tf 72 470 Td %s Tj ET EMC" % (heading2[1:], hexs("Phases")))
    td9 = "/TD << /MCID 9 >> BDC BT /F1 10 Tf 200 450 Td %s Tj ET EMC" % hexs("Employers")
    content.append("/Artifact BMC %s EMC" % td9 if fault == "01-004" else td9)
    if fault == "01-003":
        content.append("/P << /MCID 10 >> BDC /Artifact BMC 72 300 m 80 300 l S EMC EMC")
        objs[30] = b"<< /Type /StructElem /S /P /P 13 0 R /Pg 3 0 R /K 10 >>"
    if fault == "01-005":
        content.append("BT /F1 10 Tf 72 300 Td %s Tj ET" % hexs("untagged"))
    if fault == "ST-02":
        content.append("/P << /MCID 10 >> BDC BT /F1 10 Tf 72 300 Td %s Tj ET EMC" % hexs("orphan"))
    if fault == "ST-01":
        content.append("/Artifact BMC 72 300 m 80 300 l S")  # no EMC
    if fault == "31-027":
        content.append("/Artifact BMC BT /F1 10 Tf 72 300 Td <00C9> Tj ET EMC")  # é: not in the ToUnicode
    objs[4] = stream("", ("\n".join(content) + "\n").encode(), compress=True)

    alt = "" if fault == "13-004" else " /Alt (A blue square: the four phases)"
    lang = "" if fault == "11-001" else " /Lang (en-US)"
    viewer = "" if fault == "07-001" else " /ViewerPreferences << /DisplayDocTitle true >>"
    objs[1] = ("<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 12 0 R /MarkInfo << /Marked true >>"
               "%s%s /Metadata 10 0 R >>" % (lang, viewer)).encode()
    objs[2] = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
    tabs = "" if fault == "28-008" else " /Tabs /S"
    objs[3] = ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
               " /Resources << /Font << /F1 5 0 R >> >> /StructParents 0 /Annots [26 0 R]%s >>" % tabs).encode()
    objs[5] = (b"<< /Type /Font /Subtype /Type0 /BaseFont /AAAAAA+Sans /Encoding /Identity-H"
               b" /DescendantFonts [6 0 R] /ToUnicode 9 0 R >>")
    objs[6] = (b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /AAAAAA+Sans /CIDToGIDMap /Identity"
               b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
               b" /FontDescriptor 7 0 R /DW 500 >>")
    fontfile = "" if fault == "31-009" else " /FontFile2 8 0 R"
    objs[7] = ("<< /Type /FontDescriptor /FontName /AAAAAA+Sans /Flags 32 /FontBBox [0 -200 1000 800]"
               " /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80%s >>" % fontfile).encode()
    objs[8] = stream("/Length1 4", b"\0\1\0\0")  # presence is what the checker reads
    objs[9] = stream("", TOUNICODE.replace("{bfchar}", "1 beginbfchar\n<0020> <0020>\nendbfchar").encode())
    xmp = XMP.replace("{title}", "" if fault == "06-003" else "Tagged fixture").replace("{uaid}", "" if fault == "06-002" else UAID)
    objs[10] = stream("/Type /Metadata /Subtype /XML", xmp.encode("utf-8"))
    objs[11] = b"<< /Title (Tagged fixture) /Producer (make_fixtures.py) >>"

    pt = "[%s 15 0 R 16 0 R 19 0 R 20 0 R 23 0 R 24 0 R 25 0 R 27 0 R 29 0 R%s]" % ("15 0 R" if fault == "ST-05" else "14 0 R",
                                               " 30 0 R" if fault == "01-003" else "")
    link_sp = 1
    objs[12] = ("<< /Type /StructTreeRoot /K [13 0 R] /ParentTree << /Nums [0 %s %d 25 0 R] >>"
                " /ParentTreeNextKey 2 >>" % (pt, link_sp)).encode()
    if fault == "28-011b":
        objs[12] = objs[12].replace(b"%d 25 0 R" % link_sp, b"%d 15 0 R" % link_sp)
    objs[13] = ("<< /Type /StructElem /S /Document /P 12 0 R /K [14 0 R 15 0 R 16 0 R 17 0 R 21 0 R 27 0 R%s] >>"
                % (" 30 0 R" if fault == "01-003" else "")).encode()
    objs[14] = ("<< /Type /StructElem /S %s /P 13 0 R /Pg 3 0 R /K 0 >>"
                % ("/H2" if fault == "14-002" else "/H1")).encode()
    objs[15] = b"<< /Type /StructElem /S /P /P 13 0 R /Pg 3 0 R /K [1 25 0 R] >>"
    objs[16] = ("<< /Type /StructElem /S /Figure /P 13 0 R /Pg 3 0 R%s"
                " /K << /Type /MCR /Pg 3 0 R /MCID 2 >> >>" % alt).encode()
    objs[17] = b"<< /Type /StructElem /S /Table /P 13 0 R /K [18 0 R 28 0 R] >>"
    objs[18] = b"<< /Type /StructElem /S /TR /P 17 0 R /K [19 0 R 20 0 R] >>"
    th = "/TD" if fault == "15-005" else "/TH"
    objs[19] = ("<< /Type /StructElem /S %s /P 18 0 R /Pg 3 0 R /K 3"
                " /A << /O /Table /Scope /Row >> >>" % th).encode()
    objs[20] = ("<< /Type /StructElem /S /TD /P %s /Pg 3 0 R /K 4 >>"
                % ("28 0 R" if fault == "ST-04" else "18 0 R")).encode()
    objs[28] = b"<< /Type /StructElem /S /TR /P 17 0 R /K [29 0 R] >>"
    objs[29] = b"<< /Type /StructElem /S /TD /P 28 0 R /Pg 3 0 R /K 9 >>"
    objs[21] = b"<< /Type /StructElem /S /L /P 13 0 R /K [22 0 R] >>"
    objs[22] = b"<< /Type /StructElem /S /LI /P 21 0 R /K [23 0 R 24 0 R] >>"
    objs[23] = ("<< /Type /StructElem /S %s /P 22 0 R /Pg 3 0 R /K 5 >>"
                % ("/P" if fault == "09-005" else "/Lbl")).encode()
    objs[24] = b"<< /Type /StructElem /S /LBody /P 22 0 R /Pg 3 0 R /K 6 >>"
    objs[25] = (b"<< /Type /StructElem /S /Link /P 15 0 R /Pg 3 0 R"
                b" /K [7 << /Type /OBJR /Obj 26 0 R /Pg 3 0 R >>] >>")
    sp = "" if fault == "28-011" else " /StructParent %d" % link_sp
    contents = "" if fault == "28-012" else " /Contents (Link to https://example.org)"
    objs[26] = ("<< /Type /Annot /Subtype /Link /Rect [72 495 140 510] /Border [0 0 0]"
                " /A << /S /URI /URI (https://example.org) >>%s%s >>" % (sp, contents)).encode()
    objs[27] = ("<< /Type /StructElem /S %s /P 13 0 R /Pg 3 0 R /K 8 >>" % heading2).encode()

    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    size = max(objs) + 1
    offsets = [0] * size
    for n in range(1, size):
        offsets[n] = len(out)
        out += b"%d 0 obj\n" % n + objs[n] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for n in range(1, size):
        out += b"%010d 00000 n \n" % offsets[n]
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 11 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


# rule id -> what is wrong (the file is <rule>-<what>.pdf)
FAULTS = {
    "01-003": "artifact-inside-tagged-content",
    "01-004": "tagged-content-inside-artifact",
    "01-005": "untagged-text",
    "ST-01": "unbalanced-marked-content",
    "ST-02": "mcid-not-referenced",
    "ST-04": "wrong-parent",
    "ST-05": "parent-tree-wrong",
    "09-005": "lbl-not-lbl",
    "14-002": "first-heading-not-h1",
    "14-003": "heading-skips-a-level",
    "13-004": "figure-without-alt",
    "15-005": "table-without-th",
    "11-001": "no-lang",
    "07-001": "no-display-doc-title",
    "06-002": "no-pdfuaid",
    "06-003": "no-dc-title",
    "28-008": "no-tabs",
    "28-011": "link-without-struct-parent",
    "28-011b": "link-parent-tree-not-link",
    "28-012": "link-without-contents",
    "31-009": "font-not-embedded",
    "31-027": "glyph-without-unicode",
}


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_fixtures.py OUTDIR")
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "good.pdf"), "wb") as f:
        f.write(build())
    for rule, what in FAULTS.items():
        with open(os.path.join(outdir, "%s-%s.pdf" % (rule, what)), "wb") as f:
            f.write(build(rule))


if __name__ == "__main__":
    main()
