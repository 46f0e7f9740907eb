#include "load/event_file.h"

#include "load/fields.h"

namespace lerbrief::load {

// STUB (#19 foundation): title, date and place only; agenda and attendees are
// being written (load/event_file.cpp, load/attendees_csv.cpp).
std::optional<EventFile> read_event_file(const std::string& path, Diagnostics& diags) {
    auto root = read_mapping_file(path, "event file", diags);
    if (!root) return std::nullopt;
    EventFile ev;
    Fields f(*root, "", "an event file", {"title", "date", "place", "agenda", "attendees"}, diags);
    ev.title = f.plain("title", Need::optional);
    ev.date = f.plain("date", Need::optional);
    ev.place = f.plain("place", Need::optional);
    f.finish();
    ev.positions = event_file_positions(*root);
    if (diags.has_errors()) return std::nullopt;
    return ev;
}

std::optional<std::vector<Attendee>> read_attendees_csv(const std::string&, Diagnostics&) {
    return std::vector<Attendee>{};
}

void resolve_attendee_groups(std::vector<Attendee>&, const Content&, Diagnostics&) {}

}  // namespace lerbrief::load
