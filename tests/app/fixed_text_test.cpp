// No fixed English text in compose/ or app/ (issue 18): every word lerbrief
// prints comes from strings/<language>.yaml, so an edition in another language
// has none of English's. The test reads src/compose/*.cpp and src/app/*.cpp
// and fails on each string literal that reads as English prose: two words of
// letters with a space between them ("Go to page {}"), a word of letters
// beside a space (" of "), a capitalised word of three letters or more
// ("Contents"), or an upper-case word of four or more ("AGENDA"; three-letter
// ones are mostly acronyms and names: "LER", "CON").
//
// Not read: comments, preprocessor lines (#include), and the literals inside
// a call to a msg:: function (the CLI's messages, English on purpose, live in
// src/messages/) or to getenv (a variable's name). Identifiers pass by their shape: style names, page kinds,
// anchors, file and option names ("agenda-time", "sheet:", "--tables") have
// no space and no capital. What is left and is not text for a reader is on
// the allow-list below, each with its reason.
//
// LERBRIEF_FIXED_TEXT_ROOT=<a source tree> runs it on another tree (to see
// what it finds on an older commit).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Literal {
    std::string file;  // "compose/booklet.cpp"
    int line = 0;
    std::string text;  // as written between the quotes (escapes kept)
};

struct Allowed {
    const char* file;
    const char* text;
    const char* reason;
};

// As short as it can be: each entry says why the literal is not a reader's text.
const Allowed kAllowed[] = {
    {"compose/booklet.cpp", "lerbrief ", "the PDF's /Creator: the program's name and version"},
    {"compose/kit_page.cpp", "lerbrief ", "the PDF's /Creator: the program's name and version"},
    {"compose/sheet.cpp", "lerbrief ", "the PDF's /Creator: the program's name and version"},
    {"compose/booklet.cpp", "Learning and employment records describe what a person knows and can do, in a form ",
     "kMeasureSample: text measured for the average width of a character, never printed"},
    {"compose/booklet.cpp", "that employers, schools and the learners themselves can verify and carry with them.",
     "kMeasureSample: text measured for the average width of a character, never printed"},
    {"app/output_check.cpp", "CNAME", "a file's name (the website's)"},
    {"app/open_viewer.cpp", "DISPLAY", "an environment variable's name (read by a helper, not getenv)"},
    {"app/versions.cpp", "lerbrief {}\\nlibharu {}, Cairo {}, librsvg {}, yaml-cpp {}, libhyphen {}",
     "--version: the names of the program and its libraries"},
};

bool is_ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == ':'; }

// The literals of C++ source `src`, with the callee of each enclosing call:
// those inside a msg:: call are left out. Comments and preprocessor lines
// are skipped; raw strings are read whole.
std::vector<Literal> literals(const std::string& file, const std::string& src) {
    std::vector<Literal> out;
    std::vector<std::string> calls;  // the callee before each open parenthesis
    int line = 1;
    bool line_start = true;
    auto in_msg = [&] {
        return std::any_of(calls.begin(), calls.end(), [](const std::string& c) {
            return c.rfind("msg::", 0) == 0 || c == "getenv" || c == "std::getenv";
        });
    };
    for (std::size_t i = 0; i < src.size(); ++i) {
        const char c = src[i];
        if (c == '\n') {
            ++line, line_start = true;
            continue;
        }
        if (line_start && c == '#') {  // a preprocessor line, continued by backslashes
            while (i < src.size() && !(src[i] == '\n' && src[i - 1] != '\\')) ++i;
            --i;
            continue;
        }
        if (!std::isspace(static_cast<unsigned char>(c))) line_start = false;
        if (c == '/' && i + 1 < src.size() && src[i + 1] == '/') {
            while (i < src.size() && src[i] != '\n') ++i;
            --i;
            continue;
        }
        if (c == '/' && i + 1 < src.size() && src[i + 1] == '*') {
            const std::size_t end = src.find("*/", i + 2);
            for (std::size_t k = i; k < end && k < src.size(); ++k) line += src[k] == '\n';
            i = end == std::string::npos ? src.size() : end + 1;
            continue;
        }
        if (c == '\'' && i > 0 && std::isxdigit(static_cast<unsigned char>(src[i - 1]))) continue;  // 1'000: a digit separator
        if (c == '\'') {  // a character literal ('"' must not open a string)
            ++i;
            while (i < src.size() && src[i] != '\'') i += src[i] == '\\' ? 2 : 1;
            continue;
        }
        if (c == '"') {
            const bool raw = i > 0 && src[i - 1] == 'R';
            const int at = line;
            std::string text;
            if (raw) {
                const std::size_t open = src.find('(', i);
                const std::string close = ")" + src.substr(i + 1, open - i - 1) + "\"";
                const std::size_t end = src.find(close, open);
                text = src.substr(open + 1, end - open - 1);
                i = end + close.size() - 1;
            } else {
                ++i;
                while (i < src.size() && src[i] != '"') {
                    if (src[i] == '\\') text += src[i++];
                    text += src[i++];
                }
            }
            line += static_cast<int>(std::count(text.begin(), text.end(), '\n'));
            if (!in_msg()) out.push_back({file, at, text});
            continue;
        }
        if (c == '(') {
            std::size_t k = i;
            while (k > 0 && std::isspace(static_cast<unsigned char>(src[k - 1]))) --k;
            std::size_t b = k;
            while (b > 0 && is_ident_char(src[b - 1])) --b;
            calls.push_back(src.substr(b, k - b));
        } else if (c == ')' && !calls.empty()) {
            calls.pop_back();
        }
    }
    return out;
}

// Whether a literal reads as English for a reader. Escapes (\n, \u2014) and
// fmt placeholders ({}, {:.1f}) are not words.
bool looks_english(std::string text) {
    text = std::regex_replace(text, std::regex(R"(\\u[0-9A-Fa-f]{4}|\\.)"), " ");
    text = std::regex_replace(text, std::regex(R"(\{[^{}]*\})"), "#");
    static const std::regex two_words(R"([A-Za-z]{2,}[,;:.!?]?\s+[A-Za-z]{2,})");
    static const std::regex by_a_space(R"((^|\s)[A-Za-z]{2,}[,;:.!?]?(\s|$)|(^|\s)[A-Za-z]{2,}\s)");
    static const std::regex capitalised(R"((^|[^A-Za-z0-9_-])([A-Z][a-z][A-Za-z]+|[A-Z]{4,})($|[^A-Za-z0-9_-]))");
    const bool spaced = text.find(' ') != std::string::npos;
    return std::regex_search(text, two_words) || (spaced && std::regex_search(text, by_a_space)) ||
           std::regex_search(text, capitalised);
}

bool allowed(const Literal& l) {
    return std::any_of(std::begin(kAllowed), std::end(kAllowed),
                       [&](const Allowed& a) { return l.file == a.file && l.text == a.text; });
}

fs::path source_root() {
    if (const char* e = std::getenv("LERBRIEF_FIXED_TEXT_ROOT"); e && *e) return e;
    return LERBRIEF_SOURCE_DIR;
}

std::vector<Literal> scan() {
    std::vector<Literal> all;
    for (const char* dir : {"compose", "app"}) {
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(source_root() / "src" / dir))
            if (e.path().extension() == ".cpp") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const auto& p : files) {
            std::ifstream in(p, std::ios::binary);
            std::stringstream ss;
            ss << in.rdbuf();
            auto l = literals(std::string(dir) + "/" + p.filename().string(), ss.str());
            all.insert(all.end(), l.begin(), l.end());
        }
    }
    return all;
}

}  // namespace

TEST_CASE("fixed text: the scanner finds English prose and passes identifiers, comments and msg:: calls") {
    const std::string src = R"CPP(#include "compose/page_setup.h"
// "Not this comment"
/* nor "This One" */
void f() {
    b.heading(s(Str::contents), "h1", 1, "contents");  // identifiers
    b.text("Who takes part where", "body");
    b.rule("accent", 1.2);
    r += std::to_string(i) + " of " + std::to_string(n);
    b.text("AGENDA", "label");
    msg::agenda_long(diags, "the long agenda", 3);
    auto q = '"';
    const char* home = std::getenv("HOME PATH");
    bool dev = name == "CON" || name == "DISPLAY X";
    auto j = fmt::format(R"({{"name": {}}})", x);
    out += fmt::format("{} ({:.1f} x {:.1f} mm)", a, b, c);
    open_output("--tables", "print-manifest.txt", "sheet:" + id);
    auto n = 1'000'000;
    b.text("After a digit separator", "body");
}
)CPP";
    std::vector<std::string> found;
    for (const auto& l : literals("compose/x.cpp", src))
        if (looks_english(l.text)) found.push_back(std::to_string(l.line) + ": " + l.text);
    CHECK(found == std::vector<std::string>{"6: Who takes part where", "8:  of ", "9: AGENDA", "13: DISPLAY X",
                                             "18: After a digit separator"});
}

TEST_CASE("fixed text: no English literal a reader would see is left in compose/ or app/") {
    std::vector<Literal> all = scan();
    REQUIRE(all.size() > 100);  // the folders were read
    std::string report;
    for (const auto& l : all)
        if (looks_english(l.text) && !allowed(l))
            report += "  src/" + l.file + ":" + std::to_string(l.line) + ": \"" + l.text + "\"\n";
    INFO("fixed English text in the code; move it to strings/<language>.yaml (model/strings.h), or a CLI message "
         "to src/messages/:\n" + report);
    CHECK(report.empty());
    // an entry that matches nothing is stale: the allow-list stays short
    for (const auto& a : kAllowed) {
        INFO("allow-list entry matches nothing: " << a.file << " \"" << a.text << "\"");
        CHECK(std::any_of(all.begin(), all.end(), [&](const Literal& l) { return l.file == a.file && l.text == a.text; }));
    }
}
