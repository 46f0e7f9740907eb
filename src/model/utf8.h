#pragma once
// UTF-8 decoding and validation (strict: no overlongs, no surrogates, no
// code points above U+10FFFF). Pure functions, no allocation unless stated.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace lerbrief::utf8 {

inline constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes the character starting at s[i] and advances i past it. On an invalid
// sequence returns kInvalid and advances i by one byte.
char32_t next(std::string_view s, std::size_t& i);

// Byte offset of the first invalid sequence, or nullopt when s is valid.
std::optional<std::size_t> first_invalid(std::string_view s);

void append(std::string& out, char32_t cp);

// The largest offset <= i (and <= s.size()) that does not fall inside a
// UTF-8 sequence: where s may be cut.
std::size_t floor_boundary(std::string_view s, std::size_t i);

// Number of code points (invalid bytes count one each).
std::size_t length(std::string_view s);

// 1-based line and column (in code points) of byte offset `at` in `s`.
struct LineCol {
    int line = 1, col = 1;
};
LineCol line_col(std::string_view s, std::size_t at);

// "U+00E9"
std::string code_point_name(char32_t cp);

// A control character that text must not hold: C0 (U+0000–U+001F) except
// tab and line feed, DEL (U+007F) and C1 (U+0080–U+009F).
bool is_control(char32_t cp);

// The script of a strong right-to-left character ("Hebrew", "Arabic", …),
// or nullptr when `cp` is not one.
const char* rtl_script(char32_t cp);

// `s` with every control character (and tab and line feed too unless
// `keep_newlines`) written as its U+ code, and invalid bytes as "\xHH":
// safe to put on a terminal.
std::string printable(std::string_view s, bool keep_newlines = true);

}  // namespace lerbrief::utf8
