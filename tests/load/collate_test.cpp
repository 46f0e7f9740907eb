// The glossary's order by the language's collation (load/collate.h, ICU).
#include "load/collate.h"

#include <catch2/catch.hpp>
#include <cctype>
#include <cstdint>
#include <string>
#include <vector>

#include "load/strings_file.h"
#include "support/support.h"

using namespace lerbrief;
namespace t = lerbrief::test;

namespace {

std::vector<std::string> sorted(std::vector<std::string> words, const char* language) {
    Diagnostics d;
    const Strings s = load::load_strings(t::source_dir() / "strings", language, {}, d);
    std::vector<GlossaryTerm> glossary;
    for (auto& w : words) {
        GlossaryTerm g;
        g.term.value = w;
        glossary.push_back(g);
    }
    load::sort_glossary(glossary, s, d);
    std::vector<std::string> out;
    for (const auto& g : glossary) out.push_back(g.term.value);
    return out;
}

}  // namespace

TEST_CASE("collation: Spanish puts ñ after n, as a letter of its own") {
    CHECK(sorted({"oro", "ñandú", "nube"}, "es") == std::vector<std::string>{"nube", "ñandú", "oro"});
    CHECK(sorted({"ñu", "nuez", "nulo"}, "es") == std::vector<std::string>{"nuez", "nulo", "ñu"});
    // English reads ñ as an accented n (and byte order would put it after o)
    CHECK(sorted({"oro", "ñandú", "nube"}, "en") == std::vector<std::string>{"ñandú", "nube", "oro"});
    CHECK(sorted({"ñu", "nuez", "nulo"}, "en") == std::vector<std::string>{"ñu", "nuez", "nulo"});
}

TEST_CASE("collation: an accent is a secondary difference: árbol sorts with arbol") {
    CHECK(sorted({"arce", "árbol", "arbusto", "arbol"}, "es") ==
          std::vector<std::string>{"arbol", "árbol", "arbusto", "arce"});
    CHECK(sorted({"Énfasis", "empleo", "ética", "Evaluación"}, "es") ==
          std::vector<std::string>{"empleo", "Énfasis", "ética", "Evaluación"});
}

TEST_CASE("collation: English terms in alphabetical order, case and markup aside") {
    CHECK(sorted({"Verifier", "Verification", "Verifiable Credential", "badge", "*Assertion*", "Competency Framework"},
                 "en-US") == std::vector<std::string>{"*Assertion*", "badge", "Competency Framework",
                                                      "Verifiable Credential", "Verification", "Verifier"});
    CHECK(sorted({"Skill Framework", "Skill", "Skills-based Hiring"}, "en-US") ==
          std::vector<std::string>{"Skill", "Skill Framework", "Skills-based Hiring"});
}

TEST_CASE("collation: equal terms keep their order, an unknown locale still sorts") {
    std::vector<GlossaryTerm> g(2);
    g[0].term.value = "Badge";
    g[0].pos.line = 1;
    g[1].term.value = "Badge";
    g[1].pos.line = 2;
    Strings s;
    s.typography.collation = "xx-nonsense";
    Diagnostics sorting;
    load::sort_glossary(g, s, sorting);
    CHECK(sorting.warning_count() == 0);  // ICU loaded: an unknown locale is its root order, no warning
    CHECK(g[0].pos.line == 1);
    const load::Collator unknown("xx-nonsense");
    CHECK(unknown.less("apple", "banana"));
    CHECK(unknown.compare("same", "same") == 0);
}

TEST_CASE("collation: printable ASCII sorts as ICU sorts it, without opening ICU") {
    // every character against every other, then strings that share a
    // beginning and differ in a letter, its case, a space, a digit or a sign
    std::vector<std::string> chars;
    for (char c = 0x20; c <= 0x7e; ++c) chars.emplace_back(1, c);
    const std::string alphabet = "aAbBzZ eE0 9-()/.,&'_~";
    std::uint32_t seed = 12345;
    auto next = [&seed](std::uint32_t n) {
        seed = seed * 1664525u + 1013904223u;
        return (seed >> 8) % n;
    };
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& a : chars)
        for (const auto& b : chars) pairs.emplace_back(a, b);
    for (int i = 0; i < 20000; ++i) {
        std::string a;
        for (std::uint32_t k = 0, n = next(7); k < n; ++k) a += alphabet[next(alphabet.size())];
        std::string b = a;
        switch (next(4)) {
            case 0: if (!b.empty()) b[next(b.size())] = alphabet[next(alphabet.size())]; break;
            case 1: b += alphabet[next(alphabet.size())]; break;
            case 2: if (!b.empty()) b.erase(next(b.size()), 1); break;
            default: for (char& c : b) if (next(3) == 0 && std::isalpha(static_cast<unsigned char>(c))) c ^= 0x20;
        }
        pairs.emplace_back(a, b);
    }
    for (const char* locale : {"en", "en-US", "en_GB", "es", "es-MX", "es_419"}) {
        INFO(locale);
        CHECK(load::orders_ascii_as_root(locale));
        const load::Collator icu(locale);
        std::size_t differ = 0;
        for (const auto& [a, b] : pairs) {
            REQUIRE(load::is_printable_ascii(a));
            if (load::compare_printable_ascii(a, b) != icu.compare(a, b)) {
                UNSCOPED_INFO("'" << a << "' against '" << b << "'");
                ++differ;
            }
        }
        CHECK(differ == 0);
    }
    // languages that order letters of their own, and chosen collations: ICU's
    // (en-US-POSIX is a collation of its own; ICU reads an extension in
    // capitals, or after underscores, too)
    for (const char* locale : {"da", "sv", "lt", "hu", "en-u-kn-true", "es-u-co-trad", "en@colcaselevel=yes", "",
                               "en_US_POSIX", "en-US-POSIX", "en-U-KN-TRUE", "es_u_kf_upper", "eng", "en-", "en-USA",
                               "EN", "es-ES-tradnl"})
        CHECK(!load::orders_ascii_as_root(locale));
    CHECK(!load::is_printable_ascii("\xc3\xb1"));  // ñ
    CHECK(!load::is_printable_ascii("a\tb"));
}
