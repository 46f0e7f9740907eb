#pragma once
// URIs for link annotations. A PDF URI action holds 7-bit ASCII (PDF 32000-1
// §12.6.4.7): bytes outside printable ASCII are percent-encoded (RFC 3986
// §2.1), so an IRI from the content still works when clicked.
#include <string>
#include <string_view>

namespace lerbrief::render {

// Throws RenderError naming `where` when the result would be longer than
// libharu's 65,535-byte strings.
std::string ascii_uri(std::string_view uri, std::string_view where);

}  // namespace lerbrief::render
