#!/usr/bin/env python3
"""A PDF/UA-1 checker for the tests: the Matterhorn Protocol's failure
conditions that a program can decide, on what lerbrief writes.

    pdfua_check.py FILE.pdf [--expect-lang en-US]

Reads the PDF through qpdf's JSON (qpdf --json=2, streams decoded and
inline), so it needs qpdf and the Python standard library only. Prints one
line per failure, "WHERE: RULE: message" (WHERE is "page N", "obj N G R" or
"document"), and exits 1; or prints "ok: N pages, M elements" and exits 0.
Exit 2: the file cannot be read.

Rules held (ids are Matterhorn Protocol 1.1 checkpoints; ST-* are the
structure tree's integrity, ISO 32000-1 14.7 as PDF/UA-1 7.1 requires it):
  01-003  content marked as Artifact inside tagged content
  01-004  tagged content inside content marked as Artifact
  01-005  content neither marked as Artifact nor tagged (painting operator
          outside a marked-content sequence that is /Artifact or has an MCID)
  01-007  MarkInfo Suspects is true
  02-001  a structure type that is not standard and not role-mapped to one
  02-003  circular role mapping
  02-004  a standard structure type remapped
  06-001  no XMP metadata stream in the catalog
  06-002  the XMP has no pdfuaid:part 1
  06-003  the XMP has no dc:title
  07-001  ViewerPreferences has no DisplayDocTitle
  07-002  DisplayDocTitle is false
  09-004  table elements out of Table/TR/TH/TD syntax
  09-005  list elements out of L/LI/Lbl/LBody syntax
  11-001  no (or another) natural language in the catalog /Lang
  13-004  Figure without Alt or ActualText
  14-002  the first numbered heading is not H1
  14-003  a numbered heading level skipped going deeper
  15-003  a TH without Scope (in a table that does not use Headers)
  15-005  a Table without any TH
  28-008  a page with annotations has no /Tabs
  28-009  a page with annotations has /Tabs other than /S
  28-011  a Link annotation not in a Link element (StructParent, ParentTree, OBJR)
  28-012  a Link annotation without /Contents
  31-009  a font used by text is not embedded
  31-027  a font used by text has no Unicode mapping for a code it shows
  ST-00   no StructTreeRoot, or MarkInfo Marked not true
  ST-01   marked content not balanced within a page's content
  ST-02   an MCID in content not referenced by exactly one element
  ST-03   an element references an MCID or object that does not exist
  ST-04   the tree is not a tree (a /P back-pointer wrong, an element twice)
  ST-05   the ParentTree does not map a page's MCID (or an annotation) to its element
  ST-06   a page content stream has no decodable data (every content rule would pass vacuously)
  ST-07   an ActualText span without its own MCID nested in an element's sequence
Approximations: MCIDs in Form XObjects count as the drawing page's; a
Form drawn inside tagged or artifact content is covered by it.
"""
import base64
import json
import re
import subprocess
import sys

STANDARD = set("""Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private
H H1 H2 H3 H4 H5 H6 P L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference
BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form""".split())
PAINT = {b"Tj", b"TJ", b"'", b'"', b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"S", b"s", b"sh", b"Do", b"EI"}
REF = re.compile(r"^\d+ \d+ R$")


class Name(str):
    """A PDF name in a content stream (without the slash)."""


class Pdf:
    def __init__(self, path):
        proc = subprocess.run(["qpdf", "--json=2", "--json-stream-data=inline", "--decode-level=generalized", path],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if proc.returncode not in (0, 3):  # 3: warnings
            raise RuntimeError(proc.stderr.decode(errors="replace").strip() or "qpdf failed")
        data = json.loads(proc.stdout)
        self.objects = {}
        self.trailer = {}
        for key, val in data["qpdf"][1].items():
            if key == "trailer":
                self.trailer = val.get("value", {})
            elif key.startswith("obj:"):
                self.objects[key[4:]] = val
        self.pages = [p["object"] for p in data["pages"]]

    def get(self, v):
        """The object a value stands for: a reference resolved (a stream gives its dict)."""
        seen = 0
        while isinstance(v, str) and REF.match(v) and seen < 32:
            o = self.objects.get(v)
            if o is None:
                return None
            v = o["stream"]["dict"] if "stream" in o else o.get("value")
            seen += 1
        return v

    def data(self, ref):
        o = self.objects.get(ref) if isinstance(ref, str) else None
        if not o or "stream" not in o or "data" not in o["stream"]:
            return b""
        return base64.b64decode(o["stream"]["data"])

    def key(self, d, k):
        d = self.get(d)
        return self.get(d.get(k)) if isinstance(d, dict) else None


def text(v):
    """A JSON string value as text ("u:..." or "b:hex")."""
    if not isinstance(v, str):
        return ""
    if v.startswith("u:"):
        return v[2:]
    if v.startswith("b:"):
        raw = bytes.fromhex(v[2:])
        if raw.startswith(b"\xfe\xff"):
            return raw[2:].decode("utf-16-be", errors="replace")
        return raw.decode("latin-1")
    return ""


# ---- content streams ------------------------------------------------------------------

TOKEN = re.compile(rb"\s+|%[^\r\n]*|/[^\s/\[\]()<>{}%]*|<<|>>|<[0-9A-Fa-f\s]*>|[\[\]{}]|\(|[^\s/\[\]()<>{}%]+")
ESC = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}


def literal(buf, pos):
    """A literal string starting after '(' at pos; returns (bytes, next position)."""
    out = bytearray()
    depth = 1
    n = len(buf)
    while pos < n:
        c = buf[pos]
        if c == 0x5C:  # backslash
            pos += 1
            if pos >= n:
                break
            c = buf[pos]
            if c in ESC:
                out.append(ESC[c])
            elif 0x30 <= c <= 0x37:
                m = re.match(rb"[0-7]{1,3}", buf[pos:pos + 3])
                out.append(int(m.group(0), 8) & 0xFF)
                pos += len(m.group(0)) - 1
            elif c == 13:
                if pos + 1 < n and buf[pos + 1] == 10:
                    pos += 1
            elif c != 10:
                out.append(c)
        elif c == 0x28:
            depth += 1
            out.append(c)
        elif c == 0x29:
            depth -= 1
            if depth == 0:
                return bytes(out), pos + 1
            out.append(c)
        else:
            out.append(c)
        pos += 1
    return bytes(out), pos


def operations(buf):
    """Yields (operator bytes, operands) of a content stream."""
    operands = []
    stack = []  # open arrays / dicts
    pos, n = 0, len(buf)
    while pos < n:
        m = TOKEN.match(buf, pos)
        if not m:
            pos += 1
            continue
        tok = m.group(0)
        pos = m.end()
        c = tok[0]
        if c in b" \t\r\n\f\0" or c == 0x25:
            continue
        if tok == b"(":
            val, pos = literal(buf, pos)
        elif c == 0x2F:
            val = Name(tok[1:].decode("latin-1"))
        elif tok == b"<<" or tok == b"[":
            stack.append((tok, operands))
            operands = []
            continue
        elif tok == b">>" or tok == b"]":
            if not stack:
                continue
            kind, outer = stack.pop()
            if kind == b"<<":
                val = {operands[i]: operands[i + 1] for i in range(0, len(operands) - 1, 2)}
            else:
                val = operands
            operands = outer
        elif c == 0x3C:
            h = re.sub(rb"\s", b"", tok[1:-1])
            val = bytes.fromhex((h + b"0" if len(h) % 2 else h).decode())
        elif tok in (b"{", b"}"):
            continue
        elif re.match(rb"^[+-]?(\d+\.?\d*|\.\d+)$", tok):
            val = float(tok) if b"." in tok else int(tok)
        elif tok in (b"true", b"false", b"null"):
            val = tok == b"true" if tok != b"null" else None
        else:  # an operator
            if stack:  # malformed: an operator inside an array; drop the open containers
                operands = stack[0][1]
                stack = []
            if tok == b"ID":  # inline image data up to EI
                end = re.compile(rb"\sEI(?=[\s]|$)").search(buf, pos)
                pos = end.end() if end else n
                yield b"EI", []
                operands = []
                continue
            yield tok, operands
            operands = []
            continue
        operands.append(val)


class Checker:
    def __init__(self, pdf, expect_lang=None):
        self.pdf = pdf
        self.expect_lang = expect_lang
        self.failures = []
        self.seen = set()
        self.page_mcids = {}   # page ref -> set of MCIDs in its content
        self.font_codes = {}   # font ref -> set of (nbytes, code) shown
        self.font_where = {}   # font ref -> first page number showing it
        self.elements = 0

    def fail(self, where, rule, msg):
        line = "%s: %s: %s" % (where, rule, msg)
        if line not in self.seen:
            self.seen.add(line)
            self.failures.append(line)

    # -- content ------------------------------------------------------------------------
    def resources(self, page_ref):
        node = self.pdf.get(page_ref)
        for _ in range(64):
            if not isinstance(node, dict):
                return {}
            if "/Resources" in node:
                return self.pdf.get(node["/Resources"]) or {}
            node = self.pdf.get(node.get("/Parent"))
        return {}

    def font_info(self, font_ref):
        f = self.pdf.get(font_ref) or {}
        return 2 if f.get("/Subtype") == "/Type0" else 1

    def scan(self, buf, res, where, page_ref, covered, depth=0):
        pdf = self.pdf
        marks = []  # (tag, mcid, artifact)
        font = None
        font_stack = []
        untagged = 0
        for op, args in operations(buf):
            if op == b"BDC" or op == b"BMC":
                tag = args[0] if args and isinstance(args[0], Name) else ""
                props = args[1] if op == b"BDC" and len(args) > 1 else None
                if isinstance(props, Name):  # a /Properties resource
                    props = pdf.get((pdf.key(res, "/Properties") or {}).get("/" + props)) or {}
                    props = {Name(k[1:]): v for k, v in props.items()} if isinstance(props, dict) else {}
                mcid = props.get("MCID") if isinstance(props, dict) else None
                artifact = tag == "Artifact"
                in_tagged = any(m[1] is not None for m in marks)
                in_artifact = any(m[2] for m in marks)
                if artifact and in_tagged:
                    self.fail(where, "01-003", "content marked as Artifact inside tagged content")
                if mcid is not None and in_artifact:
                    self.fail(where, "01-004", "MCID %s inside content marked as Artifact" % mcid)
                if (mcid is None and in_tagged and isinstance(props, dict) and "ActualText" in props):
                    self.fail(where, "ST-07", "an ActualText span without an MCID nested in an element's "
                              "sequence: poppler's structure text stops at its end")
                if mcid is not None:
                    s = self.page_mcids.setdefault(page_ref, set())
                    if mcid in s:
                        self.fail(where, "ST-02", "MCID %s marks two sequences in the content" % mcid)
                    s.add(mcid)
                marks.append((tag, mcid, artifact))
            elif op == b"EMC":
                if not marks:
                    self.fail(where, "ST-01", "EMC without an open marked-content sequence")
                else:
                    marks.pop()
            elif op == b"q":
                font_stack.append(font)
            elif op == b"Q":
                if font_stack:
                    font = font_stack.pop()
            elif op == b"Tf" and args and isinstance(args[0], Name):
                font = (pdf.key(res, "/Font") or {}).get("/" + args[0])
            if op in PAINT:
                ok = covered or any(m[1] is not None or m[2] for m in marks)
                if not ok:
                    untagged += 1
                if op in (b"Tj", b"TJ", b"'", b'"') and not font:
                    self.fail(where, "31-027", "text shown with no font in the resources: its codes cannot be checked")
                if op in (b"Tj", b"TJ", b"'", b'"') and font:
                    strings = []
                    for a in args:
                        if isinstance(a, bytes):
                            strings.append(a)
                        elif isinstance(a, list):
                            strings.extend(x for x in a if isinstance(x, bytes))
                    nb = self.font_info(font)
                    codes = self.font_codes.setdefault(font, set())
                    self.font_where.setdefault(font, where)
                    for s in strings:
                        for i in range(0, len(s) - nb + 1, nb):
                            codes.add(int.from_bytes(s[i:i + nb], "big"))
                elif op == b"Do" and args and isinstance(args[0], Name) and depth < 12:
                    xo_ref = (pdf.key(res, "/XObject") or {}).get("/" + args[0])
                    xo = pdf.get(xo_ref) or {}
                    if xo.get("/Subtype") == "/Form":
                        xres = pdf.get(xo.get("/Resources")) or res
                        self.scan(pdf.data(xo_ref), xres, where, page_ref, ok, depth + 1)
        if untagged:
            self.fail(where, "01-005", "%d painting operator%s neither tagged nor an artifact%s"
                      % (untagged, "s" if untagged > 1 else "", " (in a Form XObject)" if depth else ""))
        if marks:
            self.fail(where, "ST-01", "%d marked-content sequence%s not closed by EMC"
                      % (len(marks), "s" if len(marks) > 1 else ""))

    def check_pages(self):
        pdf = self.pdf
        for i, ref in enumerate(pdf.pages, 1):
            page = pdf.get(ref) or {}
            contents = page.get("/Contents")
            refs = contents if isinstance(contents, list) else [contents] if contents else []
            undecoded = [r for r in refs if not pdf.data(r)]
            if undecoded or not refs:
                # a stream qpdf could not decode would pass every content rule vacuously
                self.fail("page %d" % i, "ST-06", "content stream %s has no decodable data"
                          % (", ".join(map(str, undecoded)) or "(none)"))
            buf = b"\n".join(pdf.data(r) for r in refs)
            self.scan(buf, self.resources(ref), "page %d" % i, ref, False)
            annots = pdf.get(page.get("/Annots")) or []
            if annots:
                tabs = page.get("/Tabs")
                if tabs is None:
                    self.fail("page %d" % i, "28-008", "page with annotations has no /Tabs")
                elif tabs != "/S":
                    self.fail("page %d" % i, "28-009", "page with annotations has /Tabs %s, not /S" % tabs)

    # -- structure tree -----------------------------------------------------------------
    def role(self, s):
        """The standard type a structure type stands for, or None."""
        seen = []
        while s not in STANDARD:
            if s in seen:
                self.fail("document", "02-003", "circular role mapping through %s" % s)
                return None
            seen.append(s)
            nxt = self.rolemap.get("/" + s)
            if not isinstance(nxt, str) or not nxt.startswith("/"):
                return None
            s = nxt[1:]
        return s

    def check_tree(self):
        pdf = self.pdf
        cat = pdf.get(pdf.trailer.get("/Root")) or {}
        root_ref = cat.get("/StructTreeRoot")
        root = pdf.get(root_ref)
        mark = pdf.get(cat.get("/MarkInfo")) or {}
        if mark.get("/Marked") is not True:
            self.fail("document", "ST-00", "MarkInfo Marked is not true")
        if mark.get("/Suspects") is True:
            self.fail("document", "01-007", "MarkInfo Suspects is true")
        if not isinstance(root, dict):
            self.fail("document", "ST-00", "no StructTreeRoot in the catalog")
            return []
        self.rolemap = pdf.get(root.get("/RoleMap")) or {}
        for k in self.rolemap:
            if k[1:] in STANDARD:
                self.fail("document", "02-004", "standard type %s is remapped" % k[1:])
        pages = set(pdf.pages)
        owner = {}       # (page ref, mcid) -> element ref
        objr = {}        # object ref -> element ref
        visited = set()
        order = []       # (role, element ref, element dict, parent role) depth first

        def walk(ref, parent_ref, parent_role, inherited_pg, depth):
            elem = pdf.get(ref)
            where = "obj %s" % ref
            if not isinstance(elem, dict):
                self.fail("obj %s" % parent_ref, "ST-03", "a kid %s is not an element" % ref)
                return
            if ref in visited:
                self.fail(where, "ST-04", "element reached twice in the tree")
                return
            visited.add(ref)
            if elem.get("/P") != parent_ref:
                self.fail(where, "ST-04", "/P is %s, the parent is %s" % (elem.get("/P"), parent_ref))
            s = elem.get("/S", "")[1:]
            r = self.role(s)
            if r is None:
                self.fail(where, "02-001", "structure type %s is not standard nor mapped to one" % s)
            self.elements += 1
            order.append((r, ref, elem, parent_role))
            pg = elem.get("/Pg", inherited_pg)
            kids = pdf.get(elem.get("/K"))
            kids = kids if isinstance(kids, list) else [] if kids is None else [elem.get("/K")]
            for k in kids:
                kv = pdf.get(k)
                if isinstance(k, int):
                    claim(pg, k, ref, where)
                elif isinstance(kv, dict) and kv.get("/Type") == "/MCR":
                    if "/Stm" in kv:
                        continue  # MCIDs in a Form XObject: not followed
                    claim(kv.get("/Pg", pg), kv.get("/MCID"), ref, where)
                elif isinstance(kv, dict) and kv.get("/Type") == "/OBJR":
                    target = kv.get("/Obj")
                    if not isinstance(target, str) or pdf.get(target) is None:
                        self.fail(where, "ST-03", "OBJR to a missing object %s" % target)
                    elif target in objr:
                        self.fail(where, "ST-04", "object %s referenced by two OBJRs" % target)
                    else:
                        objr[target] = ref
                elif isinstance(k, str) and REF.match(k):
                    if depth < 200:
                        walk(k, ref, r, pg, depth + 1)
                else:
                    self.fail(where, "ST-03", "a kid that is not an element, MCID, MCR or OBJR")

        def claim(pg, mcid, ref, where):
            if pg not in pages or not isinstance(mcid, int):
                self.fail(where, "ST-03", "MCID %s without a page of the document" % mcid)
                return
            if mcid not in self.page_mcids.get(pg, set()):
                self.fail(where, "ST-03", "MCID %s is not in the content of page %d" % (mcid, self.pdf.pages.index(pg) + 1))
            if (pg, mcid) in owner:
                self.fail(where, "ST-02", "MCID %s of page %d is referenced by two elements"
                          % (mcid, self.pdf.pages.index(pg) + 1))
            owner[(pg, mcid)] = ref

        kids = root.get("/K")
        kids = kids if isinstance(kids, list) else [kids] if kids is not None else []
        if not kids:
            self.fail("document", "ST-00", "StructTreeRoot has no /K")
        for k in kids:
            walk(k, root_ref, None, None, 0)

        # every MCID in content referenced
        for i, pg in enumerate(pdf.pages, 1):
            for mcid in sorted(self.page_mcids.get(pg, ())):
                if (pg, mcid) not in owner:
                    self.fail("page %d" % i, "ST-02", "MCID %d is not referenced by any element" % mcid)

        # ParentTree
        ptree = {}

        def nums(node, depth=0):
            node = pdf.get(node)
            if not isinstance(node, dict) or depth > 32:
                return
            arr = pdf.get(node.get("/Nums")) or []
            for j in range(0, len(arr) - 1, 2):
                ptree[arr[j]] = arr[j + 1]
            for kid in pdf.get(node.get("/Kids")) or []:
                nums(kid, depth + 1)
        nums(root.get("/ParentTree"))
        for i, pg in enumerate(pdf.pages, 1):
            mcids = self.page_mcids.get(pg)
            if not mcids:
                continue
            sp = (pdf.get(pg) or {}).get("/StructParents")
            if not isinstance(sp, int):
                self.fail("page %d" % i, "ST-05", "page with MCIDs has no /StructParents")
                continue
            arr = pdf.get(ptree.get(sp))
            if not isinstance(arr, list):
                self.fail("page %d" % i, "ST-05", "ParentTree has no array for StructParents %d" % sp)
                continue
            for mcid in sorted(mcids):
                want = owner.get((pg, mcid))
                got = arr[mcid] if mcid < len(arr) else None
                if want is not None and got != want:
                    self.fail("page %d" % i, "ST-05", "ParentTree[%d][%d] is %s, the element is %s" % (sp, mcid, got, want))

        # Link annotations
        for i, pg in enumerate(pdf.pages, 1):
            for a_ref in pdf.get((pdf.get(pg) or {}).get("/Annots")) or []:
                a = pdf.get(a_ref) or {}
                if a.get("/Subtype") != "/Link":
                    continue
                where = "page %d" % i
                if not text(a.get("/Contents")).strip():
                    self.fail(where, "28-012", "Link annotation %s has no /Contents" % a_ref)
                sp = a.get("/StructParent")
                if not isinstance(sp, int):
                    self.fail(where, "28-011", "Link annotation %s has no /StructParent" % a_ref)
                    continue
                elem_ref = ptree.get(sp)
                elem = pdf.get(elem_ref) or {}
                if self.role(str(elem.get("/S", "/"))[1:]) != "Link":
                    self.fail(where, "28-011", "ParentTree[%d] of Link annotation %s is not a Link element" % (sp, a_ref))
                elif objr.get(a_ref) != elem_ref:
                    self.fail(where, "28-011", "Link element %s has no OBJR to annotation %s" % (elem_ref, a_ref))
        return order

    def check_roles(self, order):
        pdf = self.pdf
        heads = [(int(r[1]), ref) for r, ref, _, _ in order if r and re.match(r"^H[1-6]$", r)]
        if heads and heads[0][0] != 1:
            self.fail("obj %s" % heads[0][1], "14-002", "the first heading is H%d, not H1" % heads[0][0])
        for (a, _), (b, ref) in zip(heads, heads[1:]):
            if b > a + 1:
                self.fail("obj %s" % ref, "14-003", "H%d follows H%d: a level skipped" % (b, a))

        def kid_roles(elem):
            kids = pdf.get(elem.get("/K"))
            kids = kids if isinstance(kids, list) else [elem.get("/K")]
            out = []
            for k in kids:
                kv = pdf.get(k)
                if isinstance(k, str) and REF.match(k) and isinstance(kv, dict) and "/S" in kv:
                    out.append((self.role(kv["/S"][1:]), kv))
            return out

        def attrs(elem):
            a = pdf.get(elem.get("/A"))
            a = a if isinstance(a, list) else [a]
            return [pdf.get(x) for x in a if isinstance(pdf.get(x), dict)]

        for r, ref, elem, parent in order:
            where = "obj %s" % ref
            if r == "Figure":
                if not (text(elem.get("/Alt")).strip() or text(elem.get("/ActualText")).strip()):
                    self.fail(where, "13-004", "Figure without Alt or ActualText")
            elif r == "Table":
                cells, uses_headers = [], False
                stack = [elem]
                while stack:
                    e = stack.pop()
                    for kr, kv in kid_roles(e):
                        if kr in ("TH", "TD"):
                            cells.append((kr, kv))
                            uses_headers = uses_headers or any("/Headers" in a for a in attrs(kv))
                        elif kr in ("TR", "THead", "TBody", "TFoot"):
                            stack.append(kv)
                if not any(c == "TH" for c, _ in cells):
                    self.fail(where, "15-005", "Table without a TH cell")
                elif not uses_headers:
                    for c, kv in cells:
                        if c == "TH" and not any("/Scope" in a for a in attrs(kv)):
                            self.fail(where, "15-003", "a TH of the table has no Scope attribute")
                            break
                bad = [kr for kr, _ in kid_roles(elem) if kr not in ("TR", "THead", "TBody", "TFoot", "Caption")]
                if bad:
                    self.fail(where, "09-004", "Table has a %s child" % bad[0])
            elif r in ("THead", "TBody", "TFoot"):
                bad = [kr for kr, _ in kid_roles(elem) if kr != "TR"]
                if bad or parent != "Table":
                    self.fail(where, "09-004", "%s in %s with %s" % (r, parent, bad or "TR children"))
            elif r == "TR":
                bad = [kr for kr, _ in kid_roles(elem) if kr not in ("TH", "TD")]
                if bad:
                    self.fail(where, "09-004", "TR has a %s child" % bad[0])
                if parent not in ("Table", "THead", "TBody", "TFoot"):
                    self.fail(where, "09-004", "TR inside %s, not a Table" % parent)
            elif r in ("TH", "TD") and parent != "TR":
                self.fail(where, "09-004", "%s inside %s, not TR" % (r, parent))
            elif r == "L":
                bad = [kr for kr, _ in kid_roles(elem) if kr not in ("LI", "Caption", "L")]
                if bad:
                    self.fail(where, "09-005", "L has a %s child" % bad[0])
            elif r == "LI":
                bad = [kr for kr, _ in kid_roles(elem) if kr not in ("Lbl", "LBody")]
                if bad:
                    self.fail(where, "09-005", "LI has a %s child" % bad[0])
                if parent != "L":
                    self.fail(where, "09-005", "LI inside %s, not L" % parent)
            elif r in ("Lbl", "LBody") and parent != "LI":
                self.fail(where, "09-005", "%s inside %s, not LI" % (r, parent))

    # -- document level -----------------------------------------------------------------
    def check_document(self):
        pdf = self.pdf
        cat = pdf.get(pdf.trailer.get("/Root")) or {}
        lang = text(cat.get("/Lang")).strip()
        if not lang:
            self.fail("document", "11-001", "no /Lang in the catalog")
        elif self.expect_lang and lang != self.expect_lang:
            self.fail("document", "11-001", "/Lang is %s, expected %s" % (lang, self.expect_lang))
        vp = pdf.get(cat.get("/ViewerPreferences")) or {}
        if "/DisplayDocTitle" not in vp:
            self.fail("document", "07-001", "ViewerPreferences has no DisplayDocTitle")
        elif vp["/DisplayDocTitle"] is not True:
            self.fail("document", "07-002", "DisplayDocTitle is not true")
        meta_ref = cat.get("/Metadata")
        xmp = pdf.data(meta_ref).decode("utf-8", errors="replace") if meta_ref else ""
        if not xmp:
            self.fail("document", "06-001", "no XMP metadata stream in the catalog")
            return
        if not re.search(r"pdfuaid:part\s*(>\s*1\s*<|=\s*[\"']1[\"'])", xmp):
            self.fail("document", "06-002", "the XMP has no pdfuaid:part 1")
        m = re.search(r"<dc:title\b[^>]*>(.*?)</dc:title>", xmp, re.S)
        if not m or not re.sub(r"<[^>]*>", "", m.group(1)).strip():
            self.fail("document", "06-003", "the XMP has no dc:title")

    # -- fonts --------------------------------------------------------------------------
    def check_fonts(self):
        pdf = self.pdf
        for font_ref, codes in self.font_codes.items():
            f = pdf.get(font_ref) or {}
            where = self.font_where[font_ref]
            name = str(f.get("/BaseFont", font_ref))
            sub = f.get("/Subtype")
            if sub == "/Type3":
                continue
            desc_holder = f
            if sub == "/Type0":
                desc_holder = pdf.get((pdf.get(f.get("/DescendantFonts")) or [None])[0]) or {}
            desc = pdf.get(desc_holder.get("/FontDescriptor")) or {}
            if not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                self.fail(where, "31-009", "font %s is not embedded" % name)
            tu = f.get("/ToUnicode")
            if tu is None:
                enc = f.get("/Encoding")
                if sub == "/Type0" or not (enc in ("/WinAnsiEncoding", "/MacRomanEncoding", "/StandardEncoding")
                                           or isinstance(pdf.get(enc), dict)):
                    self.fail(where, "31-027", "font %s has no ToUnicode" % name)
                continue
            mapped = tounicode(pdf.data(tu))
            missing = sorted(c for c in codes if not mapped(c))
            if missing:
                self.fail(where, "31-027", "font %s: %d code%s without Unicode (%s)"
                          % (name, len(missing), "s" if len(missing) > 1 else "",
                             " ".join("%04X" % c for c in missing[:8])))

    def run(self):
        self.check_pages()
        order = self.check_tree()
        self.check_roles(order)
        self.check_document()
        self.check_fonts()
        return self.failures


def tounicode(data):
    """A predicate: does the ToUnicode CMap map this code (to something not empty)?"""
    txt = data.decode("latin-1")
    singles, ranges = set(), []
    for block in re.findall(r"beginbfchar(.*?)endbfchar", txt, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            if dst and dst.strip("0"):
                singles.add(int(src, 16))
    for block in re.findall(r"beginbfrange(.*?)endbfrange", txt, re.S):
        for lo, hi, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])", block):
            # a range maps to a start value (or an array of values): not empty, not all zero
            values = re.findall(r"<([0-9A-Fa-f]*)>", dst)
            if values and all(v and v.strip("0") for v in values):
                ranges.append((int(lo, 16), int(hi, 16)))
    return lambda c: c in singles or any(lo <= c <= hi for lo, hi in ranges)


def main(argv):
    args = argv[1:]
    expect = None
    if "--expect-lang" in args:
        i = args.index("--expect-lang")
        if i + 1 >= len(args):
            print("usage: pdfua_check.py FILE.pdf [--expect-lang LANG]", file=sys.stderr)
            return 2
        expect = args[i + 1]
        del args[i:i + 2]
    if len(args) != 1:
        print("usage: pdfua_check.py FILE.pdf [--expect-lang LANG]", file=sys.stderr)
        return 2
    try:
        pdf = Pdf(args[0])
    except (OSError, RuntimeError, ValueError, KeyError) as e:
        print("%s: cannot read: %s" % (args[0], e), file=sys.stderr)
        return 2
    checker = Checker(pdf, expect)
    failures = checker.run()
    for line in failures:
        print(line)
    if failures:
        return 1
    print("ok: %d pages, %d elements" % (len(pdf.pages), checker.elements))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
