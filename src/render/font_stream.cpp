#include "render/font_stream.h"

#include <hpdf_doc.h>
#include <hpdf_error.h>
#include <hpdf_fontdef.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>
#include <new>

#include "layout/font.h"
#include "render/bytes_stream.h"
#include "render/hpdf_handle.h"

namespace lerbrief::render {

namespace {

// The next subset tag, as libharu gives one to each embedded TrueType font
// it loads: HPDFAA, HPDFAB, …
void next_tag(HPDF_Doc pdf) {
    if (pdf->ttfont_tag[0] == 0) {
        std::memcpy(pdf->ttfont_tag, "HPDFAA", 6);
        return;
    }
    for (int i = 5; i >= 0; --i) {
        pdf->ttfont_tag[i] += 1;
        if (pdf->ttfont_tag[i] <= 'Z') break;
        pdf->ttfont_tag[i] = 'A';
    }
}

// A copy of `n` items from `from` in `mmgr`'s memory (null for none); false
// when there is no memory.
template <class T>
bool copy_items(HPDF_MMgr mmgr, T*& out, const T* from, std::size_t n) {
    out = nullptr;
    if (!from || n == 0) return true;
    out = static_cast<T*>(HPDF_GetMem(mmgr, sizeof(T) * n));
    if (!out) return false;
    std::memcpy(out, from, sizeof(T) * n);
    return true;
}

// Whether copy_font_def knows every table `def` holds: a TrueType font's
// definition as LoadFontData leaves it, nothing else allocated.
bool copyable(HPDF_FontDef def) {
    const auto* a = static_cast<const HPDF_TTFontDefAttr_Rec*>(def->attr);
    return def->type == HPDF_FONTDEF_TYPE_TRUETYPE && a && !a->char_set && !def->data && !def->descriptor &&
           a->num_glyphs > 0 && a->cmap.seg_count_x2 % 2 == 0;
}

// `from` (a definition libharu parsed, copyable) copied into `mmgr`'s memory, reading
// its file from `stream` (owned from here): every field as parsed, every
// table libharu allocated copied (each sized as libharu sized it), so that
// the copy is freed as a parsed one is. Null when there is no memory.
HPDF_FontDef copy_font_def(HPDF_MMgr mmgr, HPDF_FontDef from, HPDF_Stream stream) {
    HPDF_FontDef def = HPDF_TTFontDef_New(mmgr);
    if (!def) {
        HPDF_Stream_Free(stream);
        return nullptr;
    }
    auto* to = static_cast<HPDF_TTFontDefAttr>(def->attr);
    const auto* f = static_cast<const HPDF_TTFontDefAttr_Rec*>(from->attr);
    *to = *f;
    // none of `from`'s tables may stay: freeing the copy would free them
    to->char_set = nullptr;
    to->glyph_tbl.offsets = nullptr;
    to->glyph_tbl.flgs = nullptr;
    to->name_tbl.name_records = nullptr;
    to->h_metric = nullptr;
    to->offset_tbl.table = nullptr;
    to->cmap.end_count = to->cmap.start_count = to->cmap.id_range_offset = to->cmap.glyph_id_array = nullptr;
    to->cmap.id_delta = nullptr;
    to->stream = stream;
    const std::size_t segments = f->cmap.seg_count_x2 / 2u;
    const bool copied = copy_items(mmgr, to->glyph_tbl.offsets, f->glyph_tbl.offsets, f->num_glyphs + 1u) &&
                        copy_items(mmgr, to->glyph_tbl.flgs, f->glyph_tbl.flgs, f->num_glyphs) &&
                        copy_items(mmgr, to->name_tbl.name_records, f->name_tbl.name_records, f->name_tbl.count) &&
                        copy_items(mmgr, to->h_metric, f->h_metric, f->num_glyphs) &&
                        copy_items(mmgr, to->offset_tbl.table, f->offset_tbl.table, f->offset_tbl.num_tables) &&
                        copy_items(mmgr, to->cmap.end_count, f->cmap.end_count, segments) &&
                        copy_items(mmgr, to->cmap.start_count, f->cmap.start_count, segments) &&
                        copy_items(mmgr, to->cmap.id_delta, f->cmap.id_delta, segments) &&
                        copy_items(mmgr, to->cmap.id_range_offset, f->cmap.id_range_offset, segments) &&
                        copy_items(mmgr, to->cmap.glyph_id_array, f->cmap.glyph_id_array, f->cmap.glyph_id_array_count);
    if (!copied) {
        HPDF_FontDef_Free(def);
        return nullptr;
    }
    // the definition's own fields as parsed (names, metrics, flags), but its
    // memory, error and attributes
    const HPDF_FontDef_Rec own = *def;
    *def = *from;
    def->sig_bytes = own.sig_bytes;
    def->mmgr = own.mmgr;
    def->error = own.error;
    def->clean_fn = own.clean_fn;
    def->free_fn = own.free_fn;
    def->init_fn = own.init_fn;
    def->attr = own.attr;
    return def;
}

// Definitions libharu parsed, once a process a file: its parse reads the
// file two bytes at a time through the stream (~1.1 M instructions a face,
// and `--all` loads five faces in each of eleven documents); each document
// gets a copy (copy_font_def). They live in memory of their own, never
// written to after their parse, read by any thread while their file's bytes
// are held (a document copying one holds them, in its stream); the one
// instance lives as long as the process.
class ParsedFonts {
public:
    // The definition parsed from `bytes`; null when libharu refused them or
    // made what copy_font_def does not know.
    HPDF_FontDef get(const std::shared_ptr<const std::string>& bytes) {
        std::lock_guard lock(mutex_);
        if (auto it = parsed_.find(bytes.get()); it != parsed_.end() && !it->second.bytes.expired())
            return it->second.def;
        forget_unheld();
        if (!doc_) doc_ = std::make_unique<HpdfDoc>();
        HPDF_MMgr mmgr = doc_->get()->mmgr;
        HPDF_Stream stream = bytes_stream(mmgr, bytes);
        HPDF_FontDef def = stream ? HPDF_TTFontDef_Load(mmgr, stream, HPDF_TRUE) : nullptr;
        if (!def || !copyable(def)) {  // the document parses them itself, and says why it cannot
            if (def) HPDF_FontDef_Free(def);
            HPDF_ResetError(doc_->get());
            def = nullptr;
        } else {  // read no more: a copy reads its own stream, and the bytes are held only by their users
            auto* attr = static_cast<HPDF_TTFontDefAttr>(def->attr);
            HPDF_Stream_Free(attr->stream);
            attr->stream = nullptr;
        }
        parsed_[bytes.get()] = Parsed{bytes, def};
        return def;
    }

private:
    // Definitions of bytes no one holds any more: no copy of them can be
    // under way, and new bytes may come at their address.
    void forget_unheld() {
        for (auto it = parsed_.begin(); it != parsed_.end();) {
            if (!it->second.bytes.expired()) {
                ++it;
                continue;
            }
            if (it->second.def) HPDF_FontDef_Free(it->second.def);
            it = parsed_.erase(it);
        }
    }

    struct Parsed {
        std::weak_ptr<const std::string> bytes;
        HPDF_FontDef def = nullptr;
    };
    std::mutex mutex_;
    std::unique_ptr<HpdfDoc> doc_;  // whose memory the definitions are in
    std::map<const std::string*, Parsed> parsed_;
};

}  // namespace

const char* load_font_bytes(HpdfDoc& doc, std::shared_ptr<const std::string> bytes) {
    HPDF_Doc pdf = doc.get();
    if (!bytes || bytes->size() > layout::kMaxFontFileBytes) {
        HPDF_SetError(&pdf->error, HPDF_INVALID_PARAMETER, 0);
        return nullptr;
    }
    HPDF_Stream stream = bytes_stream(pdf->mmgr, std::move(bytes));
    if (!stream) {
        HPDF_SetError(&pdf->error, HPDF_FAILD_TO_ALLOC_MEM, 0);
        return nullptr;
    }
    // never freed: a thread may still copy from it while the process exits
    static ParsedFonts& parsed = *new ParsedFonts;
    HPDF_FontDef def = nullptr;
    if (HPDF_FontDef model = parsed.get(*stream_bytes(stream)))
        def = copy_font_def(pdf->mmgr, model, stream);  // owns the stream from here
    else
        def = HPDF_TTFontDef_Load(pdf->mmgr, stream, HPDF_TRUE);  // owns it from here; its error is the document's
    if (!def) return nullptr;
    // libharu looks for a definition of the same name here; none can be one:
    // every embedded definition in the document is named with its tag
    // (HPDFAA+…) and this one is not yet (PdfFonts loads each file once).
    if (HPDF_List_Add(pdf->fontdef_list, def) != HPDF_OK) {
        HPDF_FontDef_Free(def);
        return nullptr;
    }
    next_tag(pdf);
    HPDF_TTFontDef_SetTagName(def, reinterpret_cast<char*>(pdf->ttfont_tag));
    return def->base_font;
}

std::string_view font_bytes(HPDF_Stream stream) {
    const std::shared_ptr<const std::string>* bytes = stream_bytes(stream);
    return bytes ? std::string_view(**bytes) : std::string_view();
}

}  // namespace lerbrief::render
