#pragma once
// Typed access to the fields of one YAML mapping, with diagnostics.
// A Fields object remembers which keys were read; finish() warns about the
// others ("unknown field … did you mean …"). Wrong types and missing required
// fields are errors at the value's (or the mapping's) position.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/yaml_tree.h"
#include "model/content.h"

namespace lerbrief::load {

enum class Need { required, optional };

class Fields {
public:
    // `path` is the dotted prefix of this mapping ("" at the top, "quote" …);
    // `what` names the mapping for missing-field messages ("a stakeholder").
    Fields(const YNode& map, std::string path, std::string what, std::vector<std::string> known,
           Diagnostics& diags);

    const YNode* node(std::string_view key, Need need);
    std::optional<Text> text(std::string_view key, Need need);  // a string → Text
    std::optional<std::string> plain(std::string_view key, Need need);
    std::optional<std::string> id(std::string_view key, Need need);  // [a-z0-9-]+
    const YNode* list(std::string_view key, Need need);   // a list (null counts as absent)
    const YNode* mapping(std::string_view key, Need need);
    std::vector<Text> texts(std::string_view key, Need need);  // a list of strings

    std::string field(std::string_view key) const;  // "path.key"
    Diagnostics& diags() { return diags_; }
    void finish();  // warns about keys never asked for

private:
    const YNode& map_;
    std::string path_, what_;
    std::vector<std::string> known_;
    Diagnostics& diags_;
};

// A scalar as text; numbers and booleans are text too ("2024"). Errors for
// lists and mappings.
std::optional<Text> as_text(const YNode& n, const std::string& field, Diagnostics& diags);
bool valid_id(std::string_view id);
// Strips surrounding whitespace (the website's values carry trailing spaces).
std::string trim(std::string_view s);

}  // namespace lerbrief::load
