#include "load/yaml_tree_scan.h"

#include "model/limits.h"

namespace lerbrief::load::yaml_scan {

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// The first line after the content of a block scalar whose header (`|` or
// `>`) is at t[at], in a block node at column `parent`; npos when the header
// is not one (text follows it) or names its indentation (`|2`): then nothing
// is skipped. The content's indentation is that of its first non-blank line,
// which must be deeper than `parent`; the content ends at the first non-blank
// line indented less.
std::size_t after_block_scalar(std::string_view t, std::size_t at, int parent) {
    const std::size_t n = t.size();
    std::size_t j = at + 1;
    while (j < n && (t[j] == '+' || t[j] == '-' || digit(t[j]))) {
        if (digit(t[j])) return npos;
        ++j;
    }
    while (j < n && blank(t[j])) ++j;
    if (j < n && t[j] != '\n' && t[j] != '#') return npos;
    std::size_t ls = line_end(t, j) + 1;
    int indent = -1;
    while (ls < n) {
        std::size_t k = ls;
        while (k < n && t[k] == ' ') ++k;
        const std::size_t e = line_end(t, k);
        const bool empty = k == e || (t[k] == '\r' && k + 1 == e);
        if (!empty) {
            const int here = static_cast<int>(k - ls);
            if (indent < 0) {
                if (here <= parent) return ls;
                indent = here;
            } else if (here < indent) {
                return ls;
            }
        }
        ls = e + 1;
    }
    return n;
}

}  // namespace

std::size_t line_start(std::string_view t, std::size_t at) {
    if (at > t.size()) at = t.size();
    const std::size_t nl = at == 0 ? npos : t.rfind('\n', at - 1);
    return nl == npos ? 0 : nl + 1;
}

std::size_t line_end(std::string_view t, std::size_t at) {
    const std::size_t nl = t.find('\n', at);
    return nl == npos ? t.size() : nl;
}

std::size_t closing_quote(std::string_view t, std::size_t open) {
    const char q = t[open];
    for (std::size_t i = open + 1; i < t.size(); ++i) {
        if (q == '"' && t[i] == '\\') {
            ++i;
            continue;
        }
        if (t[i] != q) continue;
        if (q == '\'' && i + 1 < t.size() && t[i + 1] == '\'') {
            ++i;
            continue;
        }
        return i;
    }
    return npos;
}

std::optional<std::size_t> too_deep_at(std::string_view t) {
    const std::size_t n = t.size();
    int flow = 0;               // open `[` and `{`
    bool token = true;          // a node may start at the next non-blank character
    bool plain = false;         // inside a plain scalar in block context
    int plain_parent = -1;      // column of the block node that holds it
    bool unclosed[2] = {false, false};  // a `'` / `"` already ran to the end: the next ones are text
    std::size_t ls = 0;
    while (ls < n) {
        std::size_t i = ls;
        while (i < n && t[i] == ' ') ++i;
        const int indent = static_cast<int>(i - ls);
        // A line of a block plain scalar's continuation starts no node.
        if (flow == 0 && !(plain && indent > plain_parent)) {
            token = true;
            plain = false;
        }
        // `- - - …`: compact block indicators at the start of the line
        int run = 0;
        for (std::size_t j = i; j + 1 < n;) {
            while (j < n && (t[j] == ' ' || t[j] == '\t')) ++j;
            if (j + 1 >= n || !(t[j] == '-' || t[j] == '?' || t[j] == ':') || !(t[j + 1] == ' ' || t[j + 1] == '\t'))
                break;
            ++run;
            j += 2;
        }
        if (run > limits::kMaxDepth) return ls;

        std::size_t cur = ls;  // start of the line i is on (a quoted scalar may move it)
        int dash = -1;         // column of the last `-` indicator on the line
        int node = -1;         // column of the line's first node (a key, mostly)
        std::size_t next = npos;  // where the next line starts, when a block scalar moved it
        while (i < n && t[i] != '\n') {
            const char c = t[i];
            const int col = static_cast<int>(i - cur);
            if (blank(c)) {
                ++i;
                continue;
            }
            if (c == '#' && (i == 0 || blank(t[i - 1]) || t[i - 1] == '\n')) {
                i = line_end(t, i);
                break;
            }
            if (token) {
                if (c == '"' || c == '\'') {
                    bool& gone = unclosed[c == '"'];
                    const std::size_t close = gone ? npos : closing_quote(t, i);
                    if (close != npos) {
                        if (node < 0) node = col;
                        cur = line_start(t, close);
                        i = close + 1;
                        token = false;
                        plain = false;
                        continue;
                    }
                    gone = true;  // yaml-cpp would read to the end; as text the rest still counts
                } else if ((c == '|' || c == '>') && flow == 0) {
                    const int parent = node >= 0 ? node : dash >= 0 ? dash : col;
                    next = after_block_scalar(t, i, parent);
                    if (next != npos) {
                        token = true;
                        plain = false;
                        break;
                    }
                } else if (c == '[' || c == '{') {
                    if (++flow > limits::kMaxDepth) return i;
                    if (node < 0) node = col;
                    ++i;
                    continue;
                } else if ((c == '-' || c == '?' || c == ':') && ends_token(t, i + 1)) {
                    if (c == '-') dash = col;
                    ++i;
                    continue;
                } else if ((c == '-' || c == '.') && i == cur && i + 3 <= n && t[i + 1] == c && t[i + 2] == c &&
                           ends_token(t, i + 3)) {
                    i += 3;  // a document marker
                    continue;
                } else if (c == '&' || c == '!') {  // a property: the node follows
                    while (i < n && !ends_token(t, i) && (flow == 0 || std::string_view(",[]{}").find(t[i]) == npos))
                        ++i;
                    continue;
                }
                // anything else starts a plain scalar (or an alias, or ends a flow)
                token = false;
                if (node < 0 && c != ']' && c != '}' && c != ',') node = col;
                if (flow == 0) {
                    plain = true;
                    plain_parent = node == col ? (dash >= 0 ? dash : -1) : node;
                }
            }
            if (flow > 0) {
                if (c == '[' || c == '{') {
                    if (++flow > limits::kMaxDepth) return i;
                    token = true;
                } else if (c == ']' || c == '}') {
                    --flow;
                    token = false;
                } else if (c == ',') {
                    token = true;
                } else if (c == ':' && (ends_token(t, i + 1) || (i > 0 && std::string_view("\"']}").find(t[i - 1]) != npos))) {
                    token = true;
                }
            } else if (c == ':' && ends_token(t, i + 1)) {
                token = true;
                plain = false;
            }
            ++i;
        }
        if (next != npos) {
            ls = next;
            continue;
        }
        ls = line_end(t, i) + 1;
    }
    return std::nullopt;
}

}  // namespace lerbrief::load::yaml_scan
