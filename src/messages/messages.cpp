#include "messages/messages.h"

#include <fmt/format.h>

#include <algorithm>

#include "model/limits.h"

#include "model/utf8.h"

namespace lerbrief::msg {

std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
    return out;
}

std::string join_ids(const std::vector<std::string>& ids) {
    std::string out;
    for (std::size_t i = 0; i < ids.size() && i < limits::kMaxIdsInHint; ++i) out += (i ? ", " : "") + ids[i];
    if (ids.size() > limits::kMaxIdsInHint) out += fmt::format(" and {} more", ids.size() - limits::kMaxIdsInHint);
    return out;
}

std::string shortened(std::string_view s, std::size_t max) {
    if (s.size() <= max) return std::string(s);
    return std::string(s.substr(0, utf8::floor_boundary(s, max))) + "…";
}

const char* plural(std::size_t n) { return n == 1 ? "" : "s"; }

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

std::string mib(std::size_t bytes) { return fmt::format("{} MiB", bytes / (1024 * 1024)); }

}  // namespace

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t best_d = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (const auto& c : candidates) {
        std::size_t d = edit_distance(word, c);
        if (d < best_d) best_d = d, best = c;
    }
    return best;
}

void cannot_read(Diagnostics& d, const SourcePos& p, std::string_view why) {
    d.error(p, fmt::format("cannot read file: {}", why));
}
void cannot_read_folder(Diagnostics& d, const SourcePos& p, std::string_view why) {
    d.error(p, fmt::format("cannot read content folder: {}", why), "point --data at a content folder, or name one lerbrief ships: bundled, starter");
}
void not_a_file(Diagnostics& d, const SourcePos& p) {
    d.error(p, "expected a file, found a directory");
}
void special_file(Diagnostics& d, const SourcePos& p) {
    d.error(p, "expected a file, found a pipe, socket or device");
}
void symlink_loop(Diagnostics& d, const SourcePos& p) {
    d.error(p, "cannot read file: too many levels of symbolic links",
            "a symbolic link here leads back to itself; replace it with the file");
}
void extends_not_a_name(Diagnostics& d, const SourcePos& p, std::string_view value) {
    d.error(p, fmt::format("extends: expected the name of a layout, like letter or a4, found '{}'", value),
            "a layout extends only the layouts in lerbrief's layouts folder (lerbrief --list shows them), "
            "named without a folder or .yaml");
}
void outside_content_folder(Diagnostics& d, const SourcePos& p, std::string_view why) {
    d.error(p, fmt::format("cannot read file: {}", why),
            "content files are read only inside the content folder; copy the file in instead of linking to it");
}
void file_too_large(Diagnostics& d, const SourcePos& p, std::size_t bytes) {
    d.error(p, fmt::format("file is {} bytes, over the limit of {}", bytes, mib(limits::kMaxFileBytes)),
            "split the content into several files, or remove what is not content");
}
void empty_file(Diagnostics& d, const SourcePos& p) {
    d.error(p, "file is empty", "see docs/CONTENT.md for what this file holds");
}
void invalid_utf8(Diagnostics& d, const SourcePos& p, unsigned char byte) {
    d.error(p, fmt::format("invalid UTF-8 (byte 0x{:02x})", byte), "save the file as UTF-8");
}
void control_character(Diagnostics& d, const SourcePos& p, unsigned char byte) {
    d.error(p, fmt::format("control character 0x{:02x} in a text file", byte),
            "is this a binary file? content files are UTF-8 text");
}
void too_deep(Diagnostics& d, const SourcePos& p) {
    d.error(p, fmt::format("nesting deeper than the limit of {} levels", limits::kMaxDepth));
}
void scalar_too_long(Diagnostics& d, const SourcePos& p, std::string_view field) {
    d.error(p, fmt::format("{}: text longer than the limit of {} KiB", field, limits::kMaxScalarBytes / 1024));
}
void too_many_items(Diagnostics& d, const SourcePos& p, std::string_view field, std::size_t limit) {
    d.error(p, fmt::format("{}: more than the limit of {} items", field, limit));
}
void too_many_values(Diagnostics& d, const SourcePos& p) {
    d.error(p, fmt::format("more than the limit of {} values in one file", limits::kMaxYamlValues),
            "split the content into several files");
}
void yaml_syntax(Diagnostics& d, const SourcePos& p, std::string_view what) {
    d.error(p, fmt::format("invalid YAML: {}", what));
}
void alias_refused(Diagnostics& d, const SourcePos& p) {
    d.error(p, "YAML aliases (*name) are not supported", "write the value out again instead of referring to it");
}
void duplicate_key(Diagnostics& d, const SourcePos& p, std::string_view key, int first_line) {
    d.error(p, fmt::format("duplicate key '{}'", key), fmt::format("the first '{}' is on line {}", key, first_line));
}
void complex_key(Diagnostics& d, const SourcePos& p) {
    d.error(p, "expected a plain key, found a list or mapping used as a key");
}
void second_document(Diagnostics& d, const SourcePos& p) {
    d.error(p, "more than one YAML document in the file", "remove the '---' line and what follows, or merge it");
}

void expected(Diagnostics& d, const SourcePos& p, std::string_view field, std::string_view what,
              std::string_view found) {
    d.error(p, fmt::format("{}: expected {}, found {}", field, what, found));
}
void missing_field(Diagnostics& d, const SourcePos& p, std::string_view field, std::string_view in) {
    d.error(p, fmt::format("missing required field '{}' in {}", field, in));
}
void unknown_field(Diagnostics& d, const SourcePos& p, std::string_view field,
                   const std::vector<std::string>& known) {
    std::string near = did_you_mean(field, known);
    d.warning(p, fmt::format("unknown field '{}' is ignored", field),
              near.empty() ? fmt::format("known fields here: {}", join(known))
                           : fmt::format("did you mean '{}'?", near));
}
void empty_value(Diagnostics& d, const SourcePos& p, std::string_view field) {
    d.error(p, fmt::format("{}: expected a value, found nothing", field));
}
void bad_id(Diagnostics& d, const SourcePos& p, std::string_view field, std::string_view id) {
    d.error(p, fmt::format("{}: '{}' is not a valid id", field, id),
            "ids use lowercase letters, digits and '-', like 'career-navigators'");
}

void unknown_reference(Diagnostics& d, const SourcePos& p, std::string_view what, std::string_view id,
                       const std::vector<std::string>& known) {
    if (d.full(Severity::error)) return d.count_only(Severity::error);  // counted, its hint not looked for
    std::string near = did_you_mean(id, known);
    d.error(p, fmt::format("unknown {} '{}'", what, id),
            near.empty() ? fmt::format("known: {}", join_ids(known)) : fmt::format("did you mean '{}'?", near));
}
void duplicate_id(Diagnostics& d, const SourcePos& p, std::string_view what, std::string_view id,
                  const SourcePos& first) {
    d.error(p, fmt::format("duplicate {} id '{}'", what, id),
            fmt::format("first defined at {}:{}:{}", first.file.str(), first.line, first.col));
}
void id_file_mismatch(Diagnostics& d, const SourcePos& p, std::string_view id, std::string_view stem) {
    d.warning(p, fmt::format("id '{}' differs from the file name '{}.yaml'", id, stem),
              "name the file after the id so it is easy to find");
}
void missing_content_file(Diagnostics& d, const SourcePos& p, std::string_view name) {
    d.error(p, fmt::format("missing content file '{}'", name), "see docs/CONTENT.md for the files a content folder holds");
}
void not_a_content_folder(Diagnostics& d, const SourcePos& p) {
    d.error(p, "not a content folder: found neither document.yaml nor _data/stakeholders-list.yml",
            "point --data at a folder like data/ or at a copy of the LER Ecosystem Map website");
}
void too_many_stakeholders(Diagnostics& d, const SourcePos& p) {
    d.error(p, fmt::format("more than the limit of {} stakeholder groups", limits::kMaxStakeholders));
}
void markup_error(Diagnostics& d, const SourcePos& p, std::string_view field, std::string_view what) {
    d.error(p, fmt::format("{}: {}", field, what), "write \\* or \\[ for a literal * or [");
}
void unsafe_icon_path(Diagnostics& d, const SourcePos& p, std::string_view path, std::string_view why) {
    d.warning(p, fmt::format("icon '{}' is not used: {}", path, why),
              "icons are files inside the content folder, named by a relative path");
}
void no_stakeholders(Diagnostics& d, const SourcePos& p) {
    d.error(p, "no stakeholder groups in the content");
}

void too_many_pages(Diagnostics& d, const SourcePos& p, std::string_view what, std::size_t pages) {
    d.error(p, fmt::format("{} would have {} pages, over the limit of {} pages", what, pages, limits::kMaxPages),
            "split the content into several content folders");
}

}  // namespace lerbrief::msg
