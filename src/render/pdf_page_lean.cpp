#include "render/pdf_page_lean.h"

#include <hpdf_error.h>
#include <hpdf_gstate.h>
#include <hpdf_list.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <cstring>
#include <string_view>
#include <vector>

#include "render/render_error.h"

namespace lerbrief::render {

namespace {

// libharu's page attributes, as it made them, and the page's record. The
// block replaces libharu's own and is freed as libharu freed its own
// (HPDF_FreeMem in the page's free function).
struct LeanAttr {
    HPDF_PageAttr_Rec page;
    PageRecord* record;
};

HPDF_STATUS append_to_string(HPDF_Stream stream, const HPDF_BYTE* p, HPDF_UINT n) {
    try {
        static_cast<std::string*>(stream->attr)->append(reinterpret_cast<const char*>(p), n);
        return HPDF_OK;
    } catch (...) {  // nothing may unwind through libharu's C frames
        return HPDF_FAILD_TO_ALLOC_MEM;
    }
}

// A libharu stream appending to a string: what libharu's writer writes to
// the file, written now.
class StringStream {
public:
    StringStream(HpdfDoc& doc, HPDF_MMgr mmgr, std::string& out)
        : doc_(doc), stream_(doc.need(HPDF_CallbackWriter_New(mmgr, append_to_string, &out), "HPDF_CallbackWriter_New")) {}
    ~StringStream() { HPDF_Stream_Free(stream_); }
    StringStream(const StringStream&) = delete;
    StringStream& operator=(const StringStream&) = delete;

    // One dictionary entry exactly as HPDF_Dict_Write writes it (nothing
    // for a hidden value). No encryption: LeanPages::adopt refuses it.
    void entry(HPDF_DictElement e) {
        const auto* header = static_cast<const HPDF_Obj_Header*>(e->value);
        if (!header) throw RenderError("pdf: a page entry has no value");
        if (header->obj_id & HPDF_OTYPE_HIDDEN) return;
        HPDF_STATUS st = HPDF_Stream_WriteEscapeName(stream_, e->key);
        if (st == HPDF_OK) st = HPDF_Stream_WriteChar(stream_, ' ');
        if (st == HPDF_OK) st = HPDF_Obj_Write(e->value, stream_, nullptr);
        if (st == HPDF_OK) st = HPDF_Stream_WriteStr(stream_, "\012");
        doc_.check("writing a page entry", st);
    }

private:
    HpdfDoc& doc_;
    HPDF_Stream stream_;
};

std::vector<HPDF_DictElement> entries(HPDF_Dict dict) {
    std::vector<HPDF_DictElement> out;
    for (HPDF_UINT i = 0; i < dict->list->count; ++i)
        out.push_back(static_cast<HPDF_DictElement>(HPDF_List_ItemAt(dict->list, i)));
    return out;
}

// Frees the entries (their direct values; indirect objects are the xref's)
// and the dictionary's list block.
void drop(HPDF_Dict dict, const std::vector<HPDF_DictElement>& gone) {
    for (HPDF_DictElement e : gone) {
        HPDF_Obj_Free(dict->mmgr, e->value);
        HPDF_FreeMem(dict->mmgr, e);
    }
    HPDF_List_Clear(dict->list);
}

// A dictionary HPDF_Dict_Write writes as "<<\012", its entries, ">>".
bool plain(HPDF_Dict d) {
    return d->header.obj_class == HPDF_OCLASS_DICT && !(d->header.obj_id & HPDF_OTYPE_INDIRECT) &&
           !d->before_write_fn && !d->write_fn && !d->stream;
}

// The page dictionary's write_fn: the record, after the entries libharu
// wrote from the dictionary's list, which must be none.
HPDF_STATUS write_record(HPDF_Dict page, HPDF_Stream stream) {
    const auto* lean = static_cast<const LeanAttr*>(page->attr);
    const PageRecord* r = lean ? lean->record : nullptr;
    if (!r || page->list->count != 0 || !r->resources)  // out of order, or never drawn
        return HPDF_SetError(page->error, HPDF_INVALID_OBJECT, 0);
    return HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(r->bytes.data()),
                             static_cast<HPDF_UINT>(r->bytes.size()));
}

// Moves the page's entries into `r` (see the header). `adopting`: the
// first time, /Resources stays in the page, its own entries move.
void move_entries(HpdfDoc& doc, HPDF_Page page, PageRecord& r, bool adopting) {
    const std::vector<HPDF_DictElement> all = entries(page);
    if (all.empty()) return;
    // Written first, applied after: nothing is freed unless all went well.
    std::string front, back, procset = r.procset;
    HPDF_DictElement kept = nullptr;
    HPDF_Dict resources = nullptr;
    std::vector<HPDF_DictElement> resource_entries;
    bool past = r.resources;
    {
        StringStream to_front(doc, page->mmgr, front), to_back(doc, page->mmgr, back);
        for (HPDF_DictElement e : all) {
            if (!past && std::strcmp(e->key, "Resources") == 0) {
                resources = static_cast<HPDF_Dict>(e->value);
                if (!plain(resources)) throw RenderError("pdf: a page's /Resources is not a plain dictionary");
                resource_entries = entries(resources);
                std::string inner;
                {
                    StringStream to_inner(doc, page->mmgr, inner);
                    for (HPDF_DictElement re : resource_entries) to_inner.entry(re);
                }
                procset += inner;
                if (adopting) {
                    kept = e;
                } else {
                    front += "/Resources <<\012" + procset + ">>\012";
                    procset.clear();
                }
                past = true;
                continue;
            }
            (past ? to_back : to_front).entry(e);
        }
    }
    if (adopting && !kept) throw RenderError("pdf: a page has no /Resources");
    r.bytes.insert(r.split, front);
    r.split += front.size();
    r.bytes += back;
    r.procset = std::move(procset);
    if (resources) drop(resources, resource_entries);
    std::vector<HPDF_DictElement> gone;
    for (HPDF_DictElement e : all)
        if (e != kept) gone.push_back(e);
    if (kept) {  // /Resources alone in the page's list, in the block it has (nothing to fail)
        for (HPDF_DictElement e : gone) {
            HPDF_Obj_Free(page->mmgr, e->value);
            HPDF_FreeMem(page->mmgr, e);
        }
        page->list->obj[0] = kept;
        page->list->count = 1;
        return;
    }
    drop(page, gone);
    if (resources) {
        r.resources = true;
        r.procset.shrink_to_fit();
        // The resource dictionaries are gone: nothing may be drawn now.
        auto* attr = static_cast<HPDF_PageAttr>(page->attr);
        attr->fonts = attr->xobjects = attr->ext_gstates = nullptr;
        // The graphics state is only needed while drawing; a page left in a
        // saved state keeps it, for libharu to close it at the save.
        if (attr->gstate && !attr->gstate->prev && attr->gmode == HPDF_GMODE_PAGE_DESCRIPTION) {
            HPDF_GState_Free(page->mmgr, attr->gstate);
            attr->gstate = nullptr;
        }
    }
    r.bytes.shrink_to_fit();
}

}  // namespace

void LeanPages::adopt(HPDF_Page page) {
    HPDF_Doc pdf = doc_.get();
    if (pdf->encrypt_on) return;  // strings would be encrypted when saved: keep libharu's page
    if (!HPDF_Page_Validate(page) || page->write_fn)
        throw RenderError("pdf: only a page libharu made can be made lean");
    PageRecord& r = records_.emplace_back();
    auto* lean = static_cast<LeanAttr*>(HPDF_GetMem(page->mmgr, sizeof(LeanAttr)));
    doc_.need(lean, "HPDF_GetMem");
    std::memcpy(&lean->page, page->attr, sizeof(HPDF_PageAttr_Rec));
    lean->record = &r;
    HPDF_FreeMem(page->mmgr, page->attr);
    page->attr = lean;
    page->write_fn = write_record;
    move_entries(doc_, page, r, true);
}

bool is_lean(HPDF_Page page) { return page && page->write_fn == write_record; }

bool is_finished(HPDF_Page page) {
    return is_lean(page) && static_cast<const LeanAttr*>(page->attr)->record->resources;
}

void compact_page(HpdfDoc& doc, HPDF_Page page) {
    if (!is_lean(page)) return;
    move_entries(doc, page, *static_cast<LeanAttr*>(page->attr)->record, false);
}

}  // namespace lerbrief::render
