#pragma once
// Messages about the LER Ecosystem Map website's data folder (--data SITE):
// its historical shapes, read as the site printed them, and its CNAME.
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"

namespace lerbrief::msg {

// A group names an action area by a short id of an older state of the map,
// read as one of the current areas ("defining" → "promoting").
void area_renamed(Diagnostics&, const SourcePos&, std::string_view old_id, std::string_view id,
                  std::string_view title);
// A group names an action area that is not in the data: the site printed
// nothing for it, and neither does lerbrief.
void area_not_in_site(Diagnostics&, const SourcePos&, std::string_view ref, const std::vector<std::string>& ids);
// Both an older and a newer key for the same thing ("action-area" and "action-areas").
void both_shapes(Diagnostics&, const SourcePos&, std::string_view old_key, std::string_view new_key);
// A `quotes:` list with more than one quote: the fact sheet prints one.
void extra_quotes(Diagnostics&, const SourcePos&, std::size_t count);

// The CNAME file, and the permalink in _config.yml: the base of every
// group's URL. When they cannot make a URL, the groups get no links or QR codes.
void cname_not_utf8(Diagnostics&, const SourcePos&);
void cname_not_host(Diagnostics&, const SourcePos&, std::string_view why);
void permalink_not_path(Diagnostics&, const SourcePos&, std::string_view why);

}  // namespace lerbrief::msg
