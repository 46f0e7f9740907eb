#pragma once
// Objects whose bodies lerbrief writes itself, from compact data, when
// libharu saves the file.
//
// Every entry of a libharu dictionary costs about 150 bytes (its key is a
// 128-byte array) plus its value object, and libharu keeps every object
// until the file is saved: the structure tree and the link annotations of a
// 4,000-page booklet took 100 MB that way. A shell is an empty libharu
// dictionary in the cross-reference table (so it has its object number, and
// other objects refer to it as usual) whose write function writes the
// entries of a Body at save time, in libharu's own format (the same bytes a
// libharu dictionary of the same entries writes).
//
// A Body must outlive the save. Errors while writing reach libharu as a
// failed write, so the save fails with RenderError as any other.
#include <hpdf.h>
#include <hpdf_objects.h>

#include <string_view>

#include "render/hpdf_handle.h"

namespace lerbrief::render {

// Writes PDF syntax to libharu's stream. Throws BodyWriteFailed when the
// stream refuses a write (caught at the shell's edge).
class PdfOut {
public:
    explicit PdfOut(HPDF_Stream stream) : stream_(stream) {}

    // "/Key " at the start of a dictionary entry; end() ends the entry.
    PdfOut& key(const char* name);
    PdfOut& end();
    PdfOut& raw(std::string_view s);
    PdfOut& name(const char* name);         // "/Name"
    PdfOut& integer(long long v);           // libharu's integer
    PdfOut& real(double v);                 // libharu's real ("399.69601")
    PdfOut& ref(const void* indirect);      // "12 0 R" for a libharu object in the xref
    PdfOut& text(std::string_view utf8);    // a text string in hex: PDFDocEncoding when printable ASCII, else UTF-16BE
    PdfOut& ascii(std::string_view ascii);  // a literal string "(…)", escaped as libharu escapes its strings

private:
    void put(HPDF_STATUS st);
    HPDF_Stream stream_;
};

class Body {
public:
    virtual ~Body() = default;
    // The entries of the dictionary, each key(…)…end(); "<<" and ">>" are
    // written around them.
    virtual void write(PdfOut& out) const = 0;
};

// A new indirect object in `doc`'s cross-reference table whose entries
// `body` writes when the document is saved. Throws RenderError.
HPDF_Dict add_shell(HpdfDoc& doc, const Body& body, const char* what);

// The object number of a libharu object in the cross-reference table.
unsigned object_number(const void* indirect);

}  // namespace lerbrief::render
