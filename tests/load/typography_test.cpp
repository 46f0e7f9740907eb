// Straight quotes become typographic ones in every printed text value, in
// both loaders (load/typography.h); a quotation's own marks are not doubled.
#include <catch2/catch.hpp>

#include "load/load.h"
#include "load/strings_file.h"
#include "load/typography.h"
#include "model/markup.h"
#include "model/strings.h"
#include "support/support.h"

using namespace lerbrief;
using load::smart_quotes;
using load::without_outer_quotes;
namespace t = lerbrief::test;

TEST_CASE("typography: double and single quotes open after a space, a bracket or a dash, close otherwise") {
    CHECK(smart_quotes("\"Hello,\" she said.") == "“Hello,” she said.");
    CHECK(smart_quotes("a (\"b\") [\"c\"]") == "a (“b”) [“c”]");
    CHECK(smart_quotes("x \u2014\"y\"") == "x \u2014“y”");
    CHECK(smart_quotes("'single' and \"'nested'\"") == "‘single’ and “‘nested’”");
    CHECK(smart_quotes("He said \"it is 'fine'.\"") == "He said “it is ‘fine’.”");
    CHECK(smart_quotes("\u00A0\"x\"") == "\u00A0“x”");
}

TEST_CASE("typography: apostrophes in and after words, and before digits") {
    CHECK(smart_quotes("don't, it's, the employer's view") == "don’t, it’s, the employer’s view");
    CHECK(smart_quotes("the Lees' house") == "the Lees’ house");
    CHECK(smart_quotes("in the '90s") == "in the ’90s");
    CHECK(smart_quotes("the 1990's") == "the 1990’s");
    CHECK(smart_quotes("l'\u00E9t\u00E9, caf\u00E9's") == "l’\u00E9t\u00E9, caf\u00E9’s");
}

TEST_CASE("typography: inch and foot marks after digits, unless a quotation is open") {
    CHECK(smart_quotes("a 12\" screen") == "a 12″ screen");
    CHECK(smart_quotes("5'10\" tall") == "5′10″ tall");
    CHECK(smart_quotes("a 6' pole") == "a 6′ pole");
    // a quotation that ends with a number closes
    CHECK(smart_quotes("\"Top 10\" list") == "“Top 10” list");
    CHECK(smart_quotes("'Route 66' sign") == "‘Route 66’ sign");
}

TEST_CASE("typography: link URLs, escapes, code and bare addresses are left as written") {
    CHECK(smart_quotes("[\"Report\"](https://x.org/a'b\"c)") == "[“Report”](https://x.org/a'b\"c)");
    CHECK(smart_quotes("a straight \\\" mark") == "a straight \\\" mark");
    CHECK(smart_quotes("run `say \"hi\"` now, \"ok\"") == "run `say \"hi\"` now, “ok”");
    CHECK(smart_quotes("a lone ` and \"q\"") == "a lone ` and “q”");
    CHECK(smart_quotes("see https://x.org/it's?q=1.") == "see https://x.org/it's?q=1.");
    CHECK(smart_quotes("(\"https://x.org/a\")") == "(“https://x.org/a”)");
    CHECK(smart_quotes("'https://x.org'") == "‘https://x.org’");
}

TEST_CASE("typography: emphasis markers are see-through, paragraphs close open marks, twice is once") {
    CHECK(smart_quotes("**\"Bold\"** and *'it'*") == "**“Bold”** and *‘it’*");
    CHECK(smart_quotes("\"open\n\n\"again\"") == "“open\n\n“again”");
    CHECK(smart_quotes("12\" and \"a\"") == "12″ and “a”");
    for (const char* s : {"\"Hello,\" she said.", "5'10\"", "don't 'x' \"y\" '90s", "[a](u'\") `\"`"}) {
        const std::string once = smart_quotes(s);
        CHECK(smart_quotes(once) == once);
    }
    // markup survives: the same spans, only the marks changed
    const auto p = parse_markup(smart_quotes("*\"a\"* [b's](https://x.org/'q')"));
    REQUIRE(p.size() == 1);
    REQUIRE(p[0].spans.size() == 3);
    CHECK(p[0].spans[0].text == "“a”");
    CHECK(p[0].spans[2].text == "b’s");
    CHECK(p[0].spans[2].link == "https://x.org/'q'");
    // invalid UTF-8 passes through byte for byte
    CHECK(smart_quotes("a\xff'b") == "a\xff’b");
}

TEST_CASE("quotations: the marks around a whole quote are dropped, once") {
    CHECK(without_outer_quotes("“We have been issuing.”") == "We have been issuing.");
    CHECK(without_outer_quotes("  \"Straight ones\"  ") == "Straight ones");
    CHECK(without_outer_quotes("‘Single’") == "Single");
    CHECK(without_outer_quotes("‘It’s single’") == "It’s single");
    CHECK(without_outer_quotes("“A ‘nested’ one”") == "A ‘nested’ one");
    // a quotation in double marks inside: single marks inside the sheet's own
    CHECK(without_outer_quotes("“the “Aha” moment”") == "the ‘Aha’ moment");
    CHECK(without_outer_quotes("“a “b” c “d” e”") == "a ‘b’ c ‘d’ e");
    // not one quotation: left as is
    CHECK(without_outer_quotes("“a” and “b”") == "“a” and “b”");
    CHECK(without_outer_quotes("“a” and “b” and “c”") == "“a” and “b” and “c”");
    CHECK(without_outer_quotes("“Only opens") == "“Only opens");
    CHECK(without_outer_quotes("Only closes”") == "Only closes”");
    CHECK(without_outer_quotes("“”") == "“”");
    CHECK(without_outer_quotes("\"a\\\"") == "\"a\\\"");
    CHECK(without_outer_quotes("Plain") == "Plain");
}

namespace {
std::string all_messages(const Diagnostics& d) {
    std::string out;
    for (const auto& x : d.items()) out += format(x) + "\n";
    return out;
}
}  // namespace

TEST_CASE("typography: the website loader sets quotes and entities as print, and keeps URLs as written") {
    t::TempDir dir;
    t::write_file(dir / "_data/stakeholders-list.yml",
                  "stakeholders:\n  - name: Employers' groups\n    url: a\n"
                  "    definition: The \"skills-based\" approach&colon; it's &quot;new&quot;.\n"
                  "    quote-text: \"“We [Participate] have been issuing.”\"\n"
                  "    quote-description: Julie's team\n"
                  "  - name: B\n    url: b\n    definition: d\n    quotes:\n      - '\"Straight and whole\"'\n");
    t::write_file(dir / "_data/action-items-content.yml", "actions:\n  - name: p\n    title: P\n");
    t::write_file(dir / "_data/resources-list.yml",
                  "resources:\n  - name: G\n    sites:\n      - title: \"'Going digital'\"\n"
                  "        url: https://x.org/it's\n");
    Diagnostics d;
    Content c = load::load_content(dir.path().string(), d);
    INFO(all_messages(d));
    CHECK_FALSE(d.has_errors());
    REQUIRE(c.stakeholders.size() == 2);
    const Stakeholder& a = c.stakeholders[0];
    CHECK(a.name.value == "Employers’ groups");
    CHECK(a.definition.value == "The “skills-based” approach: it’s “new”.");
    REQUIRE(a.quote);
    CHECK(a.quote->text.value == "We \\[Participate\\] have been issuing.");
    CHECK(a.quote->attribution.value == "Julie’s team");
    REQUIRE(c.stakeholders[1].quote);
    CHECK(c.stakeholders[1].quote->text.value == "Straight and whole");
    REQUIRE(c.resources.size() == 1);
    CHECK(c.resources[0].items[0].title.value == "‘Going digital’");
    CHECK(c.resources[0].items[0].url == "https://x.org/it's");
}

TEST_CASE("typography: our loader sets quotes as print in text, not in ids, URLs or paths") {
    t::TempDir dir;
    t::copy_tree(t::source_dir() / "data", dir.path());
    t::write_file(dir / "stakeholders/employers.yaml",
                  "id: employers\nname: \"Employers' groups\"\n"
                  "definition: 'The \"skills-based\" approach, a 12\" screen'\n"
                  "quote:\n  text: '\"Already quoted.\"'\n  attribution: \"Julie's team\"\n");
    Diagnostics d;
    Content c = load::load_content(dir.path().string(), d);
    INFO(all_messages(d));
    CHECK_FALSE(d.has_errors());
    const Stakeholder* e = c.find_stakeholder("employers");
    REQUIRE(e);
    CHECK(e->name.value == "Employers’ groups");
    CHECK(e->definition.value == "The “skills-based” approach, a 12″ screen");
    REQUIRE(e->quote);
    CHECK(e->quote->attribution.value == "Julie’s team");
    // the quotation's own marks: dropped by load_content for both loaders
    CHECK(e->quote->text.value == "Already quoted.");
}

namespace {
// Spanish (strings/es.yaml): comillas latinas outside, English double marks inside (RAE).
const std::array<std::string, 4> kSpanish{"«", "»", "“", "”"};
}  // namespace

TEST_CASE("language quotes: double marks become the outer ones, single marks the inner ones") {
    using load::language_quotes;
    CHECK(language_quotes("Dijo “hola” y se fue.", kSpanish) == "Dijo «hola» y se fue.");
    CHECK(language_quotes("“Es el ‘momento’ clave.”", kSpanish) == "«Es el “momento” clave.»");
    CHECK(language_quotes("un ‘aparte’, otro ‘aparte’", kSpanish) == "un “aparte”, otro “aparte”");
    // a Spanish author's own «…»: a “…” inside it is the inner quotation
    CHECK(language_quotes("«dice “hola” y calla»", kSpanish) == "«dice “hola” y calla»");
    CHECK(language_quotes("“dice “hola” y calla”", kSpanish) == "«dice “hola” y calla»");
    // the same text in English marks is unchanged
    const std::array<std::string, 4> english{"“", "”", "‘", "’"};
    CHECK(language_quotes("“It’s the ‘Aha’ moment,” she said.", english) == "“It’s the ‘Aha’ moment,” she said.");
}

TEST_CASE("language quotes: an apostrophe stays, a ’ closes only an open ‘ before no letter") {
    using load::language_quotes;
    CHECK(language_quotes("l’école, don’t, the Lees’ house, the ’90s", kSpanish) ==
          "l’école, don’t, the Lees’ house, the ’90s");
    CHECK(language_quotes("‘don’t go’", kSpanish) == "“don’t go”");
    CHECK(language_quotes("‘rock’n’roll’ now", kSpanish) == "“rock’n’roll” now");
    CHECK(language_quotes("‘*enfático*’.", kSpanish) == "“*enfático*”.");
    // a paragraph break closes what is open: its ’ is an apostrophe
    CHECK(language_quotes("‘abierta\n\nLees’ casa", kSpanish) == "“abierta\n\nLees’ casa");
    // primes are not quotation marks
    CHECK(language_quotes("a 12″ screen, 5′10″", kSpanish) == "a 12″ screen, 5′10″");
}

TEST_CASE("language quotes: link URLs, escapes, code and bare addresses are left as written") {
    using load::language_quotes;
    CHECK(language_quotes("[“a”](https://x.org/“b”) “c”", kSpanish) == "[«a»](https://x.org/“b”) «c»");
    CHECK(language_quotes("\\“literal\\” and `“code”`", kSpanish) == "\\“literal\\” and `“code”`");
    CHECK(language_quotes("see https://x.org/‘q now", kSpanish) == "see https://x.org/‘q now");
    CHECK(language_quotes("“https://x.org/a”", kSpanish) == "«https://x.org/a»");  // ” ends an address
}

TEST_CASE("language quotes: every printed text of the content, in Spanish only") {
    Content c;
    Stakeholder s;
    s.name.value = "Grupos “de empleo”";
    s.definition.value = "Un enfoque “basado en ‘habilidades’”.";
    c.stakeholders.push_back(s);
    GlossaryTerm g;
    g.term.value = "“Cartera”";
    c.glossary.push_back(g);

    Content english = c;
    load::set_language_quotes(english, Typography{});
    CHECK(english.stakeholders[0].definition.value == "Un enfoque “basado en ‘habilidades’”.");

    Typography es;
    es.quotes = kSpanish;
    load::set_language_quotes(c, es);
    CHECK(c.stakeholders[0].name.value == "Grupos «de empleo»");
    CHECK(c.stakeholders[0].definition.value == "Un enfoque «basado en “habilidades”».");
    CHECK(c.glossary[0].term.value == "«Cartera»");
}

TEST_CASE("language quotes: a Spanish content folder loads and prints « » outside, “ ” inside") {
    t::TempDir dir;
    t::copy_tree(t::source_dir() / "data", dir.path());
    t::write_file(dir / "stakeholders/employers.yaml",
                  "id: employers\nname: Empleadores\n"
                  "definition: 'El enfoque \"basado en ''habilidades''\", según l''equipe'\n");
    Diagnostics d;
    Content c = load::load_content(dir.path().string(), d);
    INFO(all_messages(d));
    REQUIRE_FALSE(d.has_errors());
    Diagnostics sd;
    const Strings es = load::load_strings(t::source_dir() / "strings", "es", {}, sd);
    load::set_language_quotes(c, es.typography);
    const Stakeholder* e = c.find_stakeholder("employers");
    REQUIRE(e);
    CHECK(e->definition.value == "El enfoque «basado en “habilidades”», según l’equipe");
}

TEST_CASE("a quotation written in «…» loses its marks, as one in “…” does") {
    CHECK(load::without_outer_quotes("«Por fin lo tenemos.»") == "Por fin lo tenemos.");
    CHECK(load::without_outer_quotes("«uno» y «dos»") == "«uno» y «dos»");  // two quotations: kept
}

