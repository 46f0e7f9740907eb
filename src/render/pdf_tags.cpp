#include "render/pdf_tags.h"

#include <fmt/format.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include <algorithm>

#include "model/utf8.h"
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

namespace {

// A text string: the bytes themselves when ASCII (PDFDocEncoding), else
// UTF-16BE with a byte-order mark; written in hex.
HPDF_Binary text_string(HpdfDoc& doc, std::string_view utf8) {
    std::string bytes;
    if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return c >= 0x20 && c < 0x7F; })) {
        bytes = utf8;
    } else {
        bytes = "\xFE\xFF";
        auto unit = [&](unsigned u) { bytes += static_cast<char>(u >> 8), bytes += static_cast<char>(u & 0xFF); };
        for (std::size_t i = 0; i < utf8.size();) {
            char32_t c = utf8::next(utf8, i);
            if (c == utf8::kInvalid) continue;
            if (c > 0xFFFF) {
                c -= 0x10000;
                unit(0xD800 + (c >> 10));
                unit(0xDC00 + (c & 0x3FF));
            } else {
                unit(static_cast<unsigned>(c));
            }
        }
    }
    return doc.need(HPDF_Binary_New(doc.get()->mmgr, reinterpret_cast<HPDF_BYTE*>(bytes.data()),
                                    static_cast<HPDF_UINT>(bytes.size())),
                    "a text string");
}

}  // namespace

StructureWriter::StructureWriter(HpdfDoc& doc, std::size_t page_count) : doc_(doc), page_mcids_(page_count) {}

void StructureWriter::add_kid(std::size_t parent, Kid kid) {
    if (parent == kDocument)
        document_kids_.push_back(kid.elem);
    else
        elems_[parent].kids.push_back(kid);
}

std::size_t StructureWriter::element(const layout::Tag& tag) {
    if (auto it = index_.find(tag.get()); it != index_.end()) return it->second;
    // Ancestors first: a parent takes its place when its first child does.
    std::size_t parent = tag->parent ? element(tag->parent) : kDocument;
    std::size_t e = elems_.size();
    elems_.push_back(Elem{tag, parent, {}, false, 0});  // holds the node: its address stays unique
    index_.emplace(tag.get(), e);
    add_kid(parent, Kid{Kid::Kind::elem, e});
    return e;
}

int StructureWriter::mark(const layout::Tag& tag, std::size_t page) {
    std::size_t e = element(tag);
    auto& mcids = page_mcids_.at(page);
    int mcid = static_cast<int>(mcids.size());
    mcids.push_back(e);
    Elem& el = elems_[e];
    if (!el.has_page) el.has_page = true, el.page = page;
    el.kids.push_back(Kid{Kid::Kind::mcid, 0, page, mcid, nullptr});
    return mcid;
}

void StructureWriter::touch(const layout::Tag& tag) {
    if (tag) element(tag);
}

void StructureWriter::link(const layout::Tag& tag, HPDF_Annotation annot, std::size_t page,
                           const std::string& contents) {
    std::size_t parent = tag ? element(tag) : kDocument;
    std::size_t e = elems_.size();
    elems_.push_back(Elem{nullptr, parent, {}, true, page});
    add_kid(parent, Kid{Kid::Kind::elem, e});
    elems_[e].kids.push_back(Kid{Kid::Kind::annot, 0, page, 0, annot});
    const auto key = static_cast<HPDF_INT32>(page_mcids_.size() + annots_.size());
    annots_.emplace_back(annot, e);
    doc_.check("setting a link's /StructParent", HPDF_Dict_AddNumber(annot, "StructParent", key));
    doc_.check("setting a link's /Contents", HPDF_Dict_Add(annot, "Contents", text_string(doc_, contents)));
}

namespace {

// An indirect dictionary.
HPDF_Dict new_object(HpdfDoc& doc, const char* what) {
    HPDF_Doc pdf = doc.get();
    HPDF_Dict d = doc.need(HPDF_Dict_New(pdf->mmgr), what);
    doc.check(what, HPDF_Xref_Add(pdf->xref, d));
    return d;
}

HPDF_Dict new_direct(HpdfDoc& doc, const char* what) { return doc.need(HPDF_Dict_New(doc.get()->mmgr), what); }
HPDF_Array new_array(HpdfDoc& doc, const char* what) { return doc.need(HPDF_Array_New(doc.get()->mmgr), what); }

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

void StructureWriter::finish(const std::vector<HPDF_Page>& pages, const layout::Metadata& meta) {
    HPDF_Doc pdf = doc_.get();
    auto ok = [&](const char* what, HPDF_STATUS st) { doc_.check(what, st); };

    HPDF_Dict root = new_object(doc_, "StructTreeRoot");
    HPDF_Dict document = new_object(doc_, "the Document element");
    std::vector<HPDF_Dict> dicts;
    dicts.reserve(elems_.size());
    for (std::size_t i = 0; i < elems_.size(); ++i) dicts.push_back(new_object(doc_, "a structure element"));

    ok("StructTreeRoot", HPDF_Dict_AddName(root, "Type", "StructTreeRoot"));
    ok("StructTreeRoot /K", HPDF_Dict_Add(root, "K", document));
    ok("Document", HPDF_Dict_AddName(document, "Type", "StructElem"));
    ok("Document", HPDF_Dict_AddName(document, "S", "Document"));
    ok("Document /P", HPDF_Dict_Add(document, "P", root));
    HPDF_Array doc_kids = new_array(doc_, "Document /K");
    for (std::size_t k : document_kids_) ok("Document /K", HPDF_Array_Add(doc_kids, dicts[k]));
    ok("Document /K", HPDF_Dict_Add(document, "K", doc_kids));

    for (std::size_t i = 0; i < elems_.size(); ++i) {
        const Elem& el = elems_[i];
        HPDF_Dict d = dicts[i];
        ok("StructElem", HPDF_Dict_AddName(d, "Type", "StructElem"));
        ok("StructElem /S", HPDF_Dict_AddName(d, "S", el.node ? std::string(role_name(el.node->role)).c_str() : "Link"));
        ok("StructElem /P", HPDF_Dict_Add(d, "P", el.parent == kDocument ? document : dicts[el.parent]));
        if (el.has_page) ok("StructElem /Pg", HPDF_Dict_Add(d, "Pg", pages.at(el.page)));
        if (el.node && !el.node->alt.empty()) ok("StructElem /Alt", HPDF_Dict_Add(d, "Alt", text_string(doc_, el.node->alt)));
        if (el.node && !el.node->actual_text.empty())
            ok("StructElem /ActualText", HPDF_Dict_Add(d, "ActualText", text_string(doc_, el.node->actual_text)));
        if (el.node && el.node->role == Role::th && scope_name(el.node->scope)) {
            HPDF_Dict a = new_direct(doc_, "TH /A");
            ok("TH /A", HPDF_Dict_AddName(a, "O", "Table"));
            ok("TH /A", HPDF_Dict_AddName(a, "Scope", scope_name(el.node->scope)));
            ok("TH /A", HPDF_Dict_Add(d, "A", a));
        }
        if (el.kids.empty()) continue;
        HPDF_Array k = new_array(doc_, "StructElem /K");
        for (const Kid& kid : el.kids) {
            switch (kid.kind) {
                case Kid::Kind::elem: ok("StructElem /K", HPDF_Array_Add(k, dicts[kid.elem])); break;
                case Kid::Kind::mcid:
                    if (kid.page == el.page) {
                        ok("StructElem /K", HPDF_Array_AddNumber(k, kid.mcid));
                    } else {
                        HPDF_Dict mcr = new_direct(doc_, "MCR");
                        ok("MCR", HPDF_Dict_AddName(mcr, "Type", "MCR"));
                        ok("MCR", HPDF_Dict_Add(mcr, "Pg", pages.at(kid.page)));
                        ok("MCR", HPDF_Dict_AddNumber(mcr, "MCID", kid.mcid));
                        ok("StructElem /K", HPDF_Array_Add(k, mcr));
                    }
                    break;
                case Kid::Kind::annot: {
                    HPDF_Dict objr = new_direct(doc_, "OBJR");
                    ok("OBJR", HPDF_Dict_AddName(objr, "Type", "OBJR"));
                    ok("OBJR", HPDF_Dict_Add(objr, "Obj", kid.annot));
                    ok("OBJR", HPDF_Dict_Add(objr, "Pg", pages.at(kid.page)));
                    ok("StructElem /K", HPDF_Array_Add(k, objr));
                    break;
                }
            }
        }
        ok("StructElem /K", HPDF_Dict_Add(d, "K", k));
    }

    // The ParentTree: key i < pages = page i's elements by MCID; then the
    // link annotations in the order they were drawn.
    std::vector<std::pair<HPDF_INT32, void*>> entries;
    for (std::size_t p = 0; p < page_mcids_.size(); ++p) {
        HPDF_Array a = new_array(doc_, "ParentTree page entry");
        for (std::size_t e : page_mcids_[p]) ok("ParentTree", HPDF_Array_Add(a, dicts[e]));
        entries.emplace_back(static_cast<HPDF_INT32>(p), a);
        ok("/StructParents", HPDF_Dict_AddNumber(pages.at(p), "StructParents", static_cast<HPDF_INT32>(p)));
        ok("/Tabs", HPDF_Dict_AddName(pages.at(p), "Tabs", "S"));
    }
    for (std::size_t i = 0; i < annots_.size(); ++i)
        entries.emplace_back(static_cast<HPDF_INT32>(page_mcids_.size() + i), dicts[annots_[i].second]);
    auto nums = [&](HPDF_Dict node, std::size_t from, std::size_t to) {
        HPDF_Array a = new_array(doc_, "ParentTree /Nums");
        for (std::size_t i = from; i < to; ++i) {
            ok("ParentTree /Nums", HPDF_Array_AddNumber(a, entries[i].first));
            ok("ParentTree /Nums", HPDF_Array_Add(a, entries[i].second));
        }
        ok("ParentTree /Nums", HPDF_Dict_Add(node, "Nums", a));
    };
    HPDF_Dict tree = new_object(doc_, "ParentTree");
    if (entries.size() <= kNumsPerLeaf) {
        nums(tree, 0, entries.size());
    } else {
        HPDF_Array kids = new_array(doc_, "ParentTree /Kids");
        for (std::size_t from = 0; from < entries.size(); from += kNumsPerLeaf) {
            std::size_t to = std::min(entries.size(), from + kNumsPerLeaf);
            HPDF_Dict leaf = new_object(doc_, "ParentTree leaf");
            nums(leaf, from, to);
            HPDF_Array limits = new_array(doc_, "ParentTree /Limits");
            ok("ParentTree /Limits", HPDF_Array_AddNumber(limits, entries[from].first));
            ok("ParentTree /Limits", HPDF_Array_AddNumber(limits, entries[to - 1].first));
            ok("ParentTree /Limits", HPDF_Dict_Add(leaf, "Limits", limits));
            ok("ParentTree /Kids", HPDF_Array_Add(kids, leaf));
        }
        ok("ParentTree /Kids", HPDF_Dict_Add(tree, "Kids", kids));
    }
    ok("StructTreeRoot /ParentTree", HPDF_Dict_Add(root, "ParentTree", tree));
    ok("StructTreeRoot /ParentTreeNextKey",
       HPDF_Dict_AddNumber(root, "ParentTreeNextKey", static_cast<HPDF_INT32>(entries.size())));

    HPDF_Dict catalog = pdf->catalog;
    ok("catalog /StructTreeRoot", HPDF_Dict_Add(catalog, "StructTreeRoot", root));
    HPDF_Dict mark_info = new_direct(doc_, "MarkInfo");
    ok("MarkInfo", HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE));
    ok("catalog /MarkInfo", HPDF_Dict_Add(catalog, "MarkInfo", mark_info));
    auto prefs = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(catalog, "ViewerPreferences", HPDF_OCLASS_DICT));
    HPDF_ResetError(pdf);  // a missing item is recorded as an error
    if (!prefs) {
        prefs = new_direct(doc_, "ViewerPreferences");
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
