// Content lint (load/lint.h) and the step pictures' paths (load/check.h):
// the run-together rule on words it must and must not flag, on the website
// copy (its known slips, SOURCE.md) and on the bundled content; placeholders;
// --strict's errors; pictures refused as icons are.
#include <catch2/catch.hpp>

#include <filesystem>

#include "load/check.h"
#include "load/lint.h"
#include "load/load.h"
#include "model/text_fields.h"
#include "support/support.h"

namespace t = lerbrief::test;
using namespace lerbrief;

namespace {

std::vector<std::string> flagged(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& r : load::run_together(text)) out.push_back(r.word);
    return out;
}

std::string all_messages(const Diagnostics& d) {
    std::string s;
    for (const auto& x : d.items()) s += format(x) + "\n";
    return s;
}

std::size_t count_with(const Diagnostics& d, std::string_view part) {
    std::size_t n = 0;
    for (const auto& x : d.items()) n += x.message.find(part) != std::string::npos;
    return n;
}

}  // namespace

TEST_CASE("lint: words run together are flagged, with their two parts") {
    const auto r = load::run_together("Roles. LERsImplement skills-based hiring");
    REQUIRE(r.size() == 1);
    CHECK(r[0].word == "LERsImplement");
    CHECK(r[0].left == "LERs");
    CHECK(r[0].right == "Implement");
    CHECK(flagged("APIsConnect systems, IDsMatch") == std::vector<std::string>{"APIsConnect", "IDsMatch"});
    CHECK(flagged("recruitersWorking together (learnersEarn).") ==
          std::vector<std::string>{"recruitersWorking", "learnersEarn"});
}

TEST_CASE("lint: names in CamelCase, URLs, paths and short words are not flagged") {
    for (const char* ok : {"JavaScript", "LinkedIn", "iPhone", "eBay", "McDonald's", "OpenAI", "DeVry", "YouTube",
                           "WorkingNation", "NationSwell", "1EdTech", "wikiHow", "macOS", "PowerPoint", "GitHub",
                           "ePortfolio", "xAPI", "theOS", "ofThe", "inHand", "LERsA", "LERs", "EmployersImplement",
                           "McDonaldLand", "https://example.org/someGroupName", "example.org/ourTeam",
                           "jobs@bigCompany.example", "ourReport.pdf", "snake_caseName", "C:\\ourFiles"})
        CHECK(flagged(ok).empty());
}

TEST_CASE("lint: placeholders as a whole value or as a word") {
    CHECK(load::placeholder("TBD") == "TBD");
    CHECK(load::placeholder(" tbd. ") == "tbd.");
    CHECK(load::placeholder("(TODO)") == "(TODO)");
    CHECK(load::placeholder("Text to come, TBA") == "TBA");
    CHECK(load::placeholder("see XXX here") == "XXX");
    CHECK(load::placeholder("Lorem ipsum dolor") == "Lorem");
    CHECK(load::placeholder("FIXME: wording") == "FIXME");
    CHECK_FALSE(load::placeholder("a todo list, tbd-style, XXXL shirts, Xxx"));
    CHECK_FALSE(load::placeholder("Employers that hire"));
}

TEST_CASE("lint: the website copy shows its known slips, and nothing else") {
    LERBRIEF_REQUIRE_WEBSITE(site);
    Diagnostics d;
    Content c = load::load_content(site.string(), d, load::LintLevel::warn);
    INFO(all_messages(d));
    CHECK_FALSE(d.has_errors());
    // SOURCE.md: "LERsImplement", one resource without a URL, one resource
    // whose URL is another entry's ("identities industries" is no rule's to find)
    CHECK(count_with(d, "looks like two words run together") == 1);
    CHECK(count_with(d, "'LERsImplement' looks like two words run together") == 1);
    CHECK(count_with(d, "has no URL") == 1);
    CHECK(count_with(d, "has the URL of") == 1);
    CHECK(count_with(d, "placeholder") == 0);
    CHECK(count_with(d, "defined twice") == 0);
    CHECK(count_with(d, "have no content") == 0);  // every group of the site has its content
    CHECK(d.warning_count() == 3);
}

TEST_CASE("lint: no word of the bundled content reads as two run together") {
    Diagnostics d;
    Content c = load::load_content((t::source_dir() / "data").string(), d, load::LintLevel::warn);
    CHECK_FALSE(d.has_errors());
    std::vector<std::string> found;
    for_each_text(c, [&](std::string& v, const SourcePos&, std::string_view, TextKind) {
        for (const auto& r : load::run_together(v)) found.push_back(r.word);
    });
    CHECK(found.empty());
    CHECK(count_with(d, "looks like two words run together") == 0);
}

TEST_CASE("lint: --strict makes the findings errors, nothing is linted beside an error") {
    Content c;
    c.root = "content";
    Stakeholder s;
    s.id = "employers";
    s.name = {"Employers", {"content/s.yaml", 2, 7}};
    s.definition = {"They hire. LERsImplement", {"content/s.yaml", 3, 13}};
    c.stakeholders.push_back(s);
    Stakeholder bare;  // named, no definition
    bare.id = "funders";
    bare.name = {"Funders", {"content/f.yaml", 2, 7}};
    c.stakeholders.push_back(bare);
    Diagnostics warned;
    load::lint(c, warned, load::LintLevel::warn);
    INFO(all_messages(warned));
    CHECK(warned.warning_count() == 2);
    CHECK_FALSE(warned.has_errors());
    Diagnostics strict;
    load::lint(c, strict, load::LintLevel::strict);
    CHECK(strict.error_count() == 2);
    CHECK(strict.items()[0].message == "definition: 'LERsImplement' looks like two words run together [--strict]");
    CHECK(strict.items()[1].message ==
          "1 of the 2 stakeholder groups have no content (no definition), so no fact sheet: funders [--strict]");
}

TEST_CASE("pictures: paths are checked as icon paths are, and must be PNG or SVG") {
    t::TempDir dir;
    t::write_file(dir / "content/images/step.png", "png");
    t::write_file(dir / "content/images/step.SVG", "<svg/>");
    t::write_file(dir / "content/images/step.jpg", "jpg");
    t::write_file(dir / "outside.png", "png");
    std::filesystem::create_symlink(dir / "outside.png", dir / "content/images/link.png");
    const std::string root = (dir / "content").string();
    std::string why;
    CHECK_FALSE(load::resolve_picture(root, "images/step.png", why).empty());
    CHECK_FALSE(load::resolve_picture(root, "images/step.SVG", why).empty());
    CHECK(load::resolve_picture(root, "images/step.jpg", why).empty());
    CHECK(why == "not a .png or .svg file");
    CHECK(load::resolve_picture(root, "../outside.png", why).empty());
    CHECK(why == "the path leaves the content folder");
    CHECK(load::resolve_picture(root, (dir / "outside.png").string(), why).empty());
    CHECK(why == "absolute paths are not allowed");
    CHECK(load::resolve_picture(root, "images/link.png", why).empty());
    CHECK(why == "the path leaves the content folder (through a symbolic link)");
    CHECK(load::resolve_picture(root, "https://example.org/a.png", why).empty());
    CHECK(why == "picture URLs are never fetched");
    CHECK(load::resolve_picture(root, "images/missing.png", why).empty());
    CHECK(why == "no such file");

    // check() drops an unusable picture with a warning at it, and resolves a good one
    Content c;
    c.root = root;
    Stakeholder s;
    s.id = "a";
    s.name = {"A", {}};
    s.definition = {"Defined.", {}};
    c.stakeholders.push_back(s);
    ExplainerSection sec;
    sec.title = {"How do we use LERs?", {}};
    ExplainerStep good, bad;
    good.picture = Picture{"images/step.png", "Step one", {"content/explainer.yaml", 5, 14}};
    bad.picture = Picture{"../outside.png", "Step two", {"content/explainer.yaml", 9, 14}};
    sec.steps = {good, bad};
    c.explainer.push_back(sec);
    Diagnostics d;
    load::check(c, d);
    INFO(all_messages(d));
    REQUIRE(d.items().size() == 1);
    CHECK(format(d.items()[0]) ==
          "content/explainer.yaml:9:14: warning: picture '../outside.png' is not used: the path leaves the content folder\n"
          "hint: pictures are .png or .svg files inside the content folder, named by a relative path");
    REQUIRE(c.explainer[0].steps[0].picture);
    CHECK(c.explainer[0].steps[0].picture->path == std::filesystem::canonical(dir / "content/images/step.png").string());
    CHECK_FALSE(c.explainer[0].steps[1].picture);
}

TEST_CASE("lint: a title of punctuation only is flagged, a title in any script is not") {
    auto lint_name = [](const std::string& name) {
        Content c;
        c.root = "content";
        Stakeholder s;
        s.id = "employers";
        s.name = {name, {"content/s.yaml", 2, 7}};
        s.definition = {"They hire.", {"content/s.yaml", 3, 13}};
        c.stakeholders.push_back(s);
        Diagnostics d;
        load::lint(c, d, load::LintLevel::warn);
        return count_with(d, "only punctuation");
    };
    CHECK(lint_name("...") == 1);
    CHECK(lint_name("\u2014 \u2026 \u00BF?") == 1);  // dashes, an ellipsis, inverted question mark
    for (const char* ok : {"Employers", "\u0395\u03C1\u03B3\u03BF\u03B4\u03CC\u03C4\u03B5\u03C2",  // Greek
                           "\u0420\u0430\u0431\u043E\u0442\u043E\u0434\u0430\u0442\u0435\u043B\u0438",  // Cyrillic
                           "\u96C7\u4E3B", "\u00C9lus", "2030"}) {
        INFO(ok);
        CHECK(lint_name(ok) == 0);
    }
}
