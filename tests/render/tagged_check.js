// Checks a tagged PDF's structure with mupdf: `mutool run tagged_check.js file.pdf`.
// Prints the structure tree (one element a line, indented two spaces a level:
// its /S, then alt="…" when it has /Alt, scope=… for a TH), then one line per
// problem, each starting "error:", then "mcids N links M".
// Checked: every MCID in a page's content is referenced by exactly one
// element, and the ParentTree maps it to that element; every element's MCID
// exists in its page's content; every link annotation has /StructParent and
// the ParentTree maps it to the Link element whose OBJR holds it; each kid's
// /P is its parent; ParentTreeNextKey is past every key; BDC/BMC and EMC
// balance on every page.
var doc = new PDFDocument(scriptArgs[0]);
var errors = [];
function err(s) { errors.push("error: " + s); }
// A stream's bytes as a string (mupdf 1.21's Buffer has no asString).
function streamText(obj) {
    var b = obj.readStream(), parts = [];
    for (var i = 0; i < b.length; ++i) parts.push(String.fromCharCode(b[i]));
    return parts.join("");
}
// A missing key reads as undefined in mupdf 1.21, null as a PDF null.
function none(o) { return o === undefined || o === null || o.isNull(); }
function ref(o) { return !none(o) && o.isIndirect() ? o.asIndirect() : -1; }

var pageIndex = {};
var pageCount = doc.countPages();
var contentMcids = [];  // page → { mcid: true }
for (var i = 0; i < pageCount; ++i) {
    var pg = doc.findPage(i);
    pageIndex[ref(pg)] = i;
    var c = pg.get("Contents");
    var text = "";
    if (c.isArray()) { for (var j = 0; j < c.length; ++j) text += streamText(c.get(j)) + "\n"; }
    else if (!none(c)) text = streamText(c);
    var m, re = /\/MCID (\d+)/g, seen = {};
    while ((m = re.exec(text)) !== null) {
        if (seen[m[1]]) err("page " + (i + 1) + ": MCID " + m[1] + " twice in the content");
        seen[m[1]] = true;
    }
    contentMcids.push(seen);
    var opens = (text.match(/\b(BDC|BMC)\b/g) || []).length, closes = (text.match(/\bEMC\b/g) || []).length;
    if (opens !== closes) err("page " + (i + 1) + ": " + opens + " BDC/BMC but " + closes + " EMC");
}

var root = doc.getTrailer().get("Root");
var tree = root.get("StructTreeRoot");
if (none(tree)) { print("error: no StructTreeRoot"); quit(); }

// The ParentTree as key → object.
var parents = {};
function readNums(node) {
    var nums = node.get("Nums");
    if (!none(nums)) for (var i = 0; i + 1 < nums.length; i += 2) parents[nums.get(i).valueOf()] = nums.get(i + 1);
    var kids = node.get("Kids");
    if (!none(kids)) for (var k = 0; k < kids.length; ++k) readNums(kids.get(k));
}
readNums(tree.get("ParentTree"));
var nextKey = tree.get("ParentTreeNextKey").valueOf();
for (var key in parents) if (Number(key) >= nextKey) err("ParentTree key " + key + " >= ParentTreeNextKey " + nextKey);

var referenced = [];  // page → { mcid: element ref }
for (var i = 0; i < pageCount; ++i) referenced.push({});
var links = 0, mcids = 0, lines = [];
function walk(e, parentRef, depth) {
    var s = e.get("S").valueOf();
    var line = "";
    for (var d = 0; d < depth; ++d) line += "  ";
    line += s;
    if (!none(e.get("Alt"))) line += ' alt="' + e.get("Alt").valueOf() + '"';
    var a = e.get("A");
    if (!none(a) && !none(a.get("Scope"))) line += " scope=" + a.get("Scope").valueOf();
    lines.push(line);
    if (ref(e.get("P")) !== parentRef) err(s + ": /P is not its parent");
    var k = e.get("K");
    var kids = [];
    if (!none(k) && k.isArray()) { for (var i = 0; i < k.length; ++i) kids.push(k.get(i)); }
    else if (!none(k)) kids.push(k);
    for (var i = 0; i < kids.length; ++i) {
        var kid = kids[i];
        if (kid.isNumber()) {
            var page = pageIndex[ref(e.get("Pg"))];
            if (page === undefined) { err(s + ": MCID without /Pg"); continue; }
            mark(page, kid.valueOf(), e, s);
        } else if (!none(kid.get("Type")) && kid.get("Type").valueOf() === "MCR") {
            mark(pageIndex[ref(kid.get("Pg"))], kid.get("MCID").valueOf(), e, s);
        } else if (!none(kid.get("Type")) && kid.get("Type").valueOf() === "OBJR") {
            ++links;
            var annot = kid.get("Obj");
            var sp = annot.get("StructParent");
            if (none(sp)) err("link annotation without /StructParent");
            else if (!parents[sp.valueOf()] || ref(parents[sp.valueOf()]) !== ref(e))
                err("ParentTree " + sp.valueOf() + " is not the Link element");
            if (none(annot.get("Contents"))) err("link annotation without /Contents");
        } else {
            walk(kid, ref(e), depth + 1);
        }
    }
}
function mark(page, mcid, e, s) {
    ++mcids;
    if (page === undefined) { err(s + ": MCID " + mcid + " on no page"); return; }
    if (!contentMcids[page][mcid]) err(s + ": MCID " + mcid + " not in page " + (page + 1) + "'s content");
    if (referenced[page][mcid] !== undefined) err("page " + (page + 1) + " MCID " + mcid + " referenced twice");
    referenced[page][mcid] = ref(e);
    var p = doc.findPage(page).get("StructParents");
    if (none(p)) { err("page " + (page + 1) + " without /StructParents"); return; }
    var arr = parents[p.valueOf()];
    if (!arr || !arr.isArray() || mcid >= arr.length || ref(arr.get(mcid)) !== ref(e))
        err("ParentTree: page " + (page + 1) + " MCID " + mcid + " does not map to its " + s);
}
var k = tree.get("K");
if (k.isArray()) { for (var i = 0; i < k.length; ++i) walk(k.get(i), ref(tree), 0); }
else walk(k, ref(tree), 0);

for (var i = 0; i < pageCount; ++i) {
    for (var mcid in contentMcids[i])
        if (referenced[i][mcid] === undefined) err("page " + (i + 1) + " MCID " + mcid + " is in no element");
    var annots = doc.findPage(i).get("Annots");
    if (!none(annots))
        for (var j = 0; j < annots.length; ++j)
            if (none(annots.get(j).get("StructParent"))) err("page " + (i + 1) + " annotation without /StructParent");
}
print(lines.join("\n"));
if (errors.length) print(errors.join("\n"));
print("mcids " + mcids + " links " + links);
