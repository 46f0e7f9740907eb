#pragma once
// A small YAML writer for the files the import writes: a tree of mappings,
// lists and strings, written in block style with two-space indentation.
// Every string is written so that our loader reads it back as it was and
// none of its YAML-slip checks (load/yaml_tree_slips.cpp) fires: plain when
// that is safe, a literal block (`|-`) for several paragraphs, else double
// quotes. A text value stays on one line (a paragraph on one line of a
// literal block), so a correction's find/replace can match it.
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lerbrief::import {

class YamlNode {
public:
    enum class Kind { scalar, map, list };
    static YamlNode map() { return YamlNode(Kind::map); }
    static YamlNode list() { return YamlNode(Kind::list); }
    static YamlNode scalar(std::string s) {
        YamlNode n(Kind::scalar);
        n.scalar_ = std::move(s);
        return n;
    }

    // Mappings: an empty string, list or mapping is left out, as our
    // loader reads an absent optional field.
    YamlNode& set(std::string key, const std::string& value);
    YamlNode& set(std::string key, YamlNode value);
    // Lists.
    YamlNode& push(const std::string& value);
    YamlNode& push(YamlNode value);

    bool empty() const;
    Kind kind() const { return kind_; }

    // The node as the value of a file's top level (a mapping), with no
    // trailing blank line.
    std::string write() const;

private:
    explicit YamlNode(Kind k) : kind_(k) {}
    void write_map(std::string& out, int indent, bool first_inline) const;
    void write_list(std::string& out, int indent) const;

    Kind kind_;
    std::string scalar_;
    std::vector<std::pair<std::string, YamlNode>> entries_;
    std::vector<YamlNode> items_;
};

// A string as a YAML scalar value at `indent` (the indentation of its key
// or dash): plain, `|-` and its lines, or double-quoted.
std::string yaml_scalar(std::string_view value, int indent);
// Whether `value` reads back as itself written plain.
bool plain_safe(std::string_view value);

}  // namespace lerbrief::import
