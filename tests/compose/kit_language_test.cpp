// The convening kit in the edition's language (issue 18): the agenda, the
// worksheets, the table tents and the badges take every fixed word from the
// strings file — labels, headings, the "continued" head, the footer's page
// count, the PDF's title, subject and keywords — so a Spanish kit has the
// Spanish words and none of the English ones.
#include <catch2/catch.hpp>

#include "compose/compose.h"
#include "compose/figures.h"
#include "load/strings_file.h"
#include "compose_setup.h"
#include "support/support.h"

using namespace lerbrief;
namespace t = lerbrief::test;

namespace {

struct Setup : t::ComposeSetup {
    explicit Setup(const char* language) : ComposeSetup("letter", {}, "Encuentro regional", "1 December 2026", "Denver, CO") {
        strings = load::load_strings(t::source_dir() / "strings", language, {}, diags);
        for (int i = 0; i < 30; ++i) {  // two pages of programme
            AgendaItem a;
            a.time = std::to_string(8 + i / 4) + ":" + std::to_string(10 + (i % 4) * 10);
            a.title = "Mesa de trabajo " + std::to_string(i + 1);
            a.note = "Traigan la hoja de trabajo de su mesa.";
            in.event.agenda.push_back(a);
        }
        for (const auto& s : content.stakeholders) {
            Attendee a;
            a.name = "Ana Martínez";
            a.group = s.id;
            in.event.attendees.push_back(a);
        }
    }
};

// Every word the document shows: its lines, what is drawn beside them
// (heads, footers, labels) and its metadata.
std::string words(const compose::Composed& c) {
    std::string s = c.doc.meta.title + "\n" + c.doc.meta.subject + "\n" + c.doc.meta.keywords + "\n";
    for (const auto& r : c.lines) s += r.info.text + "\n";
    for (const auto& p : c.doc.pages)
        for (const auto& it : p.frame.items)
            if (const auto* ti = std::get_if<layout::TextItem>(&it)) s += ti->text + "\n";
    return s;
}

std::string kit(const Setup& s) {
    return words(compose::agenda(s.in)) + words(compose::worksheets(s.in)) + words(compose::table_tents(s.in)) +
           words(compose::badges(s.in));
}

// English and Spanish of each fixed string the kit prints.
const std::pair<const char*, const char*> kWords[] = {
    {"AGENDA", "ORDEN DEL DÍA"},
    {"Encuentro regional \u2014 agenda, continued", "Encuentro regional \u2014 orden del día (continuación)"},
    {"1 of ", "1 de "},  // the footer: "1 of 3"
    {"Agenda \u2014 Encuentro regional", "Orden del día \u2014 Encuentro regional"},
    {"The agenda of Encuentro regional", "El orden del día de Encuentro regional"},
    {"WORKSHEET \u00B7 ACTION AREA 1", "HOJA DE TRABAJO \u00B7 ÁREA DE ACCIÓN 1"},
    {"Our organisation will\u2026", "Nuestra organización se compromete a\u2026"},
    {"What we need", "Lo que necesitamos"},
    {"Who we will work with", "Con quiénes trabajaremos"},
    {"OUR TABLE\u2019S STAKEHOLDER GROUP", "GRUPO DE INTERÉS DE NUESTRA MESA"},
    {"Worksheets \u2014 Encuentro regional", "Hojas de trabajo \u2014 Encuentro regional"},
    {"Action-area worksheets for", "Hojas de trabajo por área de acción de"},
    {"Table tents \u2014 Encuentro regional", "Tarjetas de mesa \u2014 Encuentro regional"},
    {"folded along the long edge", "dobladas por el borde largo"},
    {"Name badges \u2014 Encuentro regional", "Gafetes \u2014 Encuentro regional"},
    {"six to a sheet, with cut marks", "seis por hoja, con marcas de corte"},
    {"Learning and Employment Records, LER, convening", "registros de aprendizaje y empleo, LER, encuentro"},
};

}  // namespace

TEST_CASE("kit language: the English kit's fixed words, and the Spanish kit's in their place", "[compose][kit]") {
    const std::string en = kit(Setup("en-US")), es = kit(Setup("es"));
    for (const auto& [english, spanish] : kWords) {
        INFO(english << " / " << spanish);
        CHECK(en.find(english) != std::string::npos);
        CHECK(es.find(english) == std::string::npos);
        CHECK(es.find(spanish) != std::string::npos);
    }
}

TEST_CASE("kit language: an action area without bullets asks for the table's own commitments in Spanish",
          "[compose][kit]") {
    Setup s("es");
    for (auto& a : s.content.action_areas) a.bullets.clear();
    const std::string es = words(compose::worksheets(s.in));
    CHECK(es.find("Escriban sus propios compromisos:") != std::string::npos);
    CHECK(es.find("Write your own") == std::string::npos);
}

TEST_CASE("kit language: a dot of the participation matrix is read in the edition's language", "[compose]") {
    for (const auto& [language, said] : {std::pair{"en-US", "takes part"}, std::pair{"es", "participa"}}) {
        Setup s(language);
        int dots = 0;
        for (const auto& m : compose::participation_matrices(s.content, s.in.tools, 468))
            for (const auto& it : m->items)
                if (const auto* sh = std::get_if<layout::Shape>(&it); sh && sh->tag && !sh->tag->actual_text().empty()) {
                    CHECK(sh->tag->actual_text() == said);
                    ++dots;
                }
        CHECK(dots > 0);
    }
}
