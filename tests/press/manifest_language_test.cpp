// The print manifest in the edition's language (issue 18): its text for
// people in Spanish, every field lined up after the longest name; its JSON's
// keys and identifiers (role, duplex, ink, paper name) as in English, its
// words for people ("stock") in Spanish.
#include <catch2/catch.hpp>

#include "press/manifest.h"
#include "press_strings.h"

using namespace lerbrief;
using press::Role;

namespace {

press::Manifest sample() {
    press::Manifest m;
    m.title = "Encuentro regional";
    m.date = "2026-12-02";
    m.audience = {9, 0};
    m.files.push_back({"b-imposed.pdf", Role::printer_spreads, "", 612, 792, 1224, 792, 8, true, 8.5, {}});
    m.files.push_back({"table-tents.pdf", Role::table_tents, "", 792, 612, 792, 612, 2, false, -1, {2, 1}});
    m.files.push_back({"sheet.pdf", Role::factsheet, "Empleadores", 612, 792, 700, 900, 1, false, -1, {}});
    return m;
}

}  // namespace

TEST_CASE("manifest: the text in Spanish, lined up, with no English word left", "[press]") {
    const std::string text = press::manifest_text(sample(), test::spanish());
    CHECK_THAT(text, Catch::StartsWith("Hoja de impresión: Encuentro regional (2026-12-02)\n"
                                       "Para 9 asistentes en 2 mesas (8 por mesa; --tables lo cambia): "));
    // "tamaño de hoja:" is the longest name: every value starts two spaces after it
    CHECK_THAT(text, Catch::Contains("b-imposed.pdf\n"
                                     "  qué es:          folleto, pliegos de imprenta (grapado a caballete)\n"
                                     "  tamaño final:    Carta (215.9 x 279.4 mm)\n"
                                     "  tamaño de hoja:  Tabloide (431.8 x 279.4 mm)\n"
                                     "  sangrado:        3.0 mm, marcas de corte\n"
                                     "  páginas:         8\n"
                                     "  hojas/copia:     4\n"
                                     "  doble cara:      borde corto; doblar el fajo por la mitad y grapar en el pliegue\n"
                                     "  tinta:           escala de grises (solo negro)\n"
                                     "  copias:          9 (36 hojas)\n"));
    CHECK_THAT(text, Catch::Contains("  papel:           cartulina (unos 250 g/m2"));
    CHECK_THAT(text, Catch::Contains("  mesas:           pág. 1 x2, pág. 2 x1 (cada página una vez por cada mesa de su grupo)\n"));
    CHECK_THAT(text, Catch::Contains("  qué es:          ficha informativa: Empleadores\n"));
    CHECK_THAT(text, Catch::Contains("  tamaño de hoja:  9.72 x 12.50 pulg. (246.9 x 317.5 mm)\n"));
    CHECK_THAT(text, Catch::EndsWith("\nHojas de papel en total: 41\n"));
    const std::string english = press::manifest_text(sample(), test::english());
    for (const char* word : {"what:", "trim size", "duplex", "copies", "sheets", "Letter", "stock", "card",
                             "fold", "grayscale", "Print manifest", "attendees"}) {
        INFO(word);
        CHECK_THAT(english, Catch::Contains(word));
        CHECK_THAT(text, !Catch::Contains(word));
    }
}

TEST_CASE("manifest: the JSON keeps its keys and identifiers in Spanish, and its stock is in Spanish", "[press]") {
    const std::string es = press::manifest_json(sample(), test::spanish());
    const std::string en = press::manifest_json(sample(), test::english());
    CHECK_THAT(es, Catch::Contains(R"("role": "printer-spreads")"));
    CHECK_THAT(es, Catch::Contains(R"("duplex": "short edge", "ink": "gray")"));
    CHECK_THAT(es, Catch::Contains(R"("sheet": {"name": "Tabloid")"));
    CHECK_THAT(es, Catch::Contains(R"("stock": "cartulina (unos 250 g/m2, 90 lb index), para que la tarjeta se sostenga")"));
    CHECK_THAT(en, Catch::Contains(R"("stock": "card stock (about 250 g/m2, 90 lb index), so the tent stands")"));
    // apart from the stock, the same bytes
    auto without_stock = [](std::string j) {
        for (std::size_t at; (at = j.find("\"stock\": \"")) != std::string::npos;)
            j.erase(at, j.find('"', at + 10) + 1 - at);
        return j;
    };
    CHECK(without_stock(es) == without_stock(en));
}
