#pragma once
// Every string of the content model that ends up in print or in a PDF's
// metadata, visited once with its position, its field name and what it can
// hold. The text pass (load/text_check.cpp) and glyph coverage
// (app/glyph_cover.cpp) walk the model through this one list, so a field
// added to the model is added here once.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "model/content.h"

namespace lerbrief {

enum class TextKind {
    line,       // a title, name or label: one line, no paragraph breaks
    paragraph,  // running text: may hold paragraphs ("\n\n")
    url,        // a URL, printed as text and used as a link
    metadata,   // only in the PDF's document information, never drawn
};

using TextVisitor = std::function<void(std::string& value, const SourcePos& pos, std::string_view field, TextKind kind)>;

void for_each_text(Content& c, const TextVisitor& visit);

// The bytes of every string of one group's that the walk above visits: how
// much a group has to say, which the set's type size search uses to guess
// which sheet is the fullest (compose/factsheet.cpp).
std::size_t text_bytes(const Stakeholder& s);

}  // namespace lerbrief
