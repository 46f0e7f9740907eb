#pragma once
// The event file (--event-file) and the attendees file (--attendees-file):
// the convening's title, date and place (the event line of every document),
// its agenda (agenda.pdf) and the people coming (badges.pdf, and the copies
// in the print manifest). Read in every mode that builds, whatever it
// writes, so `--check` and every build refuse the same files.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/text_check.h"
#include "model/content.h"
#include "model/diagnostic.h"
#include "model/event.h"

namespace lerbrief::load {

struct EventFile {
    std::optional<std::string> title, date, place;
    EventPositions positions;  // of title, date and place (glyph coverage)
    std::vector<AgendaItem> agenda;
    std::vector<Attendee> attendees;
};

// Reads an event file: a mapping with title, date, place, and optionally
// `agenda:` (a list of {time, title, room, speaker, note}) and `attendees:`
// (a list of {name, organization, group}). nullopt when it could not be read
// or holds errors (in `diags`, at file:line:col).
std::optional<EventFile> read_event_file(const std::string& path, Diagnostics& diags);

// Reads a CSV file of attendees: UTF-8, a header row naming the columns
// name, organization and group (in any order; name is required), one row an
// attendee, RFC 4180 quoting. Errors at file:line:col (a row with the wrong
// number of fields, bytes that are not UTF-8, a quote left open, more than
// limits::kMaxAttendees rows); nullopt after an error.
std::optional<std::vector<Attendee>> read_attendees_csv(const std::string& path, Diagnostics& diags);
// The same for the file's bytes, read already (`path` names it in messages).
// A byte order mark is skipped; CRLF and LF end rows; blank rows (every field
// empty) are skipped; values are trimmed. At most limits::kMaxAttendeesCsvErrors
// errors are reported, then reading stops.
std::optional<std::vector<Attendee>> read_attendees_csv_text(std::string_view bytes, const std::string& path,
                                                             Diagnostics& diags);

// Each attendee's group, as written (a group's id or its name, any case),
// becomes the group's id; one that names no group is a warning with a "did
// you mean" at the attendee, and its badge is neutral (group left empty).
// Matching is case-insensitive, ignores surrounding and repeated blanks, and
// takes ' for ’ (and " for “ ”); a group's short-name matches too. One warning
// per group as written (at its first attendee, counting the others); past
// limits::kMaxUnknownGroupWarnings groups, one warning counts the rest.
void resolve_attendee_groups(std::vector<Attendee>& attendees, const Content& content, Diagnostics& diags);

}  // namespace lerbrief::load
