#include "render/pdf_body.h"

#include <hpdf_streams.h>

#include <algorithm>
#include <string>

#include "model/utf8.h"
#include "render/render_error.h"

namespace lerbrief::render {

namespace {

struct BodyWriteFailed {
    HPDF_STATUS status;
};

HPDF_STATUS write_body(HPDF_Dict dict, HPDF_Stream stream) {
    const auto* body = static_cast<const Body*>(dict->attr);
    if (!body) return HPDF_INVALID_OBJECT;
    try {
        PdfOut out(stream);
        body->write(out);
        return HPDF_OK;
    } catch (const BodyWriteFailed& f) {
        return f.status;
    } catch (...) {  // nothing may unwind through libharu's C frames
        return HPDF_FAILD_TO_ALLOC_MEM;
    }
}

void forget_body(HPDF_Dict dict) { dict->attr = nullptr; }  // libharu must not free it

}  // namespace

void PdfOut::put(HPDF_STATUS st) {
    if (st != HPDF_OK) throw BodyWriteFailed{st};
}

PdfOut& PdfOut::key(const char* name) {
    put(HPDF_Stream_WriteEscapeName(stream_, name));
    put(HPDF_Stream_WriteChar(stream_, ' '));
    return *this;
}

PdfOut& PdfOut::end() {
    put(HPDF_Stream_WriteStr(stream_, "\012"));
    return *this;
}

PdfOut& PdfOut::raw(std::string_view s) {
    put(HPDF_Stream_Write(stream_, reinterpret_cast<const HPDF_BYTE*>(s.data()), static_cast<HPDF_UINT>(s.size())));
    return *this;
}

PdfOut& PdfOut::name(const char* name) {
    put(HPDF_Stream_WriteEscapeName(stream_, name));
    return *this;
}

PdfOut& PdfOut::integer(long long v) {
    put(HPDF_Stream_WriteInt(stream_, static_cast<HPDF_INT>(v)));
    return *this;
}

PdfOut& PdfOut::real(double v) {
    put(HPDF_Stream_WriteReal(stream_, static_cast<HPDF_REAL>(v)));
    return *this;
}

PdfOut& PdfOut::ref(const void* indirect) {
    put(HPDF_Stream_WriteUInt(stream_, object_number(indirect)));
    put(HPDF_Stream_WriteStr(stream_, " 0 R"));
    return *this;
}

PdfOut& PdfOut::text(std::string_view utf8) {
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
    put(HPDF_Stream_WriteChar(stream_, '<'));
    put(HPDF_Stream_WriteBinary(stream_, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                                static_cast<HPDF_UINT>(bytes.size()), nullptr));
    put(HPDF_Stream_WriteChar(stream_, '>'));
    return *this;
}

PdfOut& PdfOut::ascii(std::string_view s) {
    put(HPDF_Stream_WriteEscapeText2(stream_, s.data(), static_cast<HPDF_UINT>(s.size())));
    return *this;
}

unsigned object_number(const void* indirect) {
    const auto* header = static_cast<const HPDF_Obj_Header*>(indirect);
    return header->obj_id & 0x00FFFFFF;
}

HPDF_Dict add_shell(HpdfDoc& doc, const Body& body, const char* what) {
    HPDF_Doc pdf = doc.get();
    HPDF_Dict d = doc.need(HPDF_Dict_New(pdf->mmgr), what);
    // added first: should the xref refuse it, it frees the dictionary
    doc.check(what, HPDF_Xref_Add(pdf->xref, d));
    d->attr = const_cast<Body*>(&body);
    d->write_fn = write_body;
    d->free_fn = forget_body;
    return d;
}

}  // namespace lerbrief::render
