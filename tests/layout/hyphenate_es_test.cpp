// Spanish hyphenation: the patterns and margins strings/es.yaml names
// (hyph_es_ES.dic from Debian's hyphen-es), on words the English patterns
// break elsewhere. Expected splits follow the Spanish syllables (RAE,
// Ortografía 4.1.1.2); they are what hyph_es_ES.dic 2.8.8 gives.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "layout/hyphenate.h"
#include "load/strings_file.h"
#include "support/support.h"

using lerbrief::layout::default_hyphen_dictionary;
using lerbrief::layout::Hyphenator;

namespace {

Hyphenator for_language(const char* language) {
    lerbrief::Diagnostics d;
    const auto s = lerbrief::load::load_strings(lerbrief::test::source_dir() / "strings", language, {}, d);
    REQUIRE(d.warning_count() == 0);
    const auto dict = default_hyphen_dictionary(s.typography.hyphenation);
    REQUIRE_FALSE(dict.empty());
    return Hyphenator(dict, s.typography.hyphen_exceptions);
}

const Hyphenator& es() {
    static const Hyphenator h = for_language("es");
    return h;
}
const Hyphenator& en() {
    static const Hyphenator h = for_language("en-US");
    return h;
}

std::string split(const Hyphenator& h, const std::string& word) {
    std::string out;
    std::size_t from = 0;
    for (int at : h.points(word)) {
        out += word.substr(from, static_cast<std::size_t>(at) - from) + "|";
        from = static_cast<std::size_t>(at);
    }
    return out + word.substr(from);
}

}  // namespace

TEST_CASE("Spanish uses hyph_es_ES.dic with its margins, 2 and 2") {
    lerbrief::Diagnostics d;
    const auto s = lerbrief::load::load_strings(lerbrief::test::source_dir() / "strings", "es", {}, d);
    CHECK(s.typography.hyphenation == "hyph_es_ES.dic");
    CHECK(es().letters_before() == 2);
    CHECK(es().letters_after() == 2);
}

TEST_CASE("Spanish words break at their Spanish syllables") {
    CHECK(split(es(), "empleadores") == "em|plea|do|res");
    CHECK(split(es(), "credenciales") == "cre|den|cia|les");
    CHECK(split(es(), "habilidades") == "ha|bi|li|da|des");
    CHECK(split(es(), "aprendizaje") == "apren|di|za|je");
    CHECK(split(es(), "trabajadores") == "tra|ba|ja|do|res");
}

TEST_CASE("the English patterns break the same Spanish words elsewhere") {
    int differ = 0;
    for (const char* word : {"empleadores", "credenciales", "habilidades", "aprendizaje", "trabajadores"}) {
        INFO(word << ": es " << split(es(), word) << ", en " << split(en(), word));
        differ += es().points(word) != en().points(word) ? 1 : 0;
    }
    CHECK(differ >= 3);
    CHECK(split(en(), "credenciales") != "cre|den|cia|les");
}

TEST_CASE("accented letters and ñ are letters, ¿ ¡ « » are punctuation") {
    CHECK(split(es(), "información") == "in|for|ma|ción");
    CHECK(split(es(), "compañeros") == "com|pa|ñe|ros");
    CHECK(split(es(), "lingüística") == "lin|güís|ti|ca");
    CHECK(split(es(), "\xC2\xBF" "aprendizaje?") == "\xC2\xBF" "apren|di|za|je?");
    CHECK(split(es(), "\xC2\xA1" "trabajadores!") == "\xC2\xA1" "tra|ba|ja|do|res!");
    CHECK(split(es(), "\xC2\xAB" "credenciales\xC2\xBB") == "\xC2\xAB" "cre|den|cia|les\xC2\xBB");
}

TEST_CASE("a capital first letter, accented or not, is a name or a sentence's start: left alone") {
    for (const char* word : {"Habilidades", "\xC3\x81mbitos" /* Ámbitos */, "\xC3\x89" "xitos" "amente" /* Éxitosamente */,
                             "\xC3\x91" "and\xC3\xBA" "es" /* Ñandúes */, "compa\xC3\x91" "eros" /* compaÑeros */,
                             "\xC2\xBF" "\xC3\x93rganos?" /* ¿Órganos? */}) {
        INFO(word);
        CHECK(es().points(word).empty());
    }
}
