#include "messages/event.h"

#include <fmt/format.h>

#include "messages/messages.h"
#include "model/limits.h"
#include "model/utf8.h"

namespace lerbrief::msg {

namespace {

// A value as the user wrote it, safe on a terminal.
std::string shown(std::string_view s) { return utf8::printable(s, false); }

constexpr const char* kHeader = "name,organization,group";

}  // namespace

void too_many_agenda_items(Diagnostics& d, const SourcePos& p, std::size_t items) {
    d.error(p, fmt::format("agenda: {} items, more than the limit of {}", items, limits::kMaxAgendaItems),
            "an agenda prints on one or two pages: put the sessions of a block in one item (with a note)");
}
void too_many_attendees(Diagnostics& d, const SourcePos& p, std::size_t attendees) {
    d.error(p, fmt::format("attendees: {} attendees, more than the limit of {}", attendees, limits::kMaxAttendees),
            "split the list and print the badges in several runs");
}

void attendees_file_too_large(Diagnostics& d, const SourcePos& p, std::size_t bytes) {
    d.error(p,
            fmt::format("attendees file is {} bytes, over the limit of {} MiB", bytes,
                        limits::kMaxAttendeesFileBytes / (1024 * 1024)),
            fmt::format("keep only the columns {}, or split the list and print the badges in several runs", kHeader));
}
void attendees_file_not_utf8(Diagnostics& d, const SourcePos& p, unsigned char byte) {
    d.error(p, fmt::format("invalid UTF-8 (byte 0x{:02x})", byte),
            "save the file as UTF-8 (in a spreadsheet: \"CSV UTF-8\")");
}
void attendees_file_empty(Diagnostics& d, const SourcePos& p) {
    d.error(p, "attendees file is empty",
            fmt::format("the first row names the columns, like: {}; then one row per attendee", kHeader));
}
void csv_no_name_column(Diagnostics& d, const SourcePos& p) {
    d.error(p, "the header row has no 'name' column",
            fmt::format("the first row names the columns, like: {} (organization and group may be left out)",
                        kHeader));
}
void csv_unknown_column(Diagnostics& d, const SourcePos& p, std::string_view column,
                        const std::vector<std::string>& known) {
    const std::string near = did_you_mean(column, known);
    d.warning(p, fmt::format("unknown column '{}' is ignored", shown(column)),
              near.empty() ? fmt::format("known columns: {}", join(known)) : fmt::format("did you mean '{}'?", near));
}
void csv_unnamed_column(Diagnostics& d, const SourcePos& p, std::size_t column) {
    d.warning(p, fmt::format("column {} has no name in the header row and is ignored", column),
              fmt::format("known columns: {}", kHeader));
}
void csv_column_twice(Diagnostics& d, const SourcePos& p, std::string_view column, std::size_t first) {
    d.error(p, fmt::format("column '{}' is named twice (first as column {})", column, first),
            "delete or rename one of them");
}
void csv_field_count(Diagnostics& d, const SourcePos& p, std::size_t expected, std::size_t found) {
    d.error(p, fmt::format("row has {} field{}, expected {} (as the header row has)", found, plural(found), expected),
            found > expected ? "a value holding a comma must be quoted: \"Smith, Jones & Co\""
                             : "add the missing fields (they may be empty: name,,group)");
}
void csv_quote_left_open(Diagnostics& d, const SourcePos& p) {
    d.error(p, "quoted field is never closed: the quote opened here runs to the end of the file",
            "close the quote; a quote inside a quoted field is written twice (\"\")");
}
void csv_stray_quote(Diagnostics& d, const SourcePos& p) {
    d.error(p, "quote inside an unquoted field",
            "quote the whole field and write the quote twice: \"The \"\"Hub\"\" team\"");
}
void csv_text_after_quote(Diagnostics& d, const SourcePos& p) {
    d.error(p, "text after a quoted field's closing quote",
            "a quote inside a quoted field is written twice (\"\"), and the field ends at the quote");
}
void csv_value_too_long(Diagnostics& d, const SourcePos& p, std::string_view field, std::size_t bytes) {
    d.error(p, fmt::format("{}: {} bytes, over the limit of {} KiB", field, bytes, limits::kMaxScalarBytes / 1024),
            "is a quote missing? a value this long swallows the rows after it");
}
void attendees_file_lists_nobody(Diagnostics& d, const SourcePos& p) {
    d.warning(p, "attendees file lists nobody: no badges are made",
              fmt::format("add a row per attendee under the header {}", kHeader));
}
void csv_empty_name(Diagnostics& d, const SourcePos& p) {
    d.error(p, "name: expected a value, found nothing", "every attendee needs a name; delete the row if it is not one");
}
void csv_too_many_rows(Diagnostics& d, const SourcePos& p) {
    d.error(p, fmt::format("more than the limit of {} attendees", limits::kMaxAttendees),
            "split the list and print the badges in several runs");
}
void csv_errors_capped(Diagnostics& d, const SourcePos& p, std::size_t shown_errors) {
    d.error(p, fmt::format("stopped reading after {} errors", shown_errors), "mend these and run lerbrief again");
}

void unknown_attendee_group(Diagnostics& d, const SourcePos& p, std::string_view group, std::size_t others,
                            std::string_view near) {
    const std::string also =
        others == 0 ? std::string() : fmt::format(" (and {} more attendee{})", others, plural(others));
    d.warning(p,
              fmt::format("group '{}' is not a stakeholder group: the badge{} show{} no group{}", shown(group),
                          others == 0 ? "" : "s", others == 0 ? "s" : "", also),
              near.empty() ? "write a group's name or id; lerbrief --list shows them"
                           : fmt::format("did you mean '{}'?", near));
}
void more_unknown_attendee_groups(Diagnostics& d, const SourcePos& p, std::size_t groups, std::size_t attendees) {
    d.warning(p,
              fmt::format("{} more group{} that {} no stakeholder group ({} attendee{}): the badges show no group",
                          groups, plural(groups), groups == 1 ? "names" : "name", attendees, plural(attendees)),
              "write a group's name or id; lerbrief --list shows them");
}

}  // namespace lerbrief::msg
