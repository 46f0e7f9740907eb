#include "messages/yaml.h"

#include <fmt/format.h>

#include <string>

#include "messages/messages.h"
#include "model/utf8.h"

namespace lerbrief::msg {

namespace {

constexpr std::size_t kExampleBytes = 48;  // a value longer than this is shortened in a hint

std::string quote_hint(std::string_view key, std::string_view value) {
    return "put the value in quotes: " + yaml_quoted_example(key, value);
}

}  // namespace

std::string yaml_quoted_example(std::string_view key, std::string_view value) {
    const std::string v = shortened(value, kExampleBytes);
    std::string q;
    if (v.find('"') == std::string::npos && v.find('\\') == std::string::npos) {
        q = "\"" + v + "\"";
    } else if (v.find('\'') == std::string::npos) {
        q = "'" + v + "'";
    } else {
        q = "\"";
        for (char c : v) {
            if (c == '"' || c == '\\') q += '\\';
            q += c;
        }
        q += "\"";
    }
    return key.empty() ? "- " + q : fmt::format("{}: {}", key, q);
}

void yaml_tab_indent(Diagnostics& d, const SourcePos& p) {
    d.error(p, "invalid YAML: a tab in the indentation", "YAML indents with spaces only; replace the tab with spaces");
}

void yaml_value_start(Diagnostics& d, const SourcePos& p, char c, std::string_view key, std::string_view value) {
    std::string what;
    switch (c) {
        case '*': what = "makes it an alias"; break;
        case '&': what = "makes the word after it an anchor name, not text"; break;
        case '!': what = "makes the word after it a tag, not text"; break;
        case '[': what = "starts a list"; break;
        case '{': what = "starts a mapping"; break;
        case '|':
        case '>': what = "starts a block of text on the lines below"; break;
        default: what = "is reserved"; break;
    }
    d.error(p, fmt::format("invalid YAML: '{}' at the start of a value {}", c, what), quote_hint(key, value));
}

void yaml_colon_in_value(Diagnostics& d, const SourcePos& p, std::string_view key, std::string_view value) {
    d.error(p, "invalid YAML: ': ' inside a value starts another key", quote_hint(key, value));
}

void yaml_comment_empties_value(Diagnostics& d, const SourcePos& p, std::string_view key, std::string_view value) {
    d.warning(p,
              key.empty() ? std::string("list item is empty: ' #' starts a YAML comment")
                          : fmt::format("'{}' is empty: ' #' starts a YAML comment", key),
              quote_hint(key, value));
}

void yaml_unclosed_quote(Diagnostics& d, const SourcePos& p, char quote) {
    d.error(p, fmt::format("invalid YAML: the quote {} opened here is never closed", quote),
            quote == '"' ? "end the value with \" (write \\\" for a quote inside it)"
                         : "end the value with ' (write '' for a quote inside it)");
}

void yaml_quote_closes_late(Diagnostics& d, const SourcePos& p, char quote, int close_line) {
    d.error(p, fmt::format("invalid YAML: the quote {} opened here is closed only on line {}", quote, close_line),
            quote == '"' ? "end the value with \" on its line (write \\\" for a quote inside it)"
                         : "end the value with ' on its line (write '' for a quote inside it)");
}

}  // namespace lerbrief::msg
