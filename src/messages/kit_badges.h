#pragma once
// Messages of the convening kit's table tents and name badges
// (compose/tents.cpp, compose/badges.cpp): text that does not fit the card
// it is printed on. Never an error: the card is printed, smaller, wrapped or
// cut, and the warning says how.
#include <string_view>

#include "model/diagnostic.h"

namespace lerbrief::msg {

// An attendee's name too long for one line at the badge's smallest name size:
// printed on two lines at `size` points.
void badge_name_wrapped(Diagnostics&, const SourcePos&, std::string_view name, double size);
// An attendee's `field` ("name", "organization") too long for the lines a
// badge gives it (`lines` at `size` points): printed cut, as `printed`.
void badge_text_cut(Diagnostics&, const SourcePos&, std::string_view name, std::string_view field, int lines,
                    double size, std::string_view printed);
// A group's name too long for a table tent's face (three lines at `size`
// points): printed cut, as `printed`.
void tent_name_cut(Diagnostics&, const SourcePos&, std::string_view group, double size, std::string_view printed);

}  // namespace lerbrief::msg
