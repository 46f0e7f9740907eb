// The import's YAML: every string reads back as it was, with no YAML-slip
// message; the "LERs explained" sections and their pictures make a
// lers-explained.yaml that load_ours reads into the same model.
#include <catch2/catch.hpp>

#include "import/convert.h"
#include "import/import.h"
#include "import/yaml_out.h"
#include "load/load.h"
#include "load/yaml_tree.h"
#include "support/support.h"

namespace t = lerbrief::test;
namespace fs = std::filesystem;
using namespace lerbrief;

TEST_CASE("import yaml: strings read back exactly") {
    const std::vector<std::string> values{
        "plain text", "**bold** first", "*italic*", "[label](https://example.org/) first", "Note: a colon",
        "ends with a colon:", "a #hash after a space", "#1 in the state", "& an ampersand", "! bang", "| bar",
        "> greater", "% percent", "@ at", "`code`", "'single'", "\"double\" quotes", "back\\slash", "- dash",
        "? question", "yes", "null", "~", "2024", "trailing space ", " leading space", "First paragraph.\n\nSecond.",
        "One\n\n  indented second", "Quote “typographic” and ’", "tab\there", "LERs: what, why, how?"};
    for (const auto& v : values) {
        INFO(v);
        const std::string text = import::YamlNode::map().set("key", v).write();
        Diagnostics d;
        auto root = load::read_yaml(text, "t.yaml", d);
        std::string said;
        for (const auto& x : d.items()) said += format(x) + "\n";
        INFO(text << said);
        REQUIRE(root);
        CHECK(d.empty());
        REQUIRE(root->get("key"));
        CHECK(root->get("key")->scalar == v);
    }
    // Paragraphs go in a literal block, each on one line.
    CHECK(import::YamlNode::map().set("text", std::string("One.\n\nTwo.")).write() == "text: |-\n  One.\n\n  Two.\n");
}

TEST_CASE("import yaml: LERs explained is written and read back with its pictures") {
    Content c;
    c.root = "/site";
    ExplainerSection sec;
    sec.title = {"How Do We Use LERs?", {}};
    sec.text = {"The steps below illustrate an example scenario.", {}};
    sec.bullets = {{"A bullet.", {}}};
    ExplainerStep step;
    step.title = {"Step 1", {}};
    step.text = {"Maria earns a credential.\n\nShe keeps it.", {}};
    step.picture = Picture{"images/LERs-explained-step01-sm.png", "Maria at her laptop", {}};
    sec.steps.push_back(step);
    c.explainer.push_back(sec);
    std::vector<import::CopyFile> copies;
    const std::string text = import::explainer_yaml(c, copies);
    REQUIRE(copies.size() == 1);
    CHECK(copies[0].from == "/site/images/LERs-explained-step01-sm.png");
    CHECK(copies[0].to == "pictures/LERs-explained-step01-sm.png");

    t::TempDir dir;
    t::write_file(dir / "lers-explained.yaml", text);
    Diagnostics d;
    Content back;  // load_ours needs the whole folder; read the one file through it
    t::copy_tree(t::source_dir() / "starter", dir / "content");
    fs::copy_file(dir / "lers-explained.yaml", dir / "content/lers-explained.yaml");
    back = load::load_ours((dir / "content").string(), d);
    std::string said;
    for (const auto& x : d.items()) said += format(x) + "\n";
    INFO(text << said);
    CHECK(!d.has_errors());
    REQUIRE(back.explainer.size() == 1);
    const auto& s = back.explainer[0];
    CHECK(s.title.value == "How Do We Use LERs?");
    CHECK(s.bullets.size() == 1);
    REQUIRE(s.steps.size() == 1);
    CHECK(s.steps[0].text.value == "Maria earns a credential.\n\nShe keeps it.");
    REQUIRE(s.steps[0].picture);
    CHECK(s.steps[0].picture->path == "pictures/LERs-explained-step01-sm.png");
    CHECK(s.steps[0].picture->alt == "Maria at her laptop");
}
