#include <catch2/catch.hpp>

#include "load/check.h"
#include "load/load.h"
#include "model/markup.h"
#include "support/support.h"

using namespace lerbrief;
namespace t = lerbrief::test;

namespace {
std::string all_messages(const Diagnostics& d) {
    std::string out;
    for (const auto& x : d.items()) out += format(x) + "\n";
    return out;
}
}  // namespace

TEST_CASE("ours: the bundled content loads with no error and no warning") {
    Diagnostics d;
    Content c = load::load_content((t::source_dir() / "data").string(), d);
    INFO(all_messages(d));
    CHECK(d.empty());
    CHECK(c.kind == SourceKind::ours);
    CHECK(c.stakeholders.size() == 10);
    CHECK(c.action_areas.size() == 4);
    REQUIRE(c.phases.size() == 4);
    CHECK(plain_text(c.phases[0].title.value) == "Developing");
    CHECK(plain_text(c.phases[3].title.value) == "Adopting");
    int complete = 0;
    for (const auto& s : c.stakeholders) complete += s.has_content();
    CHECK(complete == 10);  // the whole map, imported from the website copy
    const Stakeholder* co = c.find_stakeholder("credentialing-organizations");
    REQUIRE(co);
    REQUIRE(co->quote);
    CHECK(co->quote->attribution.value.find("Angela Consani") != std::string::npos);
    CHECK(co->commitments.size() == 4);
    CHECK(c.intro.imagine.size() == 4);
    CHECK(c.intro.lers_are.size() == 3);
    CHECK(c.meta.base_url == "https://lermap.t3networkhub.org/stakeholder/");
    CHECK(c.meta.source.license.find("CC BY 4.0") != std::string::npos);
}

TEST_CASE("website: the real LER Ecosystem Map data loads into the same model") {
    LERBRIEF_REQUIRE_WEBSITE(site);
    Diagnostics d;
    Content c = load::load_content(site.string(), d);
    INFO(all_messages(d));
    CHECK_FALSE(d.has_errors());
    CHECK(d.warning_count() == 0);
    CHECK(c.kind == SourceKind::website);
    REQUIRE(c.stakeholders.size() == 10);
    CHECK(c.action_areas.size() == 4);
    CHECK(c.glossary.size() == 21);
    std::size_t resources = 0;
    for (const auto& g : c.resources) resources += g.items.size();
    CHECK(c.resources.size() == 4);
    CHECK(resources == 28);
    // ids are the url fields, trimmed
    CHECK(c.stakeholders[0].id == "career-navigators");
    CHECK(c.find_stakeholder("data-standards-organizations"));
    CHECK(c.find_stakeholder("ler-technology-providers"));
    // phases come from the sections, in order
    REQUIRE(c.phases.size() == 4);
    CHECK(c.phases[0].id == "developing");
    CHECK(c.phases[3].id == "adopting");
    // per-group commitments: objects with bullets
    const Stakeholder* emp = c.find_stakeholder("employers");
    REQUIRE(emp);
    REQUIRE(emp->commitments.size() == 4);
    CHECK(emp->commitments[1].area == "building");
    CHECK(emp->commitments[1].bullets.size() == 6);
    CHECK(emp->business_case.size() == 4);
    // a single bullet written as a plain string is a one-item list
    CHECK(c.find_stakeholder("governance")->commitments.at(2).bullets.size() == 1);
    // data standards has `action-areas:` with nothing: no commitments, no error
    CHECK(c.find_stakeholder("data-standards-organizations")->commitments.empty());
    // icons resolve inside the folder
    REQUIRE(emp->icon);
    CHECK(emp->icon->path == (site / "images" / "employers.svg").string());
    // HTML leftovers become characters and paragraphs
    bool colon = false, paragraphs = false;
    for (const auto& g : c.glossary) {
        if (plain_text(g.term.value) == "Micro-credential") {
            colon = g.definition.value.find("suggestion is: \u201CA micro") != std::string::npos;
            paragraphs = parse_markup(g.definition.value).size() == 2;
        }
    }
    CHECK(colon);
    CHECK(paragraphs);
    CHECK(c.meta.base_url == "https://lermap.t3networkhub.org/stakeholder/");
}

TEST_CASE("website: action-area entries may be plain ids") {
    t::TempDir dir;
    t::write_file(dir / "_data/stakeholders-list.yml",
                  "stakeholders:\n"
                  "  - name: A\n    url: a\n    definition: d\n    action-areas:\n      - promoting\n"
                  "      - title: building\n        bullets: [x]\n");
    t::write_file(dir / "_data/action-items-content.yml",
                  "actions:\n  - name: promoting\n    title: P\n  - name: building\n    title: B\n");
    Diagnostics d;
    Content c = load::load_content(dir.path().string(), d);
    INFO(all_messages(d));
    CHECK_FALSE(d.has_errors());
    REQUIRE(c.stakeholders.size() == 1);
    REQUIRE(c.stakeholders[0].commitments.size() == 2);
    CHECK(c.stakeholders[0].commitments[0].area == "promoting");
    CHECK(c.stakeholders[0].commitments[0].bullets.empty());
    CHECK(c.stakeholders[0].commitments[1].bullets.size() == 1);
    CHECK(c.meta.base_url.empty());  // no CNAME: no URL
}

TEST_CASE("detect: a folder with neither layout is refused") {
    t::TempDir dir;
    Diagnostics d;
    load::load_content(dir.path().string(), d);
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].message == "not a content folder: found neither document.yaml nor _data/stakeholders-list.yml");
}

TEST_CASE("icons: paths that leave the content folder are refused") {
    t::TempDir dir;
    t::write_file(dir / "content/images/a.svg", "<svg/>");
    t::write_file(dir / "outside.svg", "<svg/>");
    std::filesystem::create_symlink(dir / "outside.svg", dir / "content/images/link.svg");
    const std::string root = (dir / "content").string();
    std::string why;
    CHECK_FALSE(load::resolve_icon(root, "images/a.svg", why).empty());
    CHECK(load::resolve_icon(root, "../outside.svg", why).empty());
    CHECK(why == "the path leaves the content folder");
    CHECK(load::resolve_icon(root, (dir / "outside.svg").string(), why).empty());
    CHECK(why == "absolute paths are not allowed");
    CHECK(load::resolve_icon(root, "images/link.svg", why).empty());
    CHECK(why == "the path leaves the content folder (through a symbolic link)");
    CHECK(load::resolve_icon(root, "https://example.org/a.svg", why).empty());
    CHECK(why == "icon URLs are never fetched");
    CHECK(load::resolve_icon(root, "images", why).empty());
    CHECK(why == "not a regular file");
    CHECK(load::resolve_icon(root, "images/missing.svg", why).empty());
    CHECK(why == "no such file");
}

TEST_CASE("ours: an area's lead, a resource's description, the source's attribution and LERs explained") {
    t::TempDir dir;
    t::copy_tree(t::source_dir() / "starter", dir / "c");
    const auto c_dir = dir / "c";
    std::string doc = t::read_file(c_dir / "document.yaml");
    const auto src = doc.find("source:\n");
    REQUIRE(src != std::string::npos);
    doc.insert(src + 8, "  authors: The map's authors\n  license-url: https://creativecommons.org/licenses/by/4.0/\n"
                        "  changes: set for print\n");
    t::write_file(c_dir / "document.yaml", doc);
    t::write_file(c_dir / "action-areas.yaml",
                  "action-areas:\n  - id: promoting\n    title: Promoting\n    lead: A lead sentence.\n    summary: A summary.\n");
    t::write_file(c_dir / "resources.yaml",
                  "resources:\n  - items:\n      - title: A report\n        url: https://example.org/\n"
                  "        description: What it is.\n");
    t::write_file(c_dir / "lers-explained.yaml",
                  "sections:\n  - title: How?\n    steps:\n      - title: Step 1\n        picture:\n"
                  "          path: pictures/one.png\n          alt: One\n");
    Diagnostics d;
    Content c = load::load_ours(c_dir.string(), d);
    INFO(all_messages(d));
    CHECK(!d.has_errors());
    CHECK(c.meta.source.authors == "The map's authors");
    CHECK(c.meta.source.license_url == "https://creativecommons.org/licenses/by/4.0/");
    CHECK(c.meta.source.changes == "set for print");
    REQUIRE(c.action_areas.size() == 1);
    CHECK(c.action_areas[0].lead.value == "A lead sentence.");
    REQUIRE(c.resources.size() == 1);
    CHECK(c.resources[0].name.empty());  // a list with no heading
    REQUIRE(c.resources[0].items.size() == 1);
    CHECK(c.resources[0].items[0].description.value == "What it is.");
    REQUIRE(c.explainer.size() == 1);
    REQUIRE(c.explainer[0].steps.size() == 1);
    REQUIRE(c.explainer[0].steps[0].picture);
    CHECK(c.explainer[0].steps[0].picture->path == "pictures/one.png");
    CHECK(c.explainer[0].steps[0].picture->pos.line == 6);
}
