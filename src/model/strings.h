#pragma once
// The fixed text lerbrief prints (headings, labels, alternative text, the
// print manifest's words) and the typography of the edition's language, read
// from strings/<language>.yaml (load/strings_file.h; docs/CONTENT.md,
// "Editions in other languages"). Code names a string by its key, `Str`; the
// keys are listed in the strings_*.def files, one per part of lerbrief, and
// their text lives only in the strings files (English: strings/en.yaml,
// which holds every key).
//
// Placeholders: a string may hold {name} (for example "Go to page {page}");
// fill() replaces each with its value. A translation must use the same
// placeholders as the English (the loader checks).
#include <array>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lerbrief {

enum class Str : unsigned short {
#define LERBRIEF_STRING(id, key) id,
#include "model/strings_booklet.def"
#include "model/strings_factsheet.def"
#include "model/strings_figures.def"
#include "model/strings_kit.def"
#include "model/strings_print.def"
#include "model/strings_website.def"
#undef LERBRIEF_STRING
};

inline constexpr std::size_t kStringCount = [] {
    std::size_t n = 0;
#define LERBRIEF_STRING(id, key) ++n;
#include "model/strings_booklet.def"
#include "model/strings_factsheet.def"
#include "model/strings_figures.def"
#include "model/strings_kit.def"
#include "model/strings_print.def"
#include "model/strings_website.def"
#undef LERBRIEF_STRING
    return n;
}();

// "booklet.contents": the key's section and name in a strings file.
std::string_view string_key(Str s);
std::optional<Str> find_string_key(std::string_view key);

// How the language sets type (the strings file's `typography:`).
struct Typography {
    // libhyphen pattern file for the language, looked up where the system
    // keeps them (/usr/share/hyphen): "hyph_en_US.dic". Empty: no hyphenation.
    std::string hyphenation;
    // Words the patterns break badly, written with their allowed breaks:
    // "eq-ui-ta-ble". A word listed breaks only there.
    std::vector<std::string> hyphen_exceptions;
    // Quotation marks: outer open, outer close, inner open, inner close.
    std::array<std::string, 4> quotes{"\u201C", "\u201D", "\u2018", "\u2019"};
    // The locale whose collation sorts the glossary (ICU: "en", "es").
    std::string collation = "en";
    // Month names, January first, and how a date is written: {day} {month} {year}.
    std::array<std::string, 12> months;
    std::string date = "{day} {month} {year}";
};

class Strings {
public:
    // The edition's language (BCP 47, "en-US", "es"): the PDF's /Lang.
    std::string language = "en-US";
    Typography typography;

    const std::string& operator()(Str s) const { return text_[static_cast<std::size_t>(s)]; }
    // The string with each {name} replaced by its value; {{ and }} are braces.
    std::string fill(Str s, std::initializer_list<std::pair<std::string_view, std::string_view>> values) const;
    // An ISO date ("2026-05-12") in the language ("12 May 2026", "12 de mayo
    // de 2026"); anything else as given.
    std::string date(std::string_view iso) const;

    void set(Str s, std::string text) { text_[static_cast<std::size_t>(s)] = std::move(text); }

private:
    std::array<std::string, kStringCount> text_;
};

// `text` with each {name} replaced by its value; {{ and }} are braces.
std::string fill_placeholders(std::string_view text,
                              std::initializer_list<std::pair<std::string_view, std::string_view>> values);
// The names of the placeholders `text` holds, in order of first use.
std::vector<std::string> placeholders(std::string_view text);
// Whether `tag` is written as a BCP 47 language tag: "en", "en-US", "es-419",
// "zh-Hant-TW" (letters, digits and hyphens; a 2–8 letter language first).
bool is_language_tag(std::string_view tag);
// Whether `tag` is English in any region and any case ("en", "EN-gb"): strings/en.yaml.
bool is_english(std::string_view tag);

}  // namespace lerbrief
