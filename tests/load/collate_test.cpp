// The glossary's order by the language's collation (load/collate.h, ICU).
#include "load/collate.h"

#include <catch2/catch.hpp>
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
    load::sort_glossary(glossary, s);
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
    load::sort_glossary(g, s);
    CHECK(g[0].pos.line == 1);
    const load::Collator unknown("xx-nonsense");
    CHECK(unknown.less("apple", "banana"));
    CHECK(unknown.compare("same", "same") == 0);
}
