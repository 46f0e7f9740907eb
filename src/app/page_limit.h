#pragma once
// The page limit (limits::kMaxPages) on each document, checked after layout
// and before anything is rendered or written.
#include <string_view>

#include "layout/document.h"
#include "model/diagnostic.h"

namespace lerbrief {

// False, with an error at `where` naming `what` and the limit, when `doc`
// has more than limits::kMaxPages pages.
bool within_page_limit(const layout::Document& doc, std::string_view what, const SourcePos& where, Diagnostics& diags);

// Thrown by a document's build once within_page_limit has said why.
struct OverPageLimit {};

}  // namespace lerbrief
