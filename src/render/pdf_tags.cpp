#include "render/pdf_tags.h"

#include <fmt/format.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include <algorithm>
#include <memory>

#include "model/utf8.h"
#include "render/pdf_page_lean.h"
#include "render/render_error.h"

namespace lerbrief::render {

using layout::Role;

std::string_view role_name(Role role) {
    switch (role) {
        case Role::h1: return "H1";
        case Role::h2: return "H2";
        case Role::h3: return "H3";
        case Role::h4: return "H4";
        case Role::h5: return "H5";
        case Role::h6: return "H6";
        case Role::p: return "P";
        case Role::l: return "L";
        case Role::li: return "LI";
        case Role::lbl: return "Lbl";
        case Role::lbody: return "LBody";
        case Role::table: return "Table";
        case Role::tr: return "TR";
        case Role::th: return "TH";
        case Role::td: return "TD";
        case Role::figure: return "Figure";
        case Role::caption: return "Caption";
        case Role::blockquote: return "BlockQuote";
        case Role::note: return "Note";
        case Role::toc: return "TOC";
        case Role::toci: return "TOCI";
        case Role::sect: return "Sect";
        case Role::span: return "Span";
    }
    return "Span";
}

namespace {

// Text for XML character data and attribute values: the five specials
// escaped, characters XML 1.0 does not allow dropped.
std::string xml_escape(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t start = i;
        char32_t c = utf8::next(s, i);
        if (c == utf8::kInvalid || (c < 0x20 && c != '\t' && c != '\n') || c == 0xFFFE || c == 0xFFFF) continue;
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out.append(s.substr(start, i - start));
        }
    }
    return out;
}

// "YYYY-MM-DDTHH:MM:SS[Z]" → the same with "Z" (the date is UTC).
std::string xmp_date(std::string date) {
    if (!date.empty() && date.back() == 'Z') date.pop_back();
    return date + "Z";
}

}  // namespace

std::string xmp_packet(const layout::Metadata& meta, std::string_view producer) {
    std::string body;
    auto alt = [&](const char* name, const std::string& v) {
        if (v.empty()) return;
        body += fmt::format("   <{0}><rdf:Alt><rdf:li xml:lang=\"x-default\">{1}</rdf:li></rdf:Alt></{0}>\n", name,
                            xml_escape(v));
    };
    auto simple = [&](const char* name, std::string_view v) {
        if (v.empty()) return;
        body += fmt::format("   <{0}>{1}</{0}>\n", name, xml_escape(v));
    };
    simple("dc:format", "application/pdf");
    alt("dc:title", meta.title);
    if (!meta.author.empty())
        body += fmt::format("   <dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>\n",
                            xml_escape(meta.author));
    alt("dc:description", meta.subject);
    if (!meta.language.empty())
        body += fmt::format("   <dc:language><rdf:Bag><rdf:li>{}</rdf:li></rdf:Bag></dc:language>\n",
                            xml_escape(meta.language));
    simple("pdf:Keywords", meta.keywords);
    simple("pdf:Producer", producer);
    simple("xmp:CreatorTool", meta.creator);
    if (!meta.date.empty()) {
        simple("xmp:CreateDate", xmp_date(meta.date));
        simple("xmp:ModifyDate", xmp_date(meta.date));
    }
    simple("pdfuaid:part", "1");
    return "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
           "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
           " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
           "  <rdf:Description rdf:about=\"\"\n"
           "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
           "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
           "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
           "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n" +
           body +
           "  </rdf:Description>\n"
           " </rdf:RDF>\n"
           "</x:xmpmeta>\n"
           "<?xpacket end=\"w\"?>";
}

StructureWriter::StructureWriter(HpdfDoc& doc, std::size_t page_count) : doc_(doc), page_mcids_(page_count) {}

void StructureWriter::add_kid(Index parent, Kid kid) {
    if (parent == kDocument) {
        document_kids_.push_back(kid.value);
        return;
    }
    const auto k = static_cast<Index>(kids_.size());
    kids_.push_back(kid);
    Elem& el = elems_[parent];
    if (el.last == kNone)
        el.first = k;
    else
        kids_[el.last].next = k;
    el.last = k;
}

StructureWriter::Index StructureWriter::element(const layout::Tag& tag) {
    if (auto it = index_.find(tag.get()); it != index_.end()) return it->second;
    // Ancestors first: a parent takes its place when its first child does.
    const Index parent = tag->parent ? element(tag->parent) : kDocument;
    const auto e = static_cast<Index>(elems_.size());
    elems_.emplace_back(this, tag, parent);  // holds the node: its address stays unique while indexed
    index_.emplace(tag.get(), e);
    add_kid(parent, Kid{.kind = Kid::Kind::elem, .value = e});
    return e;
}

int StructureWriter::mark(const layout::Tag& tag, std::size_t page) {
    const Index e = element(tag);
    auto& mcids = page_mcids_.at(page);
    const auto mcid = static_cast<Index>(mcids.size());
    mcids.push_back(e);
    Elem& el = elems_[e];
    if (!el.has_page) el.has_page = true, el.page = static_cast<Index>(page);
    add_kid(e, Kid{.kind = Kid::Kind::mcid, .value = mcid, .page = static_cast<Index>(page)});
    return static_cast<int>(mcid);
}

void StructureWriter::touch(const layout::Tag& tag) {
    if (tag) element(tag);
}

void StructureWriter::link(const layout::Tag& tag, LinkAnnotation& annot, HPDF_Dict obj, std::size_t page) {
    const Index parent = tag ? element(tag) : kDocument;
    const auto e = static_cast<Index>(elems_.size());
    Elem& el = elems_.emplace_back(this, nullptr, parent);
    el.has_page = true, el.page = static_cast<Index>(page);
    add_kid(parent, Kid{.kind = Kid::Kind::elem, .value = e});
    add_kid(e, Kid{.kind = Kid::Kind::annot, .value = static_cast<Index>(annot_objs_.size()),
                   .page = static_cast<Index>(page)});
    annot_objs_.push_back(obj);
    annot.struct_parent = static_cast<int>(page_mcids_.size() + annots_.size());
    annots_.push_back(e);
}

namespace {

const char* scope_name(layout::Scope s);

// What an element writes from its node besides its role (Elem::write).
bool writes_more(const layout::StructNode& n) { return n.words || (n.role == Role::th && scope_name(n.scope)); }

}  // namespace

void StructureWriter::page_done() {
    if (index_.size() < 2 * index_after_prune_ + 1024) return;
    for (auto it = index_.begin(); it != index_.end();) {
        Elem& el = elems_[it->second];
        if (el.node.use_count() == 1) {  // no item and no child node holds it: no one can name it again
            if (!writes_more(*el.node)) el.node.reset();
            it = index_.erase(it);
        } else {
            ++it;
        }
    }
    index_after_prune_ = index_.size();
}

namespace {

const char* scope_name(layout::Scope s) {
    switch (s) {
        case layout::Scope::row: return "Row";
        case layout::Scope::column: return "Column";
        case layout::Scope::both: return "Both";
        case layout::Scope::none: break;
    }
    return nullptr;
}

// Keys of a number tree leaf: flat /Nums up to this many, else /Kids of
// leaves this size (arrays stay far below the 8191 elements old readers take).
constexpr std::size_t kNumsPerLeaf = 1024;

}  // namespace

// The bytes libharu wrote for the same dictionary: "/Key value\n" entries,
// arrays as "[ a b ]", direct dictionaries as "<<\n…>>". Without /Type,
// which a structure element may leave out (ISO 32000-1, table 323): 18
// bytes an element, 30 KB of the map's booklet.
void StructureWriter::Elem::write(PdfOut& out) const {
    const StructureWriter& w = *writer;
    out.key("S").name(link ? "Link" : std::string(role_name(role)).c_str()).end();
    out.key("P").ref(parent == kDocument ? w.document_ : w.elems_[parent].obj).end();
    if (has_page) out.key("Pg").ref(w.page_obj(page)).end();
    if (node && !node->alt().empty()) out.key("Alt").text(node->alt()).end();
    if (node && !node->actual_text().empty()) out.key("ActualText").text(node->actual_text()).end();
    if (node && role == Role::th && scope_name(node->scope)) {
        out.key("A").raw("<<\012");
        out.key("O").name("Table").end();
        out.key("Scope").name(scope_name(node->scope)).end();
        out.raw(">>").end();
    }
    if (first == kNone) return;
    out.key("K").raw("[ ");
    for (Index k = first; k != kNone; k = w.kids_[k].next) {
        const Kid& kid = w.kids_[k];
        switch (kid.kind) {
            case Kid::Kind::elem: out.ref(w.elems_[kid.value].obj); break;
            case Kid::Kind::mcid:
                if (kid.page == page) {
                    out.integer(kid.value);
                } else {
                    out.raw("<<\012");
                    out.key("Type").name("MCR").end();
                    out.key("Pg").ref(w.page_obj(kid.page)).end();
                    out.key("MCID").integer(kid.value).end();
                    out.raw(">>");
                }
                break;
            case Kid::Kind::annot:
                out.raw("<<\012");
                out.key("Type").name("OBJR").end();
                out.key("Obj").ref(w.annot_objs_[kid.value]).end();
                out.key("Pg").ref(w.page_obj(kid.page)).end();
                out.raw(">>");
                break;
        }
        out.raw(" ");
    }
    out.raw("]").end();
}

HPDF_Dict StructureWriter::written(const char* what, std::function<void(PdfOut&)> fn) {
    Written& body = written_.emplace_back();
    body.fn = std::move(fn);
    return add_shell(doc_, body, what);
}

void StructureWriter::finish(const std::vector<HPDF_Page>& pages, const layout::Metadata& meta) {
    HPDF_Doc pdf = doc_.get();
    auto ok = [&](const char* what, HPDF_STATUS st) { doc_.check(what, st); };
    pages_ = &pages;

    // The ParentTree: key i < pages = page i's elements by MCID; then the
    // link annotations in the order they were drawn.
    const std::size_t keys = page_mcids_.size() + annots_.size();
    auto value = [this](PdfOut& out, std::size_t key) {
        if (key >= page_mcids_.size()) {
            out.ref(elems_[annots_[key - page_mcids_.size()]].obj);
            return;
        }
        out.raw("[ ");
        for (Index e : page_mcids_[key]) out.ref(elems_[e].obj).raw(" ");
        out.raw("]");
    };
    auto nums = [value](PdfOut& out, std::size_t from, std::size_t to) {
        out.key("Nums").raw("[ ");
        for (std::size_t i = from; i < to; ++i) {
            out.integer(static_cast<long long>(i)).raw(" ");
            value(out, i);
            out.raw(" ");
        }
        out.raw("]").end();
    };

    // Objects in the order libharu numbered them before: the root, the
    // Document element, every element, then the ParentTree's nodes.
    root_ = written("StructTreeRoot", [this, keys](PdfOut& out) {
        out.key("Type").name("StructTreeRoot").end();
        out.key("K").ref(document_).end();
        out.key("ParentTree").ref(tree_).end();
        out.key("ParentTreeNextKey").integer(static_cast<long long>(keys)).end();
    });
    document_ = written("the Document element", [this](PdfOut& out) {
        out.key("S").name("Document").end();
        out.key("P").ref(root_).end();
        out.key("K").raw("[ ");
        for (Index k : document_kids_) out.ref(elems_[k].obj).raw(" ");
        out.raw("]").end();
    });
    for (Elem& el : elems_) el.obj = add_shell(doc_, el, "a structure element");

    for (std::size_t p = 0; p < page_mcids_.size(); ++p) {
        ok("/StructParents", HPDF_Dict_AddNumber(pages.at(p), "StructParents", static_cast<HPDF_INT32>(p)));
        ok("/Tabs", HPDF_Dict_AddName(pages.at(p), "Tabs", "S"));
        compact_page(doc_, pages.at(p));  // a lean page's record takes them (pdf_page_lean.h)
    }
    if (keys <= kNumsPerLeaf) {
        tree_ = written("ParentTree", [nums, keys](PdfOut& out) { nums(out, 0, keys); });
    } else {
        auto leaves = std::make_shared<std::vector<HPDF_Dict>>();
        tree_ = written("ParentTree", [leaves](PdfOut& out) {
            out.key("Kids").raw("[ ");
            for (HPDF_Dict leaf : *leaves) out.ref(leaf).raw(" ");
            out.raw("]").end();
        });
        for (std::size_t from = 0; from < keys; from += kNumsPerLeaf) {
            const std::size_t to = std::min(keys, from + kNumsPerLeaf);
            leaves->push_back(written("ParentTree leaf", [nums, from, to](PdfOut& out) {
                nums(out, from, to);
                out.key("Limits").raw("[ ").integer(static_cast<long long>(from)).raw(" ");
                out.integer(static_cast<long long>(to - 1)).raw(" ]").end();
            }));
        }
    }

    HPDF_Dict catalog = pdf->catalog;
    ok("catalog /StructTreeRoot", HPDF_Dict_Add(catalog, "StructTreeRoot", root_));
    HPDF_Dict mark_info = doc_.need(HPDF_Dict_New(pdf->mmgr), "MarkInfo");
    ok("MarkInfo", HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE));
    ok("catalog /MarkInfo", HPDF_Dict_Add(catalog, "MarkInfo", mark_info));
    auto prefs = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(catalog, "ViewerPreferences", HPDF_OCLASS_DICT));
    HPDF_ResetError(pdf);  // a missing item is recorded as an error
    if (!prefs) {
        prefs = doc_.need(HPDF_Dict_New(pdf->mmgr), "ViewerPreferences");
        ok("catalog /ViewerPreferences", HPDF_Dict_Add(catalog, "ViewerPreferences", prefs));
    }
    ok("DisplayDocTitle", HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE));

    const char* producer = HPDF_GetInfoAttr(pdf, HPDF_INFO_PRODUCER);
    HPDF_ResetError(pdf);
    std::string xmp = xmp_packet(meta, producer ? producer : "");
    HPDF_Dict metadata = doc_.need(HPDF_DictStream_New(pdf->mmgr, pdf->xref), "XMP metadata");
    metadata->filter = HPDF_STREAM_FILTER_NONE;
    ok("XMP metadata", HPDF_Dict_AddName(metadata, "Type", "Metadata"));
    ok("XMP metadata", HPDF_Dict_AddName(metadata, "Subtype", "XML"));
    ok("XMP metadata", HPDF_Stream_Write(metadata->stream, reinterpret_cast<const HPDF_BYTE*>(xmp.data()),
                                         static_cast<HPDF_UINT>(xmp.size())));
    ok("catalog /Metadata", HPDF_Dict_Add(catalog, "Metadata", metadata));

    pdf->pdf_version = HPDF_VER_17;
}

}  // namespace lerbrief::render
