#pragma once
// What composing the pages sets differently from what the content asks:
// a picture that cannot be read is left out (the step prints without it).
#include <string>
#include <string_view>

#include "model/diagnostic.h"

namespace lerbrief::msg {

// The what() of exceptions compose throws (the job reports them with their
// own messages; these are for a debugger or an uncaught report).
std::string fit_error_text(std::string_view group, std::string_view page, double overflow_pt);
std::string qr_not_encoded_text(std::string_view url);

// `why` names the file and what is wrong ("PATH: picture: no such file").
void picture_not_drawn(Diagnostics&, const SourcePos&, std::string_view why);

// The event line (--event, --date, --place) is too long for the footer of a
// page: the footer shows `shown` instead of `full`.
void event_line_shortened(Diagnostics&, std::string_view full, std::string_view shown);

}  // namespace lerbrief::msg
