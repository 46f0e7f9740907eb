#include "messages/lint.h"

#include <fmt/format.h>

#include <algorithm>

#include "messages/messages.h"
#include "model/limits.h"

namespace lerbrief::msg {

namespace {

// Where the whole map is, for content that holds only part of it.
constexpr const char* kFullMap =
    "the full map is the LER Ecosystem Map website's data "
    "(https://github.com/digitalcredentials/ler-ecosystem-map-v2): build from a copy with --data SITE_DIR, "
    "or convert it to this schema with `lerbrief --import SITE_DIR --data DIR`";

void add(Lint& l, const SourcePos& p, std::string message, std::string hint) {
    if (l.strict)
        l.diags.error(p, message + " [--strict]", std::move(hint));
    else
        l.diags.warning(p, std::move(message), std::move(hint));
}

std::string at(const SourcePos& here, const SourcePos& first) {
    if (first.file == here.file) return fmt::format("line {}", first.line);
    return fmt::format("{}:{}:{}", first.file.str(), first.line, first.col);
}

}  // namespace

void run_together(Lint& l, const SourcePos& p, std::string_view field, std::string_view word, std::string_view left,
                  std::string_view right) {
    add(l, p, fmt::format("{}: '{}' looks like two words run together", field, word),
        fmt::format("write '{} {}' if a space is missing", left, right));
}

void placeholder(Lint& l, const SourcePos& p, std::string_view field, std::string_view word) {
    add(l, p, fmt::format("{}: placeholder text '{}'", field, word), "write the real text before printing");
}

void empty_title(Lint& l, const SourcePos& p, std::string_view field) {
    add(l, p, fmt::format("{}: no words in it, only punctuation or markup", field), "write the real title");
}

void resource_without_url(Lint& l, const SourcePos& p, std::string_view title) {
    add(l, p, fmt::format("resource '{}' has no URL", title), "add its url: a reader cannot follow a title alone");
}

void duplicate_url(Lint& l, const SourcePos& p, std::string_view title, std::string_view first_title,
                   const SourcePos& first) {
    if (title == first_title)
        add(l, p, fmt::format("resource '{}' is listed twice (also at {})", title, at(p, first)), "remove one of the two");
    else
        add(l, p, fmt::format("resource '{}' has the URL of '{}' ({})", title, first_title, at(p, first)),
            "one of the two URLs is probably wrong: give each resource its own");
}

void duplicate_term(Lint& l, const SourcePos& p, std::string_view term, const SourcePos& first) {
    add(l, p, fmt::format("glossary term '{}' is defined twice (also at {})", term, at(p, first)),
        "merge the two definitions into one");
}

void groups_without_content(Lint& l, const SourcePos& p, const std::vector<std::string>& ids, std::size_t total) {
    std::vector<std::string> named(ids.begin(), ids.begin() + std::min(ids.size(), limits::kMaxGroupsNamed));
    if (named.size() < ids.size()) named.push_back(fmt::format("and {} more", ids.size() - named.size()));
    add(l, p,
        fmt::format("{} of the {} stakeholder groups have no content (no definition), so no fact sheet: {}", ids.size(),
                    total, join(named)),
        kFullMap);
}

void unsafe_picture_path(Diagnostics& d, const SourcePos& p, std::string_view path, std::string_view why) {
    d.warning(p, fmt::format("picture '{}' is not used: {}", path, why),
              "pictures are .png or .svg files inside the content folder, named by a relative path");
}

void stale_output(Diagnostics& d, const SourcePos& p, const std::vector<std::string>& names) {
    d.warning(p,
              fmt::format("{} file{} in the fact-sheet folder {} not from this run: {}", names.size(),
                          plural(names.size()), names.size() == 1 ? "is" : "are", join(names)),
              "a group renamed or removed since they were written? they are listed in the print manifest "
              "and left as they are: delete them if they are out of date");
}

}  // namespace lerbrief::msg
