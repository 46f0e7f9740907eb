#include "app/page_limit.h"

#include "messages/messages.h"
#include "model/limits.h"

namespace lerbrief {

bool within_page_limit(const layout::Document& doc, std::string_view what, const SourcePos& where, Diagnostics& diags) {
    if (doc.pages.size() <= limits::kMaxPages) return true;
    msg::too_many_pages(diags, where, what, doc.pages.size());
    return false;
}

}  // namespace lerbrief
