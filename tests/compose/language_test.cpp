// The booklet's and the fact sheets' fixed text comes from the strings file
// of the edition's language (issue 18): a Spanish edition prints the Spanish
// of strings/es.yaml and none of the English, its alternative text and
// document properties too; the English edition keeps its words, with the
// colophon's date written out.
#include <catch2/catch.hpp>

#include <string>
#include <type_traits>
#include <vector>

#include "compose/compose.h"
#include "compose/factsheet.h"
#include "compose/figures.h"
#include "compose_setup.h"
#include "load/strings_file.h"
#include "support/support.h"

using namespace lerbrief;
namespace t = lerbrief::test;

namespace {

// Everything a reader meets: the text on the pages (furniture and figures
// too), the bookmarks, the alternative texts and the document's properties.
struct Seen {
    std::string text, alt, outline, meta;
};

void collect(const layout::Frame& f, Seen& s) {
    for (const auto& it : f.items)
        std::visit(
            [&](const auto& x) {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, layout::TextItem>) s.text += x.text + " ";
                if constexpr (std::is_same_v<T, layout::GroupItem>)
                    if (x.frame) collect(*x.frame, s);
                if constexpr (requires { x.tag; })
                    for (layout::Tag tg = x.tag; tg; tg = tg->parent)
                        if (!tg->alt().empty() && s.alt.find(tg->alt()) == std::string::npos) s.alt += tg->alt() + "\n";
            },
            it);
}

Seen seen(const compose::Composed& c) {
    Seen s;
    for (const auto& p : c.doc.pages) collect(p.frame, s);
    for (const auto& r : c.lines) s.text += "\n" + r.info.text;
    for (const auto& o : c.doc.outline) s.outline += o.title + "\n";
    s.meta = c.doc.meta.title + "\n" + c.doc.meta.subject + "\n" + c.doc.meta.keywords;
    return s;
}

Strings spanish(Diagnostics& diags) {
    Strings es = load::load_strings((t::source_dir() / "strings").string(), "es", {}, diags);
    REQUIRE_FALSE(diags.has_errors());
    return es;
}

const Stakeholder& first_sheet(const Content& c) {
    for (const auto& s : c.stakeholders)
        if (s.has_content() && s.quote) return s;
    FAIL("the bundled content has a group with a fact sheet and a quote");
    return c.stakeholders.front();
}

}  // namespace

TEST_CASE("language: a Spanish booklet prints the Spanish fixed text and none of the English") {
    t::ComposeSetup s("letter");
    const Strings es = spanish(s.diags);
    s.in.tools.strings = &es;
    s.in.build_date = "2023-11-14";
    const Seen b = seen(compose::booklet(s.in));
    INFO(b.outline);
    for (const char* want : {"REGISTROS DE APRENDIZAJE Y EMPLEO", "Índice", "Grupos de interés", "ÁREA DE ACCIÓN 1",
                             "Quiénes participan", "ficha, pág.", "Quién participa en cada área", "Glosario",
                             "Recursos", "Colofón", "Licencia", "Hecho con", "Generado", "14 de noviembre de 2023",
                             "Liberation Serif y Liberation Sans", "GRUPO DE INTERÉS", "DEFINICIÓN",
                             "Papel en cada fase", "Fuente:", "maquetado para imprimir con lerbrief",
                             "EN EL MAPA EN LÍNEA", "\u00AB"})
        CHECK(b.text.find(want) != std::string::npos);
    for (const char* want : {"Fichas informativas", "Glosario", "Colofón", "El ecosistema de los LER"})
        CHECK(b.outline.find(want) != std::string::npos);
    for (const char* english : {"LEARNING AND EMPLOYMENT RECORDS", "Contents", "Stakeholder groups", "ACTION AREA",
                                "Who takes part", "Also taking part", "fact sheet p.", "Glossary", "Colophon",
                                "Licence", "Made with", "Built", "November", "Liberation Serif and", "STAKEHOLDER GROUP",
                                "DEFINITION", "EXAMPLES", "Role in each phase", "Business case", "Social case",
                                "(continued)", "set for print by", "ON THE ONLINE MAP"}) {
        INFO(english);
        CHECK(b.text.find(english) == std::string::npos);
    }
    for (const char* english : {"Contents", "Fact sheets", "Glossary", "Colophon", "The LER ecosystem", "Notes"})
        CHECK(b.outline.find(english) == std::string::npos);
    CHECK(b.alt.find("Diagrama del ecosistema de los LER") != std::string::npos);
    CHECK(b.alt.find("Código QR que enlaza a https://") != std::string::npos);
    for (const char* english : {"Diagram of", "stakeholder group", "QR code", "highlighted", "in that order"})
        CHECK(b.alt.find(english) == std::string::npos);
}

TEST_CASE("language: a Spanish fact sheet: labels, page numbers, quotation marks, alt text and properties") {
    t::ComposeSetup s("letter");
    const Strings es = spanish(s.diags);
    s.in.tools.strings = &es;
    const Stakeholder& g = first_sheet(*s.in.content);
    const compose::Composed c = compose::factsheet(s.in, g);
    REQUIRE(c.doc.pages.size() == 2);
    const Seen f = seen(c);
    for (const char* want : {"GRUPO DE INTERÉS", "DEFINICIÓN", "anverso", "reverso", "\u00AB", "\u00BB"})
        CHECK(f.text.find(want) != std::string::npos);
    for (const char* english : {"STAKEHOLDER GROUP", "DEFINITION", "ACTION AREAS", "Action areas",
                                "\u201C", "From the", "set for print by"})
        CHECK(f.text.find(english) == std::string::npos);
    const std::string name = plain_text(g.name.value);
    CHECK(c.doc.meta.title == name + ": ficha informativa");
    CHECK(c.doc.meta.subject == "Ficha informativa: " + name + " en el ecosistema de los LER");
    CHECK(c.doc.meta.keywords == "registros de aprendizaje y empleo, LER, " + name);
    CHECK(f.alt.find("Se destaca el grupo " + name + ".") != std::string::npos);
}

TEST_CASE("language: the English booklet writes the build date out and keeps its words") {
    t::ComposeSetup s("letter");
    s.in.build_date = "2023-11-14";
    const Seen b = seen(compose::booklet(s.in));
    for (const char* want : {"LEARNING AND EMPLOYMENT RECORDS", "ACTION AREA 1", "Who takes part", "fact sheet p.",
                             "Colophon", "Built", "14 November 2023", "STAKEHOLDER GROUP", "Role in each phase",
                             "ON THE ONLINE MAP", "set for print by lerbrief"})
        CHECK(b.text.find(want) != std::string::npos);
    CHECK(b.text.find("2023-11-14") == std::string::npos);
}

TEST_CASE("language: the diagram's description, one group and several, in English and Spanish") {
    t::ComposeSetup s("letter");
    Diagnostics diags;
    const Strings es = spanish(diags);
    const Strings& en = *s.in.tools.strings;
    Content c;
    c.phases.resize(2);
    c.phases[0].title.value = "Learn";
    c.phases[1].title.value = "Work";
    c.stakeholders.resize(1);
    c.stakeholders[0].id = "x";
    c.stakeholders[0].name.value = "Employers";
    CHECK(compose::diagram_alt(en, c, "x") ==
          "Diagram of the LER ecosystem: the 2 phases Learn and Work, in that order, as a cycle, with 1 stakeholder "
          "group around them: Employers. The group Employers is highlighted.");
    CHECK(compose::diagram_alt(es, c, "x") ==
          "Diagrama del ecosistema de los LER: las 2 fases Learn y Work, en ese orden, como un ciclo, con 1 grupo de "
          "interés a su alrededor: Employers. Se destaca el grupo Employers.");
    c.stakeholders.push_back(c.stakeholders[0]);
    c.stakeholders[1].id = "y";
    c.stakeholders[1].name.value = "Schools";
    c.stakeholders.push_back(c.stakeholders[0]);
    c.stakeholders[2].id = "z";
    c.stakeholders[2].name.value = "Workers";
    c.phases.resize(1);
    CHECK(compose::diagram_alt(en, c) ==
          "Diagram of the LER ecosystem: the phase Learn, with 3 stakeholder groups around them: Employers, Schools, "
          "and Workers.");
    CHECK(compose::diagram_alt(es, c) ==
          "Diagrama del ecosistema de los LER: la fase Learn, con 3 grupos de interés a su alrededor: Employers, "
          "Schools y Workers.");
}

TEST_CASE("language: a sheet's one-line summary ends at the first sentence, not at the language's abbreviations") {
    t::ComposeSetup s("letter");
    Diagnostics diags;
    const Strings es = spanish(diags);
    const Strings& en = *s.in.tools.strings;
    const std::string tail = " Then a second sentence that makes the summary longer than one line can hold.";
    CHECK(compose::one_line(en, Text{"Records people can carry, e.g. a badge or a transcript." + tail, {}}) ==
          "Records people can carry, e.g. a badge or a transcript.");
    CHECK(compose::one_line(es, Text{"Registros que la gente lleva consigo, p. ej. una insignia." + tail, {}}) ==
          "Registros que la gente lleva consigo, p. ej. una insignia.");
    CHECK(compose::one_line(es, Text{"Programas de formación en los EE. UU. y en otros países." + tail, {}}) ==
          "Programas de formación en los EE. UU. y en otros países.");
    // English has no "p. ej.": its sentence ends there
    CHECK(compose::one_line(en, Text{"Records people carry with them, p. ej. a badge." + tail, {}}) ==
          "Records people carry with them, p.");
}
