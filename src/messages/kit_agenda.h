#pragma once
// What the convening kit's agenda and worksheets (compose/agenda.cpp,
// compose/worksheets.cpp) set differently from what the content asks.
#include <cstddef>
#include <string_view>

#include "model/diagnostic.h"

namespace lerbrief::msg {

// An action area's worksheet holds one page: its last `left_out` of `total`
// bullets did not fit even at the smallest type, and were left out.
void worksheet_bullets_left_out(Diagnostics&, const SourcePos&, std::string_view area, std::size_t left_out,
                                std::size_t total);
// Not even the area's title and description fit on the page: the description was left out.
void worksheet_description_left_out(Diagnostics&, const SourcePos&, std::string_view area);
// The agenda takes more than two pages (at its first item).
void agenda_long(Diagnostics&, const SourcePos&, std::size_t pages, std::size_t items);

}  // namespace lerbrief::msg
