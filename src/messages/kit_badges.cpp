#include "messages/kit_badges.h"

#include <fmt/format.h>

#include <string>

#include "messages/messages.h"

namespace lerbrief::msg {

namespace {
constexpr std::size_t kQuotedBytes = 80;  // a name or printed text longer than this is shortened in a message
}  // namespace

void badge_name_wrapped(Diagnostics& d, const SourcePos& p, std::string_view name, double size) {
    d.warning(p, fmt::format("badge of '{}': the name is too long for one line; it prints on two lines at {:g} pt",
                             shortened(name, kQuotedBytes), size),
              "a shorter form of the name (the one people use) prints larger, on one line");
}

void badge_text_cut(Diagnostics& d, const SourcePos& p, std::string_view name, std::string_view field, int lines,
                    double size, std::string_view printed) {
    d.warning(p,
              fmt::format("badge of '{}': the {} is too long for {} line{} at {:g} pt; it prints cut, as '{}'",
                          shortened(name, kQuotedBytes),
                          field, lines, lines == 1 ? "" : "s", size, shortened(printed, kQuotedBytes)),
              fmt::format("shorten the {} in the attendees list", field));
}

void tent_name_cut(Diagnostics& d, const SourcePos& p, std::string_view group, double size,
                   std::string_view printed) {
    d.warning(p,
              fmt::format("table tent of '{}': the name is too long for three lines at {:g} pt; it prints cut, as "
                          "'{}'",
                          shortened(group, kQuotedBytes), size, shortened(printed, kQuotedBytes)),
              "give the group a shorter name (a tent is read from across the room)");
}

}  // namespace lerbrief::msg
