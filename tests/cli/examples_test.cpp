// Every example a user reads — the README's code blocks, the man page's
// EXAMPLES, the guides in docs/ — runs as written on the bundled content and
// exits 0: the examples of one file in order, in one folder that starts empty
// (so `--init mystate` then `--all --data mystate` work as the reader types them). A placeholder the reader replaces (the
// website copy of --import) is given the website copy of ../shared, or the
// example is skipped, saying so, when that is absent.
#include <catch2/catch.hpp>

#include <map>
#include <memory>
#include <sstream>

#include "support/support.h"

namespace t = lerbrief::test;
namespace fs = std::filesystem;

namespace {

struct Example {
    std::string where;  // file:line
    std::string line;   // the command as written
};

// `lerbrief …` lines inside fenced code blocks of a Markdown file.
void markdown_examples(const fs::path& file, std::vector<Example>& out) {
    std::istringstream in(t::read_file(file));
    std::string line;
    bool code = false;
    for (int n = 1; std::getline(in, line); ++n) {
        if (line.rfind("```", 0) == 0) {
            code = !code;
            continue;
        }
        if (code && line.rfind("lerbrief ", 0) == 0)
            out.push_back({file.filename().string() + ":" + std::to_string(n), line});
    }
}

// The man page's EXAMPLES block (.EX … .EE), with roff's \- made a hyphen.
void manpage_examples(const fs::path& file, std::vector<Example>& out) {
    std::istringstream in(t::read_file(file));
    std::string line;
    bool in_examples = false, code = false;
    for (int n = 1; std::getline(in, line); ++n) {
        if (line.rfind(".SH", 0) == 0) in_examples = line.find("EXAMPLES") != std::string::npos;
        if (!in_examples) continue;
        if (line == ".EX" || line == ".EE") {
            code = line == ".EX";
            continue;
        }
        if (!code || line.rfind("lerbrief ", 0) != 0) continue;
        std::string plain;
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '-') continue;
            plain += line[i];
        }
        out.push_back({"lerbrief.1:" + std::to_string(n), plain});
    }
}

// Splits one shell line into commands (at &&) and words (quotes honoured,
// a # comment dropped).
std::vector<std::vector<std::string>> commands(const std::string& line) {
    std::vector<std::vector<std::string>> cmds(1);
    std::string word;
    bool have = false;
    char quote = 0;
    auto end_word = [&] {
        if (have) cmds.back().push_back(word);
        word.clear();
        have = false;
    };
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quote) {
            if (c == quote) quote = 0;
            else word += c;
            continue;
        }
        if (c == '"' || c == '\'') {
            quote = c;
            have = true;
        } else if (c == '#' && !have) {
            break;
        } else if (c == '&' && i + 1 < line.size() && line[i + 1] == '&') {
            end_word();
            cmds.emplace_back();
            ++i;
        } else if (c == ' ' || c == '\t') {
            end_word();
        } else {
            word += c;
            have = true;
        }
    }
    end_word();
    return cmds;
}

std::vector<Example> all_examples() {
    std::vector<Example> ex;
    markdown_examples(t::source_dir() / "README.md", ex);
    for (const char* doc : {"CONTENT.md", "PRINTING.md", "LAYOUTS.md"})
        if (fs::exists(t::source_dir() / "docs" / doc)) markdown_examples(t::source_dir() / "docs" / doc, ex);
    manpage_examples(t::source_dir() / "docs/lerbrief.1", ex);
    return ex;
}

}  // namespace

TEST_CASE("examples: the README and the man page show examples, and each runs on the bundled content") {
    const auto examples = all_examples();
    // the README's quick start and the man page's EXAMPLES at least
    REQUIRE(examples.size() >= 10);
    const fs::path site = t::website_dir();
    std::map<std::string, std::unique_ptr<t::TempDir>> dirs;  // one folder per file
    for (const auto& e : examples) {
        INFO(e.where << ": " << e.line);
        auto& slot = dirs[e.where.substr(0, e.where.find(':'))];
        if (!slot) slot = std::make_unique<t::TempDir>();
        const t::TempDir& dir = *slot;
        bool skipped = false;
        for (auto words : commands(e.line)) {
            REQUIRE(!words.empty());
            REQUIRE(words[0] == "lerbrief");
            words.erase(words.begin());
            for (std::size_t i = 0; i + 1 < words.size(); ++i)
                if (words[i] == "--import") {
                    if (site.empty()) skipped = true;
                    words[i + 1] = site.string();
                }
            if (skipped) {
                WARN("skipped (needs ../shared/ler-ecosystem-map-site): " << e.line);
                break;
            }
            auto r = t::run_lerbrief(words, dir.path());
            INFO(r.err);
            CHECK(r.status == 0);
            CHECK(r.err.find("error:") == std::string::npos);
        }
    }
}
