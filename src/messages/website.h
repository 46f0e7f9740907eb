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
void area_not_in_site(Diagnostics&, const SourcePos&, std::string_view ref,
                      const std::vector<std::string>& ids);
// Both an older and a newer key for the same thing ("action-area" and "action-areas").
void both_shapes(Diagnostics&, const SourcePos&, std::string_view old_key, std::string_view new_key);
// A `quotes:` list with more than one quote: the fact sheet prints one.
void extra_quotes(Diagnostics&, const SourcePos&, std::size_t count);

// The site's pages read for what they print around _data/ (load/site_pages.cpp):
// lers-explained.md, _includes/action-areas-intro.html. `page` is the path in
// the site folder. Each is a warning: the page, or the part, is left out.
void site_page_unreadable(Diagnostics&, const SourcePos&, std::string_view page, std::string_view why);
void site_page_too_large(Diagnostics&, const SourcePos&, std::string_view page, std::size_t limit);
void site_page_not_utf8(Diagnostics&, const SourcePos&, std::string_view page);
void site_page_no_paragraph(Diagnostics&, const SourcePos&, std::string_view page);
// Something in lers-explained.md that is not a section, paragraph, list or
// step: `what` says what was found ("found no <h1> heading", "a paragraph
// before the first <h1> heading").
void explainer_unexpected(Diagnostics&, const SourcePos&, std::string_view what);

// The CNAME file, and the permalink in _config.yml: the base of every
// group's URL. When they cannot make a URL, the groups get no links or QR codes.
// What is wrong with the host name or path, found by load/site_url.cpp.
enum class UrlFault {
    none,
    nothing,        // an empty name
    character,      // `cp` may not be there (a space, a control character, ':' …)
    line_break,     // a second line
    too_long,       // `size` bytes, over `limit`
    empty_part,     // ".." in a host name
    part_too_long,  // a part between dots of `size` bytes, over `limit`
    hyphen_edge,    // a part that starts or ends with '-'
    file_too_long,  // the CNAME file is over `limit` bytes
};
struct UrlProblem {
    UrlFault fault = UrlFault::none;
    std::size_t at = 0;  // byte offset of the fault in the name
    char32_t cp = 0;
    std::size_t size = 0, limit = 0;
};
void cname_not_utf8(Diagnostics&, const SourcePos&);
void cname_not_host(Diagnostics&, const SourcePos&, const UrlProblem&);
void permalink_not_path(Diagnostics&, const SourcePos&, const UrlProblem&);
// _config.yml's `lang:` (the site's language) is not a BCP 47 tag.
void site_lang_not_a_tag(Diagnostics&, const SourcePos&, std::string_view value);
// A website copy in another language with no intro.yaml of its own (src/app/content_loader.cpp).
void website_intro_in_english(Diagnostics&, const SourcePos&, std::string_view language);

}  // namespace lerbrief::msg
