// The fixed text's values (model/strings.h): placeholders, dates in the
// language, language tags.
#include "model/strings.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace lerbrief;

namespace {

Strings english() {
    Strings s;
    s.typography.months = {"January", "February", "March",     "April",   "May",      "June",
                           "July",    "August",   "September", "October", "November", "December"};
    return s;
}

Strings spanish() {
    Strings s;
    s.language = "es";
    s.typography.months = {"enero", "febrero", "marzo",      "abril",   "mayo",      "junio",
                           "julio", "agosto",  "septiembre", "octubre", "noviembre", "diciembre"};
    s.typography.date = "{day} de {month} de {year}";
    return s;
}

}  // namespace

TEST_CASE("strings: a date is written in the language, the day without a leading zero") {
    CHECK(english().date("2026-05-12") == "12 May 2026");
    CHECK(english().date("2026-01-01") == "1 January 2026");
    CHECK(spanish().date("2026-05-12") == "12 de mayo de 2026");
    CHECK(spanish().date("2025-12-31") == "31 de diciembre de 2025");
}

TEST_CASE("strings: anything but an ISO date is printed as given") {
    for (const char* text : {"May 12, 2026", "2026-5-12", "2026-13-01", "2026-00-10", "2026-05-00", "2026-05-32",
                             "2026-05-12T10:00", "2026/05/12", "", "abcd-ef-gh"}) {
        INFO(text);
        CHECK(spanish().date(text) == text);
    }
    Strings no_months;  // a strings file without month names
    CHECK(no_months.date("2026-05-12") == "2026-05-12");
}

TEST_CASE("strings: fill replaces each placeholder, keeps unknown ones, and reads {{ }} as braces") {
    Strings s;
    s.set(Str::go_to_page, "Go to page {page}");
    CHECK(s.fill(Str::go_to_page, {{"page", "12"}}) == "Go to page 12");
    CHECK(s.fill(Str::go_to_page, {}) == "Go to page {page}");
    CHECK(fill_placeholders("{a} and {b}, {a} again", {{"a", "x"}, {"b", "y"}}) == "x and y, x again");
    CHECK(fill_placeholders("{{literal}} {a}", {{"a", "{b}"}}) == "{literal} {b}");  // values are not read again
    CHECK(fill_placeholders("an open { brace", {{"a", "x"}}) == "an open { brace");
    CHECK(fill_placeholders("página {page}", {{"page", "3"}}) == "página 3");
}

TEST_CASE("strings: placeholders are listed once each, in order of first use") {
    CHECK(placeholders("Go to page {page}") == std::vector<std::string>{"page"});
    CHECK(placeholders("{b} {a} {b}") == std::vector<std::string>{"b", "a"});
    CHECK(placeholders("no placeholder, {{braces}}").empty());
    CHECK(placeholders("unclosed {page").empty());
    // in the order written: a translation may put them in another order
    CHECK(placeholders("{title}: {page}") == std::vector<std::string>{"title", "page"});
    CHECK(placeholders("{page}: {title}") == std::vector<std::string>{"page", "title"});
}

TEST_CASE("strings: language tags") {
    for (const char* tag : {"en", "en-US", "es", "es-419", "es-MX", "zh-Hant-TW", "fil", "sr-Latn"}) {
        INFO(tag);
        CHECK(is_language_tag(tag));
    }
    for (const char* tag : {"", "e", "en_US", "en-", "-en", "en--US", "en US", "español", "123", "en-abcdefghi",
                            "es.yaml", "../es"}) {
        INFO(tag);
        CHECK_FALSE(is_language_tag(tag));
    }
}

TEST_CASE("strings: every key names its section and is found again") {
    for (std::size_t i = 0; i < kStringCount; ++i) {
        const Str s = static_cast<Str>(i);
        const std::string_view key = string_key(s);
        INFO(key);
        CHECK(key.find('.') != std::string_view::npos);
        CHECK(find_string_key(key) == s);
    }
    CHECK(string_key(Str::contents) == "booklet.contents");
    CHECK_FALSE(find_string_key("booklet.nothing"));
}
