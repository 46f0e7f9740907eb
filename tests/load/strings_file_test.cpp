// Reading strings/<language>.yaml (load/strings_file.h): the English file
// has every key, the Spanish one loads clean, and a translation's faults are
// warned about by key with English printed in their place.
#include "load/strings_file.h"

#include <catch2/catch.hpp>
#include <string>

#include "support/support.h"

using namespace lerbrief;
namespace t = lerbrief::test;

namespace {

std::string messages_of(const Diagnostics& d) {
    std::string out;
    for (const auto& x : d.items()) out += format(x) + "\n";
    return out;
}

bool warned(const Diagnostics& d, std::string_view part) {
    for (const auto& x : d.items())
        if (x.severity == Severity::warning && x.message.find(part) != std::string::npos) return true;
    return false;
}

// A strings folder: a copy of lerbrief's English file and `translation` as <language>.yaml.
struct Folder {
    t::TempDir dir;
    Folder(const std::string& language, const std::string& translation) {
        t::write_file(dir / "en.yaml", t::read_file(t::source_dir() / "strings/en.yaml"));
        if (!language.empty()) t::write_file(dir / (language + ".yaml"), translation);
    }
    Strings load(std::string_view language, Diagnostics& d) const { return load::load_strings(dir.path(), language, {}, d); }
};

const Strings& bundled_english() {
    static const Strings s = [] {
        Diagnostics d;
        return load::load_strings(t::source_dir() / "strings", "en-US", {}, d);
    }();
    return s;
}

}  // namespace

TEST_CASE("strings file: en.yaml has every key and loads with no diagnostic") {
    Diagnostics d;
    const Strings s = load::load_strings(t::source_dir() / "strings", "en-US", {}, d);
    INFO(messages_of(d));
    CHECK(d.empty());
    for (std::size_t i = 0; i < kStringCount; ++i) {
        INFO(string_key(static_cast<Str>(i)));
        CHECK_FALSE(s(static_cast<Str>(i)).empty());
    }
    CHECK(s(Str::contents) == "Contents");
    CHECK(s.typography.hyphenation == "hyph_en_US.dic");
    CHECK(s.typography.collation == "en");
    CHECK(s.date("2026-05-12") == "12 May 2026");
    CHECK(s.language == "en-US");
}

TEST_CASE("strings file: es.yaml has every key and loads with no diagnostic") {
    Diagnostics d;
    const Strings s = load::load_strings(t::source_dir() / "strings", "es", {}, d);
    INFO(messages_of(d));
    CHECK(d.empty());
    CHECK(s(Str::contents) == "Índice");
    CHECK(s.typography.hyphenation == "hyph_es_ES.dic");
    CHECK(s.typography.hyphen_exceptions.empty());  // English's are not borrowed
    CHECK(s.typography.quotes == std::array<std::string, 4>{"«", "»", "“", "”"});
    CHECK(s.typography.collation == "es");
    CHECK(s.date("2026-05-12") == "12 de mayo de 2026");
    CHECK(s.language == "es");
}

TEST_CASE("strings file: es-MX finds es.yaml, a regional file wins over it") {
    Diagnostics d;
    const Strings s = load::load_strings(t::source_dir() / "strings", "es-MX", {}, d);
    INFO(messages_of(d));
    CHECK(d.empty());
    CHECK(s(Str::contents) == "Índice");
    CHECK(s.language == "es-MX");  // the PDF's /Lang stays the edition's tag

    Folder f("es", "language: es\nbooklet:\n  contents: Índice\n");
    t::write_file(f.dir / "es-MX.yaml", "language: es-MX\nbooklet:\n  contents: Contenido\n");
    Diagnostics d2;
    CHECK(f.load("es-MX", d2)(Str::contents) == "Contenido");
    Diagnostics d3;
    CHECK(f.load("ES-mx", d3)(Str::contents) == "Contenido");  // names compare without case
}

TEST_CASE("strings file: a key the translation lacks is warned about by name and printed in English") {
    Folder f("xx", "language: xx\nbooklet:\n  contents: Sisältö\n");
    Diagnostics d;
    const Strings s = f.load("xx", d);
    INFO(messages_of(d));
    CHECK_FALSE(d.has_errors());
    CHECK(s(Str::contents) == "Sisältö");
    CHECK(warned(d, "'print.go-to-page' has no xx text: it is printed in English"));
    CHECK_FALSE(warned(d, "'booklet.contents'"));
    CHECK(s(Str::go_to_page) == bundled_english()(Str::go_to_page));
}

TEST_CASE("strings file: an unknown key is warned about, with the near one") {
    Folder f("xx", "language: xx\nbooklet:\n  contens: Sisältö\n  contents: Sisältö\n");
    Diagnostics d;
    f.load("xx", d);
    INFO(messages_of(d));
    CHECK(warned(d, "unknown key 'booklet.contens' is ignored"));
    bool hinted = false;
    for (const auto& x : d.items()) hinted = hinted || x.hint.find("booklet.contents") != std::string::npos;
    CHECK(hinted);
}

TEST_CASE("strings file: other placeholders than the English's are warned about and English is printed") {
    Folder f("xx", "language: xx\nprint:\n  go-to-page: \"Sivu {sivu}\"\n");
    Diagnostics d;
    const Strings s = f.load("xx", d);
    INFO(messages_of(d));
    CHECK(warned(d, "'print.go-to-page' must use the placeholders of its English text"));
    CHECK(s(Str::go_to_page) == bundled_english()(Str::go_to_page));
    CHECK(s.fill(Str::go_to_page, {{"page", "3"}}) == "Go to page 3");
}

TEST_CASE("strings file: the same placeholders in another order are fine") {
    // an English string with two placeholders, translated in the other order
    Folder f("xx", "language: xx\nprint:\n  go-to-page: \"{page}. sivu: {title}\"\n");
    std::string en = t::read_file(f.dir / "en.yaml");
    const std::string from = "go-to-page: \"Go to page {page}\"";
    REQUIRE(en.find(from) != std::string::npos);
    en.replace(en.find(from), from.size(), "go-to-page: \"{title}: go to page {page}\"");
    t::write_file(f.dir / "en.yaml", en);
    Diagnostics d;
    const Strings s = f.load("xx", d);
    INFO(messages_of(d));
    CHECK_FALSE(warned(d, "placeholders"));
    CHECK(s.fill(Str::go_to_page, {{"page", "3"}, {"title", "Sanasto"}}) == "3. sivu: Sanasto");
}

TEST_CASE("strings file: a language with no file is warned about, printed in English and not hyphenated") {
    Folder f("", "");
    Diagnostics d;
    const Strings s = f.load("fr", d);
    INFO(messages_of(d));
    CHECK(warned(d, "no strings file for the language 'fr'"));
    CHECK_FALSE(d.has_errors());
    CHECK(s(Str::contents) == "Contents");
    CHECK(s.typography.hyphenation.empty());
    CHECK(s.typography.hyphen_exceptions.empty());
    CHECK(s.language == "fr");
}

TEST_CASE("strings file: a translation never borrows English hyphenation") {
    Folder f("xx", "language: xx\nbooklet:\n  contents: Sisältö\n");
    Diagnostics d;
    const Strings s = f.load("xx", d);
    CHECK(s.typography.hyphenation.empty());
    CHECK(s.typography.hyphen_exceptions.empty());
    CHECK(s.typography.collation == "en");  // other settings are English's until the file says
}

TEST_CASE("strings file: a missing English file is an error") {
    t::TempDir empty;
    Diagnostics d;
    load::load_strings(empty.path(), "en-US", {}, d);
    CHECK(d.has_errors());
}
