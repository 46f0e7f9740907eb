#pragma once
// What an event file (--event-file) and an attendees file (--attendees-file)
// say about one convening, beyond its title, date and place: the agenda and
// the people coming. Plain values with their source positions; read by
// load/event_file.cpp, printed by the convening kit (compose/agenda.cpp,
// compose/badges.cpp, compose/tents.cpp) and counted in the print manifest.
#include <string>
#include <vector>

#include "model/source_pos.h"

namespace lerbrief {

// One line of the agenda. `time` and `title` are required; the rest may be
// empty. Plain text (no markup): what the organiser typed.
struct AgendaItem {
    std::string time;     // as written: "9:00", "9:00–9:30", "After lunch"
    std::string title;
    std::string room, speaker, note;
    SourcePos pos;        // the item's mapping
};

// One person coming. `group` is a stakeholder group's id once resolved
// against the content (load::resolve_attendee_groups); empty: unknown or not
// given, which prints a neutral badge.
struct Attendee {
    std::string name;          // required
    std::string organization;  // may be empty
    std::string group;         // Stakeholder::id, or empty
    std::string group_as_written;  // what the file said, for messages
    SourcePos pos;             // the row (CSV) or the item (YAML)
};

}  // namespace lerbrief
