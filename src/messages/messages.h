#pragma once
// Every message a user reads is built in src/messages/, in one place,
// so the wording stays consistent and tests can pin it exactly. Messages are
// short and lowercase; a hint says what to do when there is something to do.
// `field` is the dotted path of the value inside its file ("quote.text",
// "roles[2].phase").
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"

namespace lerbrief::msg {

// Reading files
void cannot_read(Diagnostics&, const SourcePos&, std::string_view why);
void cannot_read_folder(Diagnostics&, const SourcePos&, std::string_view why);
void not_a_file(Diagnostics&, const SourcePos&);
void special_file(Diagnostics&, const SourcePos&);
void symlink_loop(Diagnostics&, const SourcePos&);
void outside_content_folder(Diagnostics&, const SourcePos&, std::string_view why);
void extends_not_a_name(Diagnostics&, const SourcePos&, std::string_view value);
void file_too_large(Diagnostics&, const SourcePos&, std::size_t bytes);
void empty_file(Diagnostics&, const SourcePos&);
void invalid_utf8(Diagnostics&, const SourcePos&, unsigned char byte);
void control_character(Diagnostics&, const SourcePos&, unsigned char byte);
void too_deep(Diagnostics&, const SourcePos&);
void scalar_too_long(Diagnostics&, const SourcePos&, std::string_view field);
void too_many_items(Diagnostics&, const SourcePos&, std::string_view field, std::size_t limit);
void too_many_values(Diagnostics&, const SourcePos&);
void yaml_syntax(Diagnostics&, const SourcePos&, std::string_view what);
void alias_refused(Diagnostics&, const SourcePos&);
void duplicate_key(Diagnostics&, const SourcePos&, std::string_view key, int first_line);
void complex_key(Diagnostics&, const SourcePos&);
void second_document(Diagnostics&, const SourcePos&);

// Shape of values
void expected(Diagnostics&, const SourcePos&, std::string_view field, std::string_view what,
              std::string_view found);
void missing_field(Diagnostics&, const SourcePos&, std::string_view field, std::string_view in);
void unknown_field(Diagnostics&, const SourcePos&, std::string_view field,
                   const std::vector<std::string>& known);
void empty_value(Diagnostics&, const SourcePos&, std::string_view field);
void bad_id(Diagnostics&, const SourcePos&, std::string_view field, std::string_view id);

// References and identity
void unknown_reference(Diagnostics&, const SourcePos&, std::string_view what, std::string_view id,
                       const std::vector<std::string>& known);
void duplicate_id(Diagnostics&, const SourcePos&, std::string_view what, std::string_view id,
                  const SourcePos& first);
void id_file_mismatch(Diagnostics&, const SourcePos&, std::string_view id, std::string_view file_stem);
void missing_content_file(Diagnostics&, const SourcePos&, std::string_view name);
void not_a_content_folder(Diagnostics&, const SourcePos&);
void too_many_stakeholders(Diagnostics&, const SourcePos&);
void markup_error(Diagnostics&, const SourcePos&, std::string_view field, std::string_view what);
void unsafe_icon_path(Diagnostics&, const SourcePos&, std::string_view path, std::string_view why);
void no_stakeholders(Diagnostics&, const SourcePos&);

// Output
// `what`: "the booklet", "the fact sheet of 'employers'".
void too_many_pages(Diagnostics&, const SourcePos&, std::string_view what, std::size_t pages);

// "a, b, c"
std::string join(const std::vector<std::string>& items);
// At most limits::kMaxIdsInHint of `ids`, then "and N more".
std::string join_ids(const std::vector<std::string>& ids);
// "s" unless n is 1: fmt::format("{} file{}", n, plural(n))
const char* plural(std::size_t n);
// The first `max` bytes of s, not cutting a UTF-8 sequence, with "…" when cut:
// a value quoted in a message.
std::string shortened(std::string_view s, std::size_t max);

// Closest candidate within a small edit distance, or empty.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace lerbrief::msg
