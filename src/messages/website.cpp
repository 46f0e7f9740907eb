#include "messages/website.h"
#include "messages/messages.h"

#include <fmt/format.h>

#include "model/utf8.h"

namespace lerbrief::msg {

namespace {
constexpr const char* kNoLinks = "the group pages get no links or QR codes";

std::string found(const UrlProblem& p) {
    switch (p.fault) {
        case UrlFault::none:
            return "found nothing wrong";
        case UrlFault::nothing:
            return "found nothing";
        case UrlFault::character:
            if (p.cp == U' ') return "found a space";
            if (p.cp < 0x20 || p.cp == 0x7F)
                return "found the control character " + utf8::code_point_name(p.cp);
            if (p.cp >= 0x80)
                return "found " + utf8::code_point_name(p.cp) +
                       " (write an international name in its xn-- form)";
            return fmt::format("found '{}'", static_cast<char>(p.cp));
        case UrlFault::line_break:
            return "found more than one line";
        case UrlFault::too_long:
            return fmt::format("found {} bytes, at most {}", p.size, p.limit);
        case UrlFault::empty_part:
            return "found an empty part between dots";
        case UrlFault::part_too_long:
            return fmt::format("found a part of {} bytes between dots, at most {}", p.size, p.limit);
        case UrlFault::hyphen_edge:
            return "found a part that starts or ends with '-'";
        case UrlFault::file_too_long:
            return fmt::format("found a file of more than {} bytes", p.limit);
    }
    return {};
}
}  // namespace

void area_renamed(Diagnostics& d, const SourcePos& p, std::string_view old_id, std::string_view id,
                  std::string_view title) {
    d.warning(
        p,
        fmt::format("action area '{}' is read as '{}' ({}), its name in the current map", old_id, id, title),
        fmt::format("write '{}' to make this explicit", id));
}
void area_not_in_site(Diagnostics& d, const SourcePos& p, std::string_view ref,
                      const std::vector<std::string>& ids) {
    d.warning(
        p,
        fmt::format("action area '{}' is not in action-items-content.yml; the site printed nothing for it, "
                    "and it is left out",
                    ref),
        ids.empty() ? std::string("add the action area to _data/action-items-content.yml")
                    : fmt::format("the action areas are: {}", join_ids(ids)));
}
void both_shapes(Diagnostics& d, const SourcePos& p, std::string_view old_key, std::string_view new_key) {
    d.warning(p, fmt::format("both '{}' and '{}': only '{}' is read", old_key, new_key, new_key),
              fmt::format("remove '{}'", old_key));
}
void extra_quotes(Diagnostics& d, const SourcePos& p, std::size_t count) {
    d.warning(p, fmt::format("{} quotes: a fact sheet prints only the first", count),
              "keep the quote to print first in the list, or move it to quote-text");
}
void site_page_unreadable(Diagnostics& d, const SourcePos& p, std::string_view page, std::string_view why) {
    d.warning(p, fmt::format("{} is not read: {}; what it says is left out", page, why),
              "keep the site's pages as regular files inside the site folder");
}
void site_page_too_large(Diagnostics& d, const SourcePos& p, std::string_view page, std::size_t limit) {
    d.warning(p, fmt::format("{} is not read: more than {} bytes; what it says is left out", page, limit),
              "the site's own pages are under 10 KB; is this the right file?");
}
void site_page_not_utf8(Diagnostics& d, const SourcePos& p, std::string_view page) {
    d.warning(p, fmt::format("{} is not read: it is not UTF-8 text; what it says is left out", page),
              "save the page as UTF-8");
}
void site_page_no_paragraph(Diagnostics& d, const SourcePos& p, std::string_view page) {
    d.warning(p, fmt::format("{} has no paragraph (<p>) of text; the bundled introduction is used", page),
              "write the introduction in a <p> element, as the site does");
}
void explainer_unexpected(Diagnostics& d, const SourcePos& p, std::string_view what) {
    d.warning(p, fmt::format("lers-explained.md: {}; it is left out of 'LERs explained'", what),
              "each <h1> starts a section of paragraphs (<p>) and lists (<ul><li>); a step is an <img>, "
              "then an <h3> title and a <p>");
}
void cname_not_utf8(Diagnostics& d, const SourcePos& p) {
    d.warning(p, fmt::format("CNAME is not UTF-8 text; {}", kNoLinks),
              "write the site's host name in CNAME, like lermap.t3networkhub.org");
}
void cname_not_host(Diagnostics& d, const SourcePos& p, const UrlProblem& why) {
    d.warning(p, fmt::format("CNAME: expected a host name, {}; {}", found(why), kNoLinks),
              "write the site's host name alone on the first line, like lermap.t3networkhub.org");
}
void permalink_not_path(Diagnostics& d, const SourcePos& p, const UrlProblem& why) {
    d.warning(
        p,
        fmt::format("collections.stakeholders.permalink: expected a URL path, {}; /stakeholder/ is used",
                    found(why)),
        "write a path like /stakeholder/:name");
}

void site_lang_not_a_tag(Diagnostics& d, const SourcePos& p, std::string_view value) {
    d.warning(p, fmt::format("lang: '{}' is not a language tag; the edition is in en-US", value),
              "write a BCP 47 tag such as en-US, es or es-MX, or give --language");
}

void website_intro_in_english(Diagnostics& d, const SourcePos& at, std::string_view language) {
    d.warning(at, fmt::format("the website copy has no introduction of its own: the booklet's introduction is the "
                              "bundled one, in English, in an edition in '{}'", language),
              "add an intro.yaml in our schema, translated, beside _data/ (docs/CONTENT.md, \"Editions in other languages\")");
}

}  // namespace lerbrief::msg
