// Spanish editions end to end (issue 18): the Spanish starter (--init DIR
// --language es) and a Spanish copy of the bundled introduction
// (tests/fixtures/es-intro) build, their PDFs say /Lang es, and their text
// holds lerbrief's Spanish fixed strings and none of the English ones.
//
// Which fixed strings to look for is read from the strings files themselves,
// not listed here: the same content is built twice, with --language en-US and
// in Spanish, and every string whose English text shows in the English
// edition (a whole line, or a phrase of several words) must be gone from the
// Spanish edition, its Spanish text there instead. A new string is checked
// as soon as it is printed; an English literal left in the code shows as a
// line the Spanish edition still has.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <regex>
#include <set>
#include <sstream>

#include "load/strings_file.h"
#include "model/diagnostic.h"
#include "model/strings.h"
#include "support/support.h"

namespace t = lerbrief::test;
namespace fs = std::filesystem;
using lerbrief::Str;
using lerbrief::Strings;

namespace {

Strings strings_in(const std::string& language) {
    lerbrief::Diagnostics diags;
    Strings s = lerbrief::load::load_strings(t::source_dir() / "strings", language, {}, diags);
    INFO(language);
    REQUIRE_FALSE(diags.has_errors());
    return s;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\f\r");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\f\r") + 1 - b);
}

// The text a reader gets from one edition: every PDF's text (pdftotext), the
// print manifest and any other text file written.
struct EditionText {
    std::set<std::string> lines;  // trimmed lines
    std::string flow;             // every line joined by one space
    std::string joined;           // the same with words hyphenated at a line end joined again

    bool has_line(const std::string& s) const { return lines.count(s) > 0; }
    bool has_phrase(const std::string& s) const {
        return flow.find(s) != std::string::npos || joined.find(s) != std::string::npos;
    }
};

EditionText text_of(const fs::path& out) {
    std::string all;
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(out))
        if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        if (f.extension() == ".pdf") {
            auto r = t::run_program({"pdftotext", "-enc", "UTF-8", f.string(), "-"});
            INFO(f.string() << ": " << r.err);
            REQUIRE(r.status == 0);
            all += r.out + "\n";
        } else if (f.extension() == ".txt") {
            all += t::read_file(f) + "\n";
        }
    }
    EditionText t;
    std::istringstream in(all);
    std::string line;
    std::vector<std::string> kept;
    while (std::getline(in, line)) {
        line = trim(line);
        if (line.empty()) continue;
        t.lines.insert(line);
        kept.push_back(line);
    }
    for (const auto& l : kept) {
        if (!t.flow.empty()) t.flow += ' ';
        t.flow += l;
        if (!t.joined.empty() && t.joined.back() == '-')
            t.joined.pop_back();  // "acti-" + "on": one word again
        else if (!t.joined.empty())
            t.joined += ' ';
        t.joined += l;
    }
    return t;
}

// A string worth looking for: no placeholder, not the same in both
// languages, and either a line of its own or a phrase of several words.
bool checkable(const std::string& en, const std::string& es) {
    return en.size() >= 3 && en != es && en.find('{') == std::string::npos && es.find('{') == std::string::npos;
}

// Three words or more (" and " is one word, found in any English content).
bool several_words(const std::string& s) {
    std::istringstream in(s);
    std::string w;
    int n = 0;
    while (in >> w) ++n;
    return n >= 3;
}

// Runs lerbrief, requiring success, in `cwd`.
void run_ok(const std::vector<std::string>& args, const fs::path& cwd) {
    const auto r = t::run_lerbrief(args, cwd);
    INFO(r.err);
    REQUIRE(r.status == 0);
}

// The PDF's catalog /Lang, read with qpdf (the trailer's /Root, then that object).
std::string pdf_lang(const fs::path& pdf) {
    const auto trailer = t::run_program({"qpdf", "--show-object=trailer", pdf.string()});
    REQUIRE(trailer.status == 0);
    std::smatch m;
    REQUIRE(std::regex_search(trailer.out, m, std::regex(R"(/Root (\d+) 0 R)")));
    const auto root = t::run_program({"qpdf", "--show-object=" + m[1].str(), pdf.string()});
    REQUIRE(root.status == 0);
    std::smatch lang;
    if (!std::regex_search(root.out, lang, std::regex(R"(/Lang \(([^)]*)\))"))) return {};
    return lang[1].str();
}

// Builds `data` (a content folder, relative to `cwd`) in English and in
// Spanish (`args` add, for example, the kit) and compares the fixed strings.
void require_spanish_fixed_text(const fs::path& cwd, const std::string& data, const std::vector<std::string>& args) {
    auto build = [&](const std::string& language, const std::string& out) {
        std::vector<std::string> a{"--data", data, "--output", out + "/ler-briefing.pdf"};  // the rest beside it
        if (!language.empty()) a.insert(a.end(), {"--language", language});
        a.insert(a.end(), args.begin(), args.end());
        run_ok(a, cwd);
        return text_of(cwd / out);
    };
    const EditionText english = build("en-US", "out-en");
    const EditionText spanish = build("", "out-es");  // the content's own language: es

    const Strings en = strings_in("en-US");
    const Strings es = strings_in("es");
    std::size_t checked = 0;
    for (std::size_t i = 0; i < lerbrief::kStringCount; ++i) {
        const Str key = static_cast<Str>(i);
        const std::string& e = en(key);
        const std::string& s = es(key);
        if (!checkable(e, s)) continue;
        const bool as_line = english.has_line(e);
        const bool as_phrase = several_words(e) && english.has_phrase(e);
        if (!as_line && !as_phrase) continue;  // not printed in this edition
        ++checked;
        INFO("key " << lerbrief::string_key(key) << ": English \"" << e << "\", Spanish \"" << s << "\"");
        if (as_line)
            CHECK_FALSE(spanish.has_line(e));
        else
            CHECK_FALSE(spanish.has_phrase(e));
        CHECK((spanish.has_line(s) || spanish.has_phrase(s)));
    }
    INFO("fixed strings found in the English edition");
    CHECK(checked >= 5);  // the comparison saw the headings at least
}

}  // namespace

TEST_CASE("spanish: --init DIR --language es writes the Spanish starter, which builds with Spanish fixed text") {
    t::TempDir dir;
    const auto r = t::run_lerbrief({"--init", "estado", "--language", "es"}, dir.path());
    INFO(r.err);
    REQUIRE(r.status == 0);
    const std::string doc = t::read_file(dir / "estado/document.yaml");
    CHECK(doc.find("\nlanguage: es\n") != std::string::npos);
    CHECK(doc.find("# title (markup, obligatorio)") != std::string::npos);  // the comments are Spanish too
    CHECK(fs::exists(dir / "estado/stakeholders/colleges.yaml"));
    CHECK(fs::exists(dir / "estado/stakeholders/employers.yaml"));

    // The same folder built with English words, then in Spanish (document.yaml's language).
    require_spanish_fixed_text(dir.path(), "estado", {"--all"});
    CHECK(pdf_lang(dir / "out-es/ler-briefing.pdf") == "es");
    CHECK(pdf_lang(dir / "out-es/factsheets/colleges.pdf") == "es");
    CHECK(pdf_lang(dir / "out-en/ler-briefing.pdf") == "en-US");

    // The starter's own Spanish text is there, with its accents.
    const auto text = t::run_program({"pdftotext", "-enc", "UTF-8", (dir / "out-es/ler-briefing.pdf").string(), "-"});
    CHECK(text.out.find("Proyectos piloto en común") != std::string::npos);
    CHECK(text.out.find("Emisión") != std::string::npos);
}

TEST_CASE("spanish: the Spanish starter's convening kit prints Spanish fixed text") {
    t::TempDir dir;
    REQUIRE(t::run_lerbrief({"--init", "estado", "--language", "es"}, dir.path()).status == 0);
    require_spanish_fixed_text(dir.path(), "estado", {"--kit", "--event-file", "estado/event.yaml"});
    CHECK(pdf_lang(dir / "out-es/agenda.pdf") == "es");
}

TEST_CASE("spanish: a Spanish copy of the bundled introduction builds with Spanish fixed text and /Lang es") {
    t::TempDir dir;
    t::copy_tree(t::fixtures_dir() / "es-intro", dir / "es-intro");
    const auto r = t::run_lerbrief({"--data", "es-intro", "--all"}, dir.path());
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(pdf_lang(dir / "output/ler-briefing.pdf") == "es");
    const auto text = t::run_program({"pdftotext", "-enc", "UTF-8", (dir / "output/ler-briefing.pdf").string(), "-"});
    CHECK(text.out.find("¿Por qué son importantes?") != std::string::npos);
    CHECK(text.out.find("Imagine un mundo en el que") != std::string::npos);

    require_spanish_fixed_text(dir.path(), "es-intro", {"--all"});
}

TEST_CASE("spanish: a Spanish copy of the website's data loads, its language from _config.yml's lang") {
    t::TempDir dir;
    t::copy_tree(t::fixtures_dir() / "website-es", dir / "sitio");
    auto l = t::run_lerbrief({"--list", "--data", "sitio"}, dir.path());
    INFO(l.err);
    REQUIRE(l.status == 0);
    // The phases come from the groups' section titles, accents and all.
    CHECK(l.out.find("emision") != std::string::npos);
    CHECK(l.out.find("adopcion") != std::string::npos);

    auto b = t::run_lerbrief({"--all", "--data", "sitio"}, dir.path());
    INFO(b.err);
    REQUIRE(b.status == 0);
    CHECK(b.err.find("phase") == std::string::npos);  // every group's roles found their phase
    CHECK(pdf_lang(dir / "output/ler-briefing.pdf") == "es");
    CHECK(pdf_lang(dir / "output/factsheets/employers.pdf") == "es");
    const auto sheet =
        t::run_program({"pdftotext", "-enc", "UTF-8", (dir / "output/factsheets/employers.pdf").string(), "-"});
    CHECK(sheet.out.find("Emisión") != std::string::npos);
    CHECK(sheet.out.find("Reunir datos sobre el impacto") != std::string::npos);  // a commitment under its area

    // --language overrides the site's lang; a lang that is no tag is a warning.
    REQUIRE(t::run_lerbrief({"--booklet", "--data", "sitio", "--language", "en-US", "--output", "en.pdf"}, dir.path())
                .status == 0);
    CHECK(pdf_lang(dir / "en.pdf") == "en-US");
    std::string config = t::read_file(dir / "sitio/_config.yml");
    config.replace(config.find("lang: es"), 8, "lang: español");
    t::write_file(dir / "sitio/_config.yml", config);
    auto w = t::run_lerbrief({"--check", "--data", "sitio"}, dir.path());
    CHECK(w.status == 0);
    CHECK(w.err.find("lang: 'español' is not a language tag; the edition is in en-US") != std::string::npos);
}
