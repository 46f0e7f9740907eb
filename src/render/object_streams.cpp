#include "render/object_streams.h"

#include <hpdf_consts.h>
#include <hpdf_encrypt.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "render/flate.h"
#include "render/kept_deflate.h"
#include "render/render_error.h"

namespace lerbrief::render {

namespace {

// Objects in one object stream: qpdf's choice too. More compress a little
// better (200: −0.7 % on the website booklet), and a reader inflates the
// whole stream to read any one of them.
constexpr std::size_t kObjectsPerStream = 100;

// libharu keeps offsets (and its streams' sizes) in 32 bits.
constexpr unsigned long long kMaxFileBytes = 0xFFFFFFFFull;

// Our marks in libharu's cross-reference entries (entry_typ), which hold the
// table until it is written:
constexpr char kInObjectStream = 'c';  // byte_offset: the object stream's number; gen_no: the index in it
constexpr char kOurs = 'w';            // an object stream or the table, written already; byte_offset: where

HPDF_XrefEntry entry_at(HPDF_Xref xref, HPDF_UINT i) { return static_cast<HPDF_XrefEntry>(xref->entries->obj[i]); }

unsigned number_of(const void* obj) { return static_cast<const HPDF_Obj_Header*>(obj)->obj_id & 0x00FFFFFF; }

bool is_dict(const void* obj) {
    return (static_cast<const HPDF_Obj_Header*>(obj)->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_DICT;
}

// libharu calls these from its C frames: nothing may unwind through them.
HPDF_STATUS append_to_string(HPDF_Stream s, const HPDF_BYTE* p, HPDF_UINT n) {
    try {
        static_cast<std::string*>(s->attr)->append(reinterpret_cast<const char*>(p), n);
        return HPDF_OK;
    } catch (...) {
        return HPDF_SetError(s->error, HPDF_FAILD_TO_ALLOC_MEM, 0);
    }
}

// Every byte of the file passes here on its way to the caller's stream: it
// is counted past libharu's 32 bits, and hashed for the file's /ID.
struct Tally {
    HPDF_Stream next = nullptr;
    HPDF_MD5_CTX md5{};
    unsigned long long bytes = 0;
    bool too_large = false;
};

HPDF_STATUS tally_write(HPDF_Stream s, const HPDF_BYTE* p, HPDF_UINT n) {
    auto* t = static_cast<Tally*>(s->attr);
    if (t->bytes + n > kMaxFileBytes) {
        t->too_large = true;
        return HPDF_SetError(s->error, HPDF_FILE_IO_ERROR, 0);
    }
    t->bytes += n;
    HPDF_MD5Update(&t->md5, p, n);
    return HPDF_Stream_Write(t->next, p, n);
}

class Writer {
public:
    Writer(HpdfDoc& doc, HPDF_Stream out)
        : doc_(doc), pdf_(doc.get()), tally_{out},
          out_(doc.need(HPDF_CallbackWriter_New(pdf_->mmgr, tally_write, &tally_), "HPDF_CallbackWriter_New")),
          values_(doc.need(HPDF_CallbackWriter_New(pdf_->mmgr, append_to_string, &body_), "HPDF_CallbackWriter_New")) {
        HPDF_MD5Init(&tally_.md5);
    }

    void header() {
        put(fmt::format("%PDF-1.{}\n%\xB7\xBE\xAD\xAA\n", 2 + static_cast<int>(pdf_->pdf_version)));
    }

    // Saving may add objects (a font's file is made when the font is
    // written): the count is read again each time.
    void objects() {
        HPDF_Xref xref = pdf_->xref;
        for (HPDF_UINT i = 1; i < xref->entries->count; ++i) {
            HPDF_XrefEntry e = entry_at(xref, i);
            if (e->entry_typ == kOurs) continue;
            if (!e->obj || number_of(e->obj) != i) throw RenderError("pdf: an object is not where the table has it");
            if (is_dict(e->obj) && static_cast<HPDF_Dict>(e->obj)->stream) write_stream(i, e);
            else add_to_object_stream(i, e);
        }
        flush();
    }

    void table() {
        HPDF_Xref xref = pdf_->xref;
        const unsigned self = reserve();
        entry_at(xref, self)->byte_offset = out_->size;
        const HPDF_UINT size = xref->entries->count;
        // the widest second field: an offset (each before this one), or an
        // object stream's number (each below `size`)
        const unsigned long long widest = std::max<unsigned long long>(out_->size, size);
        int width = 1;
        while (width < 8 && (widest >> (8 * width)) != 0) ++width;
        const std::size_t row = 1 + static_cast<std::size_t>(width) + 2;
        // The PNG "Up" predictor: each row as its difference from the one
        // above, which makes the table's columns compress to almost nothing.
        PieceDeflater z;
        std::string prev(row, '\0'), cur(row, '\0'), piece;
        for (HPDF_UINT i = 0; i < size; ++i) {
            HPDF_XrefEntry e = entry_at(xref, i);
            unsigned type = 1, third = 0;
            unsigned long long second = e->byte_offset;
            if (i == 0) type = 0, second = 0, third = 65535;
            else if (e->entry_typ == kInObjectStream) type = 2, third = e->gen_no;
            else if (e->entry_typ == HPDF_FREE_ENTRY) type = 0, second = 0;
            cur[0] = static_cast<char>(type);
            for (int b = 0; b < width; ++b) cur[1 + b] = static_cast<char>((second >> (8 * (width - 1 - b))) & 0xFF);
            cur[row - 2] = static_cast<char>(third >> 8);
            cur[row - 1] = static_cast<char>(third & 0xFF);
            piece += '\x02';
            for (std::size_t b = 0; b < row; ++b) piece += static_cast<char>(cur[b] - prev[b]);
            prev.swap(cur);
            if (piece.size() >= 65536) z.add(piece), piece.clear();
        }
        z.add(piece);
        const std::string data = z.finish();
        const unsigned long long at = out_->size;
        // The /ID: the body's MD5, the same bytes every run for the same
        // content, as PDF 2.0 and print preflight ask for.
        HPDF_BYTE digest[16];
        HPDF_MD5Final(digest, &tally_.md5);
        std::string id;
        for (HPDF_BYTE b : digest) id += fmt::format("{:02X}", b);
        std::string info = pdf_->info ? fmt::format(" /Info {} 0 R", number_of(pdf_->info)) : std::string();
        put(fmt::format("{} 0 obj\n<< /Type /XRef /Size {} /W [ 1 {} 2 ] /Root {} 0 R{} /ID [ <{}> <{}> ] "
                        "/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns {} >> /Length {} >>\nstream\n",
                        self, size, width, number_of(pdf_->catalog), info, id, id, row, data.size()));
        put(data);
        put(fmt::format("\nendstream\nendobj\nstartxref\n{}\n%%EOF\n", at));
    }

private:
    void ok(std::string_view what, HPDF_STATUS status) {
        if (tally_.too_large)
            throw RenderError(fmt::format("pdf: the file would pass {} bytes, the most lerbrief writes", kMaxFileBytes));
        doc_.check(what, status);
    }

    void put(std::string_view bytes) {
        ok("writing the file", HPDF_Stream_Write(out_.get(), reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                                                 static_cast<HPDF_UINT>(bytes.size())));
    }

    void write_stream(HPDF_UINT i, HPDF_XrefEntry e) {
        e->entry_typ = HPDF_IN_USE_ENTRY;
        e->byte_offset = out_->size;
        put(fmt::format("{} 0 obj\n", i));
        ok("HPDF_Obj_WriteValue", HPDF_Obj_WriteValue(e->obj, out_.get(), nullptr));
        put("\nendobj\n");
        // libharu sets a stream's /Length object once the stream is
        // written; it must not be in an object stream already.
        void* length = HPDF_Dict_GetItem(static_cast<HPDF_Dict>(e->obj), "Length", HPDF_OCLASS_NUMBER);
        if (length && (static_cast<HPDF_Obj_Header*>(length)->obj_id & HPDF_OTYPE_INDIRECT) &&
            entry_at(pdf_->xref, number_of(length))->entry_typ == kInObjectStream)
            throw RenderError("pdf: a stream's length was written before the stream");
    }

    void add_to_object_stream(HPDF_UINT i, HPDF_XrefEntry e) {
        index_ += fmt::format("{} {} ", i, body_.size());
        ok("HPDF_Obj_WriteValue", HPDF_Obj_WriteValue(e->obj, values_.get(), nullptr));
        body_ += '\n';
        // a hook that made the dictionary a stream as it was written
        if (is_dict(e->obj) && static_cast<HPDF_Dict>(e->obj)->stream)
            throw RenderError("pdf: a dictionary became a stream as it was written");
        e->entry_typ = kInObjectStream;
        e->gen_no = static_cast<HPDF_UINT16>(members_.size());
        members_.push_back(e);
        if (members_.size() == kObjectsPerStream) flush();
    }

    // A number for an object of ours: an empty dictionary that holds its
    // place in libharu's table (and is freed with the document, unwritten).
    unsigned reserve() {
        HPDF_Dict place = doc_.need(HPDF_Dict_New(pdf_->mmgr), "HPDF_Dict_New");
        doc_.check("HPDF_Xref_Add", HPDF_Xref_Add(pdf_->xref, place));  // frees it should it fail
        const unsigned n = number_of(place);
        entry_at(pdf_->xref, n)->entry_typ = kOurs;
        return n;
    }

    void flush() {
        if (members_.empty()) return;
        const unsigned self = reserve();
        entry_at(pdf_->xref, self)->byte_offset = out_->size;
        for (HPDF_XrefEntry m : members_) m->byte_offset = self;
        const std::size_t first = index_.size();
        index_ += body_;
        const std::string data = kept_deflate(index_);
        put(fmt::format("{} 0 obj\n<< /Type /ObjStm /N {} /First {} /Filter /FlateDecode /Length {} >>\nstream\n", self,
                        members_.size(), first, data.size()));
        put(data);
        put("\nendstream\nendobj\n");
        members_.clear();
        index_.clear();
        body_.clear();
    }

    HpdfDoc& doc_;
    HPDF_Doc pdf_;
    Tally tally_;
    std::string body_;   // the values of the object stream being filled, one a line
    std::string index_;  // its "number offset" pairs
    StreamPtr out_;      // counts and hashes into tally_.next
    StreamPtr values_;   // writes into body_
    std::vector<HPDF_XrefEntry> members_;
};

}  // namespace

void write_compact_file(HpdfDoc& doc, HPDF_Stream out) {
    HPDF_Doc pdf = doc.get();
    if (pdf->xref->prev || pdf->xref->start_offset != 0 || pdf->encrypt_on)
        throw RenderError("pdf: the document has a table lerbrief does not write");
    if (!pdf->catalog) throw RenderError("pdf: the document has no catalog");
    for (HPDF_UINT i = 0; i < pdf->xref->entries->count; ++i) {
        const char mark = entry_at(pdf->xref, i)->entry_typ;
        if (mark == kInObjectStream || mark == kOurs) throw RenderError("pdf: the document was saved already");
    }
    if (pdf->pdf_version < HPDF_VER_15) pdf->pdf_version = HPDF_VER_15;  // object streams are PDF 1.5
    Writer w(doc, out);
    w.header();
    w.objects();
    w.table();
}

}  // namespace lerbrief::render
