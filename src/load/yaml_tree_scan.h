#pragma once
// Byte-level scans of a YAML file that yaml_tree.cpp makes before and after
// yaml-cpp reads it. Linear, no allocation, no std::regex.
#include <cstddef>
#include <optional>
#include <string_view>

namespace lerbrief::load::yaml_scan {

inline constexpr std::size_t npos = std::string_view::npos;

// A blank inside a line: space, tab, or the CR of a CRLF.
inline bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
// True when t[i] ends a token: a blank, a line end or the end of the text.
inline bool ends_token(std::string_view t, std::size_t i) { return i >= t.size() || blank(t[i]) || t[i] == '\n'; }

// Where nesting first passes limits::kMaxDepth, before yaml-cpp sees the
// bytes: the start of a line of `- - - …` (compact nested sequences cost
// yaml-cpp quadratic memory), or the `[`/`{` that opens one level too many
// (yaml-cpp scans a whole run of them before its first event). Quoted
// scalars, block scalars (`|`, `>`) and comments are skipped, so brackets
// written inside text never count. When unsure whether a quote opens a quoted
// scalar, it counts what follows: a false "too deep" is better than letting
// real nesting through.
std::optional<std::size_t> too_deep_at(std::string_view text);

// The closing quote of the quoted scalar that opens at text[open] (`'` or
// `"`, with YAML's escapes: `\x` in double quotes, `''` in single quotes), or
// npos when the scalar runs to the end of the text.
std::size_t closing_quote(std::string_view text, std::size_t open);

// Offsets of the line holding text[at]: its first byte and the '\n' (or the
// end of the text) that ends it.
std::size_t line_start(std::string_view text, std::size_t at);
std::size_t line_end(std::string_view text, std::size_t at);

}  // namespace lerbrief::load::yaml_scan
