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

// How a source writes text. Our schema: markup as is. The map website:
// HTML leftovers to clean, and a single string where a list is expected.
struct TextRules {
    std::string (*clean)(std::string_view) = nullptr;  // applied to text(), texts(); not to plain()/id()
    bool string_is_list = false;                       // texts(): one string is a one-item list
};

// A printed text value as a source writes it → our markup as printed: the
// source's cleaning, then typographic quotes (load/typography.h). What
// text() and texts() return; plain() and id() (URLs, paths, ids, dates) keep
// what is written.
std::string printed(std::string_view raw, const TextRules& rules);

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

    TextRules rules;  // children made by each_mapping inherit them

private:
    const YNode& map_;
    std::string path_, what_;
    std::vector<std::string> known_;
    Diagnostics& diags_;
};

// Test-only: when set, every Fields constructor reports the file, the
// mapping's path ("roles[2]") and the keys the loader accepts there, so a test
// can hold docs/schema/*.json to the loader (tests/load/schema_test.cpp).
// Not thread-safe; unset (nullptr) in lerbrief itself.
using FieldsObserver = void (*)(const std::string& file, const std::string& path,
                                const std::vector<std::string>& known);
void set_fields_observer(FieldsObserver observer);

void expected_mapping(Diagnostics& diags, const YNode& n, const std::string& field);

// Calls f(Fields&, const YNode&) for each element of the list `key`, which
// must be mappings (null elements are skipped; others are errors); warns
// about unknown keys in each.
template <class F>
void each_mapping(Fields& parent, const std::string& key, Need need, const std::string& what,
                  const std::vector<std::string>& known, F&& f) {
    const YNode* list = parent.list(key, need);
    if (!list) return;
    for (std::size_t i = 0; i < list->items.size(); ++i) {
        const YNode& item = list->items[i];
        const std::string path = parent.field(key) + "[" + std::to_string(i + 1) + "]";
        if (item.is_null()) continue;
        if (!item.is_map()) {
            expected_mapping(parent.diags(), item, path);
            continue;
        }
        Fields fields(item, path, what, known, parent.diags());
        fields.rules = parent.rules;
        f(fields, item);
        fields.finish();
    }
}

// Reads a file whose top level must be a mapping; nullopt (with an error) otherwise.
std::optional<YNode> read_mapping_file(const std::string& path, const std::string& what, Diagnostics& diags);

// Items both sources share: a glossary term {term, definition, list} and a
// resource {title, author, url}.
GlossaryTerm read_term(Fields& f, const YNode& n);
Resource read_resource(Fields& f, const YNode& n);

// A scalar as text; numbers and booleans are text too ("2024"). Errors for
// lists and mappings.
std::optional<Text> as_text(const YNode& n, const std::string& field, Diagnostics& diags);
bool valid_id(std::string_view id);
// Strips surrounding whitespace (the website's values carry trailing spaces).
std::string trim(std::string_view s);

}  // namespace lerbrief::load
