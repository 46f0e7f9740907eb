// Every message a user reads is built in src/messages/ (docs/ARCHITECTURE.md).
// This test reads the sources and fails on a message built anywhere else: a
// Diagnostics call with its own text, a Diagnostic put together by hand, a
// diagram warning made of a format string, or a "lerbrief: …" line printed
// from a literal.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// What builds a message. A call of msg:: never matches: these are the
// Diagnostics members and constructions that msg:: functions wrap.
const std::vector<std::string> kBuilders = {
    ".error(", ".warning(", "->error(", "->warning(", "Diagnostic{", "warnings.push_back(fmt::format", "\"lerbrief: ",
};

// "file:line: text" for each line of `source` that builds a message.
std::vector<std::string> builders_in(const std::string& name, const std::string& source) {
    std::vector<std::string> found;
    std::istringstream in(source);
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        const auto code = line.substr(0, line.find("//"));
        for (const auto& b : kBuilders)
            if (code.find(b) != std::string::npos) {
                found.push_back(name + ":" + std::to_string(n) + ": " + line);
                break;
            }
    }
    return found;
}

bool is_home(const fs::path& rel) {
    const auto s = rel.generic_string();
    return s.rfind("messages/", 0) == 0 || s == "model/diagnostic.cpp" || s == "model/diagnostic.h";
}

}  // namespace

TEST_CASE("messages: the scanner finds a message built outside src/messages/") {
    CHECK(builders_in("x.cpp", "    diags.error(pos, fmt::format(\"bad {}\", x));\n").size() == 1);
    CHECK(builders_in("x.cpp", "  d->warning(at, \"w\");\n").size() == 1);
    CHECK(builders_in("x.cpp", "  err << \"lerbrief: oops\\n\";\n").size() == 1);
    CHECK(builders_in("x.cpp", "  g.warnings.push_back(fmt::format(\"x\"));\n").size() == 1);
    CHECK(builders_in("x.cpp", "  msg::unknown_layout(d, name, known);\n").empty());
    CHECK(builders_in("x.cpp", "  if (w.error.failed()) return;  // diags.error( in a comment\n").empty());
}

TEST_CASE("messages: every message is built in src/messages/") {
    const fs::path src = fs::path(LERBRIEF_SOURCE_DIR) / "src";
    std::vector<std::string> found;
    std::size_t files = 0;
    for (const auto& e : fs::recursive_directory_iterator(src)) {
        if (!e.is_regular_file()) continue;
        const auto ext = e.path().extension();
        if (ext != ".cpp" && ext != ".h") continue;
        const fs::path rel = fs::relative(e.path(), src);
        if (is_home(rel)) continue;
        ++files;
        std::ifstream in(e.path(), std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        for (auto& f : builders_in(rel.generic_string(), ss.str())) found.push_back(std::move(f));
    }
    CHECK(files > 100);  // the sources were found
    std::string report;
    for (const auto& f : found) report += f + "\n";
    INFO("messages built outside src/messages/ (move them into a msg:: function):\n" << report);
    CHECK(found.empty());
}
