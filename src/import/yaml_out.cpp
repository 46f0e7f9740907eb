#include "import/yaml_out.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace lerbrief::import {

namespace {

constexpr std::string_view kIndicators = "-?:,[]{}#&*!|>'\"%@`";

// Words YAML reads as null or a boolean when plain.
bool special_word(std::string_view v) {
    static constexpr std::array<std::string_view, 11> words{"~", "null", "true", "false", "yes", "no",
                                                            "on", "off", "y", "n", "="};
    std::string lower;
    for (char c : v) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return std::find(words.begin(), words.end(), lower) != words.end();
}

bool control(unsigned char c) { return c < 0x20 || c == 0x7f; }

// Several paragraphs that a literal block holds exactly: no blank at the
// start or end of a line, no tab, no control character, no final line break.
bool literal_safe(std::string_view v) {
    if (v.empty() || v.back() == '\n' || v.front() == '\n') return false;
    std::size_t start = 0;
    while (start <= v.size()) {
        std::size_t end = v.find('\n', start);
        if (end == std::string_view::npos) end = v.size();
        const std::string_view line = v.substr(start, end - start);
        if (!line.empty() && (line.front() == ' ' || line.back() == ' ')) return false;
        for (char c : line)
            if (control(static_cast<unsigned char>(c))) return false;
        start = end + 1;
    }
    return true;
}

std::string quoted(std::string_view v) {
    std::string out = "\"";
    for (char c : v) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            default:
                if (control(static_cast<unsigned char>(c))) {
                    static constexpr char hex[] = "0123456789ABCDEF";
                    out += "\\x";
                    out += hex[(static_cast<unsigned char>(c) >> 4) & 0xF];
                    out += hex[static_cast<unsigned char>(c) & 0xF];
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

std::string spaces(int n) { return std::string(static_cast<std::size_t>(n), ' '); }

}  // namespace

bool plain_safe(std::string_view v) {
    if (v.empty() || v.front() == ' ' || v.back() == ' ' || v.back() == ':') return false;
    if (kIndicators.find(v.front()) != std::string_view::npos) return false;
    if (v.find(": ") != std::string_view::npos || v.find(" #") != std::string_view::npos) return false;
    for (char c : v)
        if (control(static_cast<unsigned char>(c))) return false;
    return !special_word(v);
}

std::string yaml_scalar(std::string_view v, int indent) {
    if (v.find('\n') != std::string_view::npos && literal_safe(v)) {
        std::string out = "|-";
        std::size_t start = 0;
        while (start <= v.size()) {
            std::size_t end = v.find('\n', start);
            if (end == std::string_view::npos) end = v.size();
            const std::string_view line = v.substr(start, end - start);
            out += '\n';
            if (!line.empty()) out += spaces(indent + 2) + std::string(line);
            start = end + 1;
        }
        return out;
    }
    return plain_safe(v) ? std::string(v) : quoted(v);
}

YamlNode& YamlNode::set(std::string key, const std::string& value) {
    if (!value.empty()) entries_.emplace_back(std::move(key), scalar(value));
    return *this;
}

YamlNode& YamlNode::set(std::string key, YamlNode value) {
    if (!value.empty()) entries_.emplace_back(std::move(key), std::move(value));
    return *this;
}

YamlNode& YamlNode::push(const std::string& value) {
    if (!value.empty()) items_.push_back(scalar(value));
    return *this;
}

YamlNode& YamlNode::push(YamlNode value) {
    if (!value.empty()) items_.push_back(std::move(value));
    return *this;
}

bool YamlNode::empty() const {
    switch (kind_) {
        case Kind::scalar: return scalar_.empty();
        case Kind::map: return entries_.empty();
        case Kind::list: return items_.empty();
    }
    return true;
}

// Entries at `indent`; with first_inline the first one follows a "- ".
void YamlNode::write_map(std::string& out, int indent, bool first_inline) const {
    bool first = true;
    for (const auto& [key, value] : entries_) {
        if (!(first && first_inline)) out += spaces(indent);
        first = false;
        out += key + ":";
        switch (value.kind_) {
            case Kind::scalar: out += " " + yaml_scalar(value.scalar_, indent) + "\n"; break;
            case Kind::map:
                out += "\n";
                value.write_map(out, indent + 2, false);
                break;
            case Kind::list:
                out += "\n";
                value.write_list(out, indent + 2);
                break;
        }
    }
}

void YamlNode::write_list(std::string& out, int indent) const {
    for (const auto& item : items_) {
        out += spaces(indent) + "- ";
        switch (item.kind_) {
            case Kind::scalar: out += yaml_scalar(item.scalar_, indent) + "\n"; break;
            case Kind::map: item.write_map(out, indent + 2, true); break;
            case Kind::list:  // not written by the import; a nested list on its own lines
                out += "\n";
                item.write_list(out, indent + 2);
                break;
        }
    }
}

std::string YamlNode::write() const {
    std::string out;
    if (kind_ == Kind::map) write_map(out, 0, false);
    return out;
}

}  // namespace lerbrief::import
