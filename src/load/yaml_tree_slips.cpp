#include "load/yaml_tree_slips.h"

#include "load/yaml_tree_scan.h"
#include "messages/yaml.h"
#include "model/utf8.h"

namespace lerbrief::load::yaml_slips {

namespace {

using yaml_scan::line_end;
using yaml_scan::line_start;
using yaml_scan::npos;

using yaml_scan::blank;
using yaml_scan::ends_token;

// The colon that ends the key starting at t[at] on its line (a quoted key, or
// a plain one up to the first `: `), or npos.
std::size_t key_colon(std::string_view t, std::size_t at) {
    const std::size_t le = line_end(t, at);
    std::size_t i = at;
    if (i < le && (t[i] == '"' || t[i] == '\'')) {
        const std::size_t close = yaml_scan::closing_quote(t, i);
        if (close == npos || close >= le) return npos;
        i = close + 1;
        while (i < le && blank(t[i])) ++i;
        return i < le && t[i] == ':' && ends_token(t, i + 1) ? i : npos;
    }
    for (; i < le; ++i) {
        if (t[i] == '#' && i > at && blank(t[i - 1])) return npos;
        if (t[i] == ':' && ends_token(t, i + 1)) return i;
    }
    return npos;
}

std::size_t skip_blanks(std::string_view t, std::size_t i) {
    while (i < t.size() && blank(t[i])) ++i;
    return i;
}

// A comment `#` at t[i] with text right after it: `#1 in the state`.
bool comment_with_text(std::string_view t, std::size_t i) {
    return i < t.size() && t[i] == '#' && !ends_token(t, i + 1);
}

// The bracket that closes the flow collection opening at t[at], on the line
// ending at `le`; npos when the line does not close it.
std::size_t flow_end(std::string_view t, std::size_t at, std::size_t le) {
    int depth = 0;
    for (std::size_t i = at; i < le; ++i) {
        const char c = t[i];
        if ((c == '"' || c == '\'') && i > at && std::string_view("[{, ").find(t[i - 1]) != npos) {
            const std::size_t close = yaml_scan::closing_quote(t, i);
            if (close == npos || close >= le) return npos;
            i = close;
        } else if (c == '[' || c == '{') {
            ++depth;
        } else if ((c == ']' || c == '}') && --depth == 0) {
            return i;
        }
    }
    return npos;
}

}  // namespace

SourcePos pos_at(const SourceFile& file, std::string_view text, std::size_t at) {
    const auto lc = utf8::line_col(text, at);
    return {file, lc.line, lc.col};
}

SourcePos Locator::at(std::size_t offset) {
    if (offset > text_.size()) offset = text_.size();
    if (offset < offset_) *this = Locator(file_, text_);
    for (; offset_ < offset; ++offset_) {
        const char c = text_[offset_];
        if (c == '\n') {
            ++line_;
            col_ = 1;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++col_;  // a code point's first byte
        }
    }
    return {file_, line_, col_};
}

std::string_view value_text(std::string_view t, std::size_t at) {
    std::size_t e = line_end(t, at);
    for (std::size_t i = at + 1; i < e; ++i) {
        if (t[i] == '#' && blank(t[i - 1])) {
            e = i;
            break;
        }
    }
    while (e > at && blank(t[e - 1])) --e;
    return t.substr(at, e - at);
}

std::size_t value_after_key(std::string_view t, std::size_t key_at) {
    const std::size_t colon = key_colon(t, key_at);
    if (colon == npos) return npos;
    const std::size_t v = skip_blanks(t, colon + 1);
    return v < t.size() && t[v] != '\n' && t[v] != '#' ? v : npos;
}

std::size_t comment_after_key(std::string_view t, std::size_t key_at) {
    const std::size_t colon = key_colon(t, key_at);
    if (colon == npos) return npos;
    const std::size_t v = skip_blanks(t, colon + 1);
    return v > colon + 1 && comment_with_text(t, v) ? v : npos;
}

std::size_t comment_after_dash(std::string_view t, std::size_t null_at) {
    std::size_t ls = line_start(t, null_at);
    while (ls > 0) {
        const std::size_t prev = line_start(t, ls - 1);
        std::size_t i = skip_blanks(t, prev);
        if (i >= ls - 1 || t[i] == '#') {  // a blank line or a comment line: look further up
            ls = prev;
            continue;
        }
        bool dash = false;
        while (t[i] == '-' && ends_token(t, i + 1) && i + 1 < ls) {
            dash = true;
            i = skip_blanks(t, i + 1);
        }
        return dash && comment_with_text(t, i) && blank(t[i - 1]) ? i : npos;
    }
    return npos;
}

bool explain_error(std::string_view t, const SourceFile& file, std::size_t at, Diagnostics& diags) {
    if (at > t.size()) return false;
    const std::size_t ls = line_start(t, at);
    const std::size_t le = line_end(t, at);
    // A tab among the blanks that indent the line.
    for (std::size_t i = ls; i < le && blank(t[i]); ++i) {
        if (t[i] == '\t') {
            msg::yaml_tab_indent(diags, pos_at(file, t, i));
            return true;
        }
    }
    // The node the line holds: after its indentation and `- ` indicators.
    std::size_t node = skip_blanks(t, ls);
    while (node < le && t[node] == '-' && ends_token(t, node + 1)) node = skip_blanks(t, node + 1);
    if (node >= le) return false;
    const std::size_t colon = key_colon(t, node);
    const std::size_t v = colon == npos ? node : skip_blanks(t, colon + 1);
    if (v >= le || at < v) return false;
    const std::string_view key = colon == npos ? std::string_view{} : value_text(t.substr(0, colon), node);
    const std::string_view value = value_text(t, v);
    // `[Draft] text`: text after a list that closed; an error inside the list is its own
    if ((t[v] == '[' || t[v] == '{') && !(flow_end(t, v, le) < at)) return false;
    if (std::string_view("*&![{|>%@`").find(t[v]) != npos) {
        msg::yaml_value_start(diags, pos_at(file, t, v), t[v], key, value);
        return true;
    }
    if (colon != npos && at > v && t[at] == ':') {  // `key: Note: text`
        msg::yaml_colon_in_value(diags, pos_at(file, t, at), key, value);
        return true;
    }
    return false;
}

}  // namespace lerbrief::load::yaml_slips
