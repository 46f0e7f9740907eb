#include "messages/kit_agenda.h"

#include <fmt/format.h>

namespace lerbrief::msg {

void worksheet_bullets_left_out(Diagnostics& d, const SourcePos& at, std::string_view area, std::size_t left_out,
                                std::size_t total) {
    d.warning(at,
              fmt::format("the worksheet of action area '{}' is one page: its last {} of {} bullets do not fit and are "
                          "left out",
                          area, left_out, total),
              "shorten the area's bullets or its description, or choose a layout with smaller type");
}

void worksheet_description_left_out(Diagnostics& d, const SourcePos& at, std::string_view area) {
    d.warning(at,
              fmt::format("the worksheet of action area '{}' is one page: its description does not fit and is left out",
                          area),
              "shorten the area's description");
}

void agenda_long(Diagnostics& d, const SourcePos& at, std::size_t pages, std::size_t items) {
    d.warning(at, fmt::format("the agenda's {} items take {} pages; a printed agenda is one page or two", items, pages),
              "shorten the notes, or make one agenda a day with an event file each");
}

}  // namespace lerbrief::msg
