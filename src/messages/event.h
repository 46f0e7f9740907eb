#pragma once
// Messages about the event file's agenda and attendees and the attendees
// file (--attendees-file), load/event_file.cpp and load/attendees_csv.cpp.
// Positions are the value's, the CSV's row's or cell's (file:line:col).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"

namespace lerbrief::msg {

// The event file's lists
void too_many_agenda_items(Diagnostics&, const SourcePos&, std::size_t items);
void too_many_attendees(Diagnostics&, const SourcePos&, std::size_t attendees);

// The attendees file (CSV)
void attendees_file_too_large(Diagnostics&, const SourcePos&, std::size_t bytes);
void attendees_file_not_utf8(Diagnostics&, const SourcePos&, unsigned char byte);
void attendees_file_empty(Diagnostics&, const SourcePos&);
void csv_no_name_column(Diagnostics&, const SourcePos&);
void csv_unknown_column(Diagnostics&, const SourcePos&, std::string_view column, const std::vector<std::string>& known);
void csv_unnamed_column(Diagnostics&, const SourcePos&, std::size_t column);
void csv_column_twice(Diagnostics&, const SourcePos&, std::string_view column, std::size_t first);
void csv_field_count(Diagnostics&, const SourcePos&, std::size_t expected, std::size_t found);
void csv_quote_left_open(Diagnostics&, const SourcePos&);
void csv_stray_quote(Diagnostics&, const SourcePos&);
void csv_text_after_quote(Diagnostics&, const SourcePos&);
void csv_empty_name(Diagnostics&, const SourcePos&);
// A value over limits::kMaxScalarBytes (`field`: "name"…).
void csv_value_too_long(Diagnostics&, const SourcePos&, std::string_view field, std::size_t bytes);
// A header and no attendee: no badges (a warning at the file).
void attendees_file_lists_nobody(Diagnostics&, const SourcePos&);
void csv_too_many_rows(Diagnostics&, const SourcePos&);
void csv_errors_capped(Diagnostics&, const SourcePos&, std::size_t shown);

// Attendees' groups (load::resolve_attendee_groups). `others`: attendees
// after the first who wrote the same group; `near`: the closest group's
// name or id, or empty.
void unknown_attendee_group(Diagnostics&, const SourcePos&, std::string_view group, std::size_t others,
                            std::string_view near);
void more_unknown_attendee_groups(Diagnostics&, const SourcePos&, std::size_t groups, std::size_t attendees);

}  // namespace lerbrief::msg
