// Every shape the LER Ecosystem Map website's data had over its history loads
// (tests/fixtures/website-history/README.md), read as the site printed it:
// no errors, the fields where the site showed them, placeholders skipped,
// warnings only for what lerbrief reads differently or leaves out. And the
// site's CNAME, which makes every group's URL, is validated as a host name.
#include <catch2/catch.hpp>

#include "load/load.h"
#include "load/site_url.h"
#include "model/markup.h"
#include "load/strings_file.h"
#include "support/support.h"

using namespace lerbrief;
namespace t = lerbrief::test;
namespace fs = std::filesystem;

namespace {

std::string all_messages(const Diagnostics& d) {
    std::string out;
    for (const auto& x : d.items()) out += format(x) + "\n";
    return out;
}

std::string fixture(const char* name) {
    return (t::source_dir() / "tests/fixtures/website-history" / name).string();
}

// Loads and checks a fixture as a build would (load_content runs check).
// What the site does not say about itself is then named in English, as the
// job names it in the edition's language (app/content_loader.cpp).
Content load_checked(const std::string& dir, Diagnostics& d) {
    Content c = load::load_content(dir, d);
    Diagnostics quiet;
    load::name_website(c, load::load_strings(t::source_dir() / "strings", "en-US", {}, quiet));
    return c;
}

std::vector<std::string> warnings(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& x : d.items())
        if (x.severity == Severity::warning) out.push_back(x.message);
    return out;
}

std::vector<std::string> areas(const Stakeholder& s) {
    std::vector<std::string> out;
    for (const auto& cm : s.commitments) out.push_back(cm.area);
    return out;
}

std::string plain(const Text& t) { return plain_text(t.value); }

}  // namespace

TEST_CASE("website history: short action-area ids, action-area, url with a slash, icon URLs") {
    Diagnostics d;
    Content c = load_checked(fixture("short-ids"), d);
    INFO(all_messages(d));
    CHECK_FALSE(d.has_errors());
    CHECK(c.kind == SourceKind::website);
    REQUIRE(c.stakeholders.size() == 5);
    // url: /employers (and "/governance "): the id without the slash
    CHECK(c.stakeholders[0].id == "career-navigators");
    CHECK(c.stakeholders[2].id == "employers");
    CHECK(c.stakeholders[4].id == "governance");
    // the short ids of that time are the action areas of that time
    CHECK(c.action_areas.size() == 4);
    CHECK(areas(c.stakeholders[0]) == std::vector<std::string>{"shifting"});
    CHECK(areas(c.stakeholders[2]) == std::vector<std::string>{"defining", "building", "shifting"});
    // action-area (singular): read; empty: nothing
    CHECK(areas(c.stakeholders[4]) == std::vector<std::string>{"defining", "gathering"});
    CHECK(c.stakeholders[3].commitments.empty());
    CHECK(c.stakeholders[1].commitments.empty());
    CHECK_FALSE(c.stakeholders[1].has_content());  // a group the map only names
    // phases come from the one group that has sections
    REQUIRE(c.phases.size() == 2);
    CHECK(c.phases[1].id == "issuing");
    // icons on the old host: warned about and left out, one warning each, nothing else
    const auto w = warnings(d);
    CHECK(w.size() == 5);
    for (const auto& m : w) CHECK(m.find("is not used: icon URLs are never fetched") != std::string::npos);
    CHECK(w.at(0).find("icon 'https://assets-global") == 0);
    for (const auto& s : c.stakeholders) CHECK_FALSE(s.icon);
    CHECK(c.meta.base_url == "https://lermap.t3networkhub.org/stakeholder/");
}

TEST_CASE("website history: short ids against the current action areas resolve by title or by their rename") {
    Diagnostics d;
    Content c = load_checked(fixture("renamed-areas"), d);
    INFO(all_messages(d));
    CHECK_FALSE(d.has_errors());
    const Stakeholder* emp = c.find_stakeholder("employers");
    const Stakeholder* gov = c.find_stakeholder("governance");
    const Stakeholder* nav = c.find_stakeholder("career-navigators");
    REQUIRE((emp && gov && nav));
    // defining → promoting, shifting → supporting (renamed), building as is
    CHECK(areas(*emp) == std::vector<std::string>{"promoting", "building", "supporting"});
    // gathering → the area titled "Gathering Data on Impact", whatever its id
    CHECK(areas(*gov) == std::vector<std::string>{"promoting", "gathering-data"});
    CHECK(areas(*nav) == std::vector<std::string>{"supporting"});
    // each rename is said where it is written; the title match is silent
    std::size_t renamed = 0;
    for (const auto& x : d.items())
        if (x.message.find("action area '") == 0) {
            ++renamed;
            CHECK(x.severity == Severity::warning);
            CHECK(x.pos.known());
        }
    CHECK(renamed == 4);  // shifting (navigators), defining + shifting (employers), defining (governance)
    CHECK(all_messages(d).find("warning: action area 'defining' is read as 'promoting' (Promoting Adoption), "
                               "its name in the current map") != std::string::npos);
}

TEST_CASE(
    "website history: an action area the data does not have is left out with a warning, as the site did") {
    t::TempDir dir;
    t::write_file(dir / "_data/stakeholders-list.yml",
                  "stakeholders:\n  - name: A\n    url: a\n    definition: d\n    action-areas:\n"
                  "      - promoting\n      - inventing\n      - promoting\n");
    t::write_file(dir / "_data/action-items-content.yml", "actions:\n  - name: promoting\n    title: P\n");
    Diagnostics d;
    Content c = load_checked(dir.path().string(), d);
    INFO(all_messages(d));
    CHECK_FALSE(d.has_errors());
    REQUIRE(c.stakeholders.size() == 1);
    // listed twice: one commitment (the site printed it twice)
    CHECK(areas(c.stakeholders[0]) == std::vector<std::string>{"promoting"});
    REQUIRE(d.items().size() == 1);
    CHECK(format(d.items()[0]) == dir.path().string() +
                                      "/_data/stakeholders-list.yml:7:9: warning: action area 'inventing' is "
                                      "not in action-items-content.yml; "
                                      "the site printed nothing for it, and it is left out\n"
                                      "hint: the action areas are: promoting");
}

TEST_CASE("website history: quote, quotes, social case and empty placeholders") {
    Diagnostics d;
    Content c = load_checked(fixture("quotes-list"), d);
    INFO(all_messages(d));
    CHECK_FALSE(d.has_errors());
    CHECK(d.warning_count() == 0);
    REQUIRE(c.stakeholders.size() == 3);
    const Stakeholder& nav = c.stakeholders[0];
    const Stakeholder& cred = c.stakeholders[1];
    const Stakeholder& emp = c.stakeholders[2];
    // quotes: [{text, description}] gives the quote and its attribution
    REQUIRE(nav.quote);
    CHECK(plain(nav.quote->text).find("Learner Employment Records (LERs) often focus") == 0);
    CHECK(plain(nav.quote->attribution).find("Dr. Krystal Rawls") == 0);
    // quote: a string, with no attribution
    REQUIRE(cred.quote);
    CHECK(plain(cred.quote->text).find("LERs are so important to students") == 0);
    CHECK(cred.quote->attribution.empty());
    // quote: (empty) and a quotes placeholder: no quote
    CHECK_FALSE(emp.quote);
    // "social case" with a space is the social case
    REQUIRE(nav.social_case.size() == 1);
    CHECK(plain(nav.social_case[0].title) == "Improved Quality of Life for Individuals");
    // placeholders with an empty title and description are skipped
    CHECK(nav.business_case.size() == 1);
    CHECK(cred.business_case.size() == 1);
    CHECK(cred.social_case.empty());
    CHECK(emp.business_case.empty());
    CHECK(emp.social_case.empty());  // social case: ''
    // a single bullet written as a string, as the site allowed
    REQUIRE(emp.commitments.size() == 1);
    CHECK(emp.commitments[0].bullets.size() == 1);
    for (const auto& s : c.stakeholders) CHECK(s.icon);
}

TEST_CASE(
    "website history: several quotes print the first, with a warning, a newer key wins over an older one") {
    t::TempDir dir;
    t::write_file(dir / "_data/stakeholders-list.yml",
                  "stakeholders:\n  - name: A\n    url: a\n    definition: d\n"
                  "    quotes:\n      - text: first\n        description: one\n      - text: second\n"
                  "  - name: B\n    url: b\n    definition: d\n    quote-text: new\n    quote: old\n"
                  "    social-case:\n      - title: T\n    social case:\n      - title: U\n"
                  "    business-case:\n      - description: only a description\n");
    t::write_file(dir / "_data/action-items-content.yml", "actions:\n  - name: p\n    title: P\n");
    Diagnostics d;
    Content c = load_checked(dir.path().string(), d);
    INFO(all_messages(d));
    CHECK_FALSE(d.has_errors());
    REQUIRE(c.stakeholders.size() == 2);
    REQUIRE(c.stakeholders[0].quote);
    CHECK(c.stakeholders[0].quote->text.value == "first");
    CHECK(c.stakeholders[0].quote->attribution.value == "one");
    REQUIRE(c.stakeholders[1].quote);
    CHECK(c.stakeholders[1].quote->text.value == "new");
    REQUIRE(c.stakeholders[1].social_case.size() == 1);
    CHECK(c.stakeholders[1].social_case[0].title.value == "T");
    // a description with no title prints as the title
    REQUIRE(c.stakeholders[1].business_case.size() == 1);
    CHECK(c.stakeholders[1].business_case[0].title.value == "only a description");
    const auto w = warnings(d);
    REQUIRE(w.size() == 3);
    CHECK(w[0] == "2 quotes: a fact sheet prints only the first");
    CHECK(w[1] == "both 'quote' and 'quote-text': only 'quote-text' is read");
    CHECK(w[2] == "both 'social case' and 'social-case': only 'social-case' is read");
}

TEST_CASE("website history: a flat resources list loads as one list with descriptions") {
    Diagnostics d;
    Content c = load_checked(fixture("flat-resources"), d);
    INFO(all_messages(d));
    CHECK_FALSE(d.has_errors());
    CHECK(d.warning_count() == 0);
    REQUIRE(c.resources.size() == 1);
    const ResourceGroup& g = c.resources[0];
    CHECK(g.name.empty());
    REQUIRE(g.items.size() == 4);
    CHECK(plain(g.items[0].title).find("Going digital: How learning") == 0);
    CHECK(plain(g.items[0].author) == "Brookings Institution");
    CHECK(plain(g.items[0].description).find("How LERs can widen access") == 0);
    CHECK(g.items[0].url.find("https://www.brookings.edu/") == 0);
    CHECK(g.items[1].description.empty());
    CHECK(g.items[3].url.empty());
}

TEST_CASE("website history: flat entries and groups may follow each other") {
    t::TempDir dir;
    t::write_file(dir / "_data/stakeholders-list.yml",
                  "stakeholders:\n  - name: A\n    url: a\n    definition: d\n");
    t::write_file(dir / "_data/action-items-content.yml", "actions:\n  - name: p\n    title: P\n");
    t::write_file(
        dir / "_data/resources-list.yml",
        "resources:\n  - title: one\n  - title: two\n  - name: G\n    sites:\n      - title: three\n"
        "  - title: four\n  - name: Empty\n    sites: ''\n");
    Diagnostics d;
    Content c = load_checked(dir.path().string(), d);
    INFO(all_messages(d));
    CHECK(d.empty());
    REQUIRE(c.resources.size() == 4);
    CHECK(c.resources[0].items.size() == 2);
    CHECK(plain(c.resources[1].name) == "G");
    CHECK(c.resources[1].items.size() == 1);
    CHECK(c.resources[2].name.empty());
    CHECK(c.resources[2].items.size() == 1);
    CHECK(c.resources[3].items.empty());
}

// ---- CNAME ----

namespace {
// The base URL a site folder with this CNAME gets, and the diagnostics.
std::string base_url_with(const std::string& cname, Diagnostics& d, const std::string& config = {}) {
    t::TempDir dir;
    t::write_file(dir / "CNAME", cname);
    if (!config.empty()) t::write_file(dir / "_config.yml", config);
    std::string url = load::site_base_url(dir.path().string(), d);
    for (const auto& x : d.items()) {
        CHECK(x.severity == Severity::warning);  // a bad CNAME never stops a build
        CHECK(x.pos.file.str() == (x.message.find("permalink") == std::string::npos
                                       ? (dir / "CNAME").string()
                                       : (dir / "_config.yml").string()));
        for (char ch : x.message + x.hint) CHECK(static_cast<unsigned char>(ch) >= 0x20);
    }
    return url;
}
}  // namespace

TEST_CASE("CNAME: a host name makes the base URL, blank lines and spaces around it do not matter") {
    Diagnostics d;
    CHECK(base_url_with("lermap.t3networkhub.org\n", d) == "https://lermap.t3networkhub.org/stakeholder/");
    CHECK(base_url_with("\n  Example.org  \r\n\n", d) == "https://Example.org/stakeholder/");
    CHECK(base_url_with("example.org", d, "collections:\n  stakeholders:\n    permalink: /groups/:name\n") ==
          "https://example.org/groups/");
    CHECK(base_url_with("", d).empty());  // no custom domain: no links, nothing to say
    CHECK(base_url_with(" \n", d).empty());
    CHECK(d.empty());
}

TEST_CASE("CNAME: not UTF-8, control characters, spaces, URLs and absurd lengths are warnings with no URL") {
    struct Case {
        std::string cname, message;
        int line, col;
    };
    const std::string no_links = "; the group pages get no links or QR codes";
    const std::vector<Case> cases = {
        {"lermap.\xff\xfe.org\n", "CNAME is not UTF-8 text" + no_links, 1, 8},
        {"ler\x1b[31mmap.org", "CNAME: expected a host name, found the control character U+001B" + no_links,
         1, 4},
        {"ler map.org", "CNAME: expected a host name, found a space" + no_links, 1, 4},
        {"lermap.org\nother.org\n", "CNAME: expected a host name, found more than one line" + no_links, 1,
         11},
        {"https://lermap.org/", "CNAME: expected a host name, found ':'" + no_links, 1, 6},
        {"\n  l\xc3\xa9rmap.org",
         "CNAME: expected a host name, found U+00E9 (write an international name in its xn-- form)" +
             no_links,
         2, 4},
        {"lermap..org", "CNAME: expected a host name, found an empty part between dots" + no_links, 1, 8},
        {"-lermap.org", "CNAME: expected a host name, found a part that starts or ends with '-'" + no_links,
         1, 1},
        {std::string(64, 'a') + ".org",
         "CNAME: expected a host name, found a part of 64 bytes between dots, at most 63" + no_links, 1, 1},
        {std::string(300, 'a'), "CNAME: expected a host name, found 300 bytes, at most 253" + no_links, 1, 1},
        {std::string(5000, 'a'),
         "CNAME: expected a host name, found a file of more than 4096 bytes" + no_links, 1, 1},
        {std::string(4095, 'a') + "\xc3\xa9",
         "CNAME: expected a host name, found a file of more than 4096 bytes" + no_links, 1, 1},
    };
    for (const auto& k : cases) {
        INFO(k.message);
        Diagnostics d;
        CHECK(base_url_with(k.cname, d).empty());
        REQUIRE(d.items().size() == 1);
        CHECK(d.items()[0].message == k.message);
        CHECK(d.items()[0].pos.line == k.line);
        CHECK(d.items()[0].pos.col == k.col);
        CHECK(d.items()[0].hint.find("lermap.t3networkhub.org") != std::string::npos);
    }
}

TEST_CASE("CNAME: a permalink that is not a URL path falls back to /stakeholder/ with a warning") {
    Diagnostics d;
    CHECK(base_url_with("example.org", d, "collections:\n  stakeholders:\n    permalink: /a b/:name\n") ==
          "https://example.org/stakeholder/");
    REQUIRE(d.items().size() == 1);
    CHECK(format(d.items()[0])
              .find(":3:16: warning: collections.stakeholders.permalink: expected a URL path, "
                    "found a space; /stakeholder/ is used") != std::string::npos);
}

TEST_CASE("CNAME: a bad CNAME in a whole website load is a warning, and the content still loads") {
    t::TempDir dir;
    t::write_file(dir / "_data/stakeholders-list.yml",
                  "stakeholders:\n  - name: A\n    url: a\n    definition: d\n");
    t::write_file(dir / "_data/action-items-content.yml", "actions:\n  - name: p\n    title: P\n");
    t::write_file(dir / "CNAME", "\xc0\xaf\n");
    Diagnostics d;
    Content c = load_checked(dir.path().string(), d);
    CHECK_FALSE(d.has_errors());
    CHECK(d.warning_count() == 1);
    CHECK(c.meta.base_url.empty());
    CHECK(c.meta.source.url.empty());
    CHECK(c.stakeholders.size() == 1);
}

TEST_CASE("website history: one action area or quote as a string, and a titleless action-area placeholder") {
    t::TempDir dir;
    t::write_file(
        dir / "_data/stakeholders-list.yml",
        "stakeholders:\n  - name: A\n    url: a\n    definition: d\n    action-areas: building\n"
        "    quotes: Just one\n"
        "  - name: B\n    url: b\n    definition: d\n    action-areas:\n      - title:\n        bullets:\n"
        "      - title: Building\n    quotes:\n      - A string quote\n      -\n");
    t::write_file(dir / "_data/action-items-content.yml", "actions:\n  - name: building\n    title: B\n");
    Diagnostics d;
    Content c = load_checked(dir.path().string(), d);
    INFO(all_messages(d));
    CHECK(d.empty());
    REQUIRE(c.stakeholders.size() == 2);
    CHECK(areas(c.stakeholders[0]) == std::vector<std::string>{"building"});
    REQUIRE(c.stakeholders[0].quote);
    CHECK(c.stakeholders[0].quote->text.value == "Just one");
    CHECK(areas(c.stakeholders[1]) == std::vector<std::string>{"building"});
    REQUIRE(c.stakeholders[1].quote);
    CHECK(c.stakeholders[1].quote->text.value == "A string quote");
}

// ---- the newest copy of the map (../shared/ler-ecosystem-map-site) ----

TEST_CASE("website: the newest copy of the map loads whole, with its phase meanings") {
    LERBRIEF_REQUIRE_WEBSITE(site);
    Diagnostics d;
    Content c = load_checked(site.string(), d);
    INFO(all_messages(d));
    CHECK_FALSE(d.has_errors());
    CHECK(d.warning_count() == 0);
    CHECK(c.stakeholders.size() == 10);
    CHECK(c.action_areas.size() == 4);
    CHECK(c.glossary.size() == 21);
    std::size_t resources = 0;
    for (const auto& g : c.resources) resources += g.items.size();
    CHECK(resources == 28);
    // every phase gets its meaning from the first group naming it (sections[].subheader)
    REQUIRE(c.phases.size() == 4);
    const std::vector<std::string> meaning = {"Researching & creating the LER solution", "Issuing verifiable LERs",
                                              "Learners and earners using LERs", "Integrating systems & behaviors"};
    for (std::size_t i = 0; i < 4; ++i) {
        INFO(c.phases[i].id);
        CHECK(plain(c.phases[i].summary).find(meaning[i]) == 0);
    }
    // and every group's role in a phase its own
    for (const auto& s : c.stakeholders)
        for (const auto& r : s.roles) CHECK_FALSE(r.summary.empty());
}

TEST_CASE("website: a quote the data already wraps in quotation marks is stored without them") {
    LERBRIEF_REQUIRE_WEBSITE(site);
    Diagnostics d;
    Content c = load_checked(site.string(), d);
    const Stakeholder* tp = c.find_stakeholder("ler-technology-providers");
    REQUIRE(tp);
    REQUIRE(tp->quote);
    const std::string q = plain(tp->quote->text);
    CHECK(q.find("We [Participate] have been issuing") == 0);
    CHECK(q.back() == '!');  // no closing ” left
    // the quotation inside it: single marks, inside the sheet's own double ones
    CHECK(q.find("the \u2018Aha\u2019 moment") != std::string::npos);
    for (const auto& s : c.stakeholders)
        if (s.quote) {
            INFO(s.id);
            CHECK(plain(s.quote->text).rfind("\u201C", 0) != 0);
            CHECK(s.quote->text.value.find('"') == std::string::npos);
        }
    // the employer's perspective: an apostrophe, typographic
    CHECK(plain(c.find_stakeholder("career-navigators")->quote->text).find("employer\u2019s perspective") !=
          std::string::npos);
}

TEST_CASE("website: LERs explained, its steps and pictures, the action areas' introduction, the licence") {
    LERBRIEF_REQUIRE_WEBSITE(site);
    Diagnostics d;
    Content c = load_checked(site.string(), d);
    INFO(all_messages(d));
    CHECK(d.warning_count() == 0);
    REQUIRE(c.explainer.size() == 3);
    const auto& what = c.explainer[0];
    const auto& why = c.explainer[1];
    const auto& how = c.explainer[2];
    CHECK(plain(what.title) == "What are LERs?");
    CHECK(plain(why.title) == "Why Do They Matter?");
    CHECK(plain(how.title) == "How Do We Use LERs?");
    const std::string file = (site / "lers-explained.md").string();
    CHECK(what.pos.file.str() == file);
    CHECK(what.pos.line == 8);  // front matter counted
    CHECK(plain(what.text).find("Learning and Employment Records (LERs) are digital records of a person\u2019s") == 0);
    CHECK(what.bullets.size() == 4);
    CHECK(plain(what.bullets[1]).find("open standards \u2013 data models") != std::string::npos);
    CHECK(what.steps.empty());
    CHECK(parse_markup(why.text.value).size() == 2);  // two paragraphs
    CHECK(plain(how.text) == "The steps below illustrate an example scenario.");
    REQUIRE(how.steps.size() == 6);
    const std::vector<std::string> titles = {"Learner makes an achievement", "Issuer issues credential",
                                             "Learner obtains credential", "Learner shares a credential",
                                             "Consumer verifies a credential",
                                             "The learner continues to add to their LER throughout their lifetime"};
    for (std::size_t i = 0; i < 6; ++i) {
        const auto& st = how.steps[i];
        INFO(i);
        CHECK(plain(st.title) == titles[i]);
        CHECK_FALSE(st.text.empty());
        REQUIRE(st.picture);
        const std::string n = std::to_string(i + 1);
        // the check resolves the path inside the site folder
        CHECK(fs::path(st.picture->path) == site / ("images/LERs-explained-step0" + n + "-sm.png"));
        CHECK(fs::is_regular_file(st.picture->path));
        // "Step 1 icon" says nothing of the picture: the step's title does
        CHECK(st.picture->alt == "Step " + n + ": " + titles[i]);
        CHECK(st.pos.line > how.pos.line);
    }
    // <i> is italic, & is an ampersand
    CHECK(how.steps[0].text.value.find("(the *learner/earner*)") != std::string::npos);
    CHECK(plain(how.steps[0].text).find("Fundamentals of Nursing I & II.") != std::string::npos);
    // _includes/action-areas-intro.html
    CHECK(plain(c.intro.action_areas_intro).find("There are key action areas that we believe") == 0);
    CHECK(c.intro.action_areas_intro.pos.file.str() == (site / "_includes/action-areas-intro.html").string());
    // about.md puts the content under CC BY 4.0: attribution as it asks
    CHECK(c.meta.source.name == "LER Ecosystem Map");
    CHECK(c.meta.source.url == "https://lermap.t3networkhub.org");
    CHECK(c.meta.source.license == "Creative Commons Attribution 4.0 International (CC BY 4.0)");
    CHECK(c.meta.source.license_url == "https://creativecommons.org/licenses/by/4.0/");
    CHECK(c.meta.source.authors.find("T3 Innovation Network") != std::string::npos);
    CHECK_FALSE(c.meta.source.changes.empty());
}

TEST_CASE("website history: older copies have no LERs explained and no About page: nothing said, CC0") {
    for (const char* name : {"short-ids", "renamed-areas", "quotes-list", "flat-resources"}) {
        INFO(name);
        Diagnostics d;
        Content c = load_checked(fixture(name), d);
        CHECK_FALSE(d.has_errors());
        CHECK(c.explainer.empty());
        CHECK(c.intro.action_areas_intro.empty());
        CHECK(c.meta.source.license.find("CC0") == 0);
        for (const auto& x : d.items()) CHECK(x.message.find("lers-explained") == std::string::npos);
    }
}

namespace {
// A site folder with one group and this lers-explained.md.
Content with_explainer(const t::TempDir& dir, const std::string& page, Diagnostics& d) {
    t::write_file(dir / "_data/stakeholders-list.yml", "stakeholders:\n  - name: A\n    url: a\n    definition: d\n");
    t::write_file(dir / "_data/action-items-content.yml", "actions:\n  - name: p\n    title: P\n");
    t::write_file(dir / "lers-explained.md", page);
    return load_checked(dir.path().string(), d);
}
}  // namespace

TEST_CASE("website: a malformed LERs explained page is read as far as it makes sense, with warnings") {
    SECTION("unclosed tags, stray ones, a bare ampersand, a step with no picture") {
        t::TempDir dir;
        Diagnostics d;
        fs::create_directories(dir / "images");
        t::write_file(dir / "images/a.png", "");  // the check only asks that it exists
        Content c = with_explainer(dir,
                                   "---\ntitle: x\n---\n<h1>One & <i>two</h1><p>Para <b>bold</p></ul>"
                                   "<img src='./images/a.png' alt='A picture of a wallet'><h3>T1<p>t1"
                                   "<h3>T2</h3><p>t2</p><ul><li>b1<li>b2</ul>",
                                   d);
        INFO(all_messages(d));
        CHECK_FALSE(d.has_errors());
        REQUIRE(c.explainer.size() == 1);
        const auto& s = c.explainer[0];
        CHECK(plain(s.title) == "One & two");
        CHECK(s.pos.line == 4);
        REQUIRE(s.steps.size() == 2);
        REQUIRE(s.steps[0].picture);
        CHECK(fs::path(s.steps[0].picture->path).filename() == "a.png");
        CHECK(s.steps[0].picture->alt == "A picture of a wallet");  // a real alt text is kept
        CHECK_FALSE(s.steps[1].picture);
        CHECK(plain(s.steps[1].title) == "T2");
        CHECK(s.bullets.size() == 2);
    }
    SECTION("no heading, text before the first heading, an image alone, an empty page, bytes that are not text") {
        struct Case {
            std::string page, message;
        };
        const std::vector<Case> cases = {
            {"<p>only text</p>", "lers-explained.md: found no <h1> heading"},
            {"<p>first</p><h1>T</h1><p>x</p>", "a paragraph before the first <h1> heading"},
            {"<div>loose words</div><h1>T</h1>", "text outside a paragraph, heading or list"},
            {"<h1>T</h1><img src='a.png'>", "a picture with no step title or text after it"},
            {"", "lers-explained.md: found no HTML"},
            {"<h1>T\xff</h1>", "lers-explained.md is not read: it is not UTF-8 text"},
            {"<h1>T</h1>" + std::string(300 * 1024, ' '), "is not read: more than 262144 bytes"},
            {std::string(2000, '<') + std::string(5000, 'x'), "lers-explained.md: found no"},
            {"<h1>" + std::string(3000, '[') , ""},
        };
        for (const auto& k : cases) {
            INFO(k.page.substr(0, 60));
            t::TempDir dir;
            Diagnostics d;
            with_explainer(dir, k.page, d);
            INFO(all_messages(d));
            CHECK_FALSE(d.has_errors());
            if (k.message.empty()) continue;
            CHECK(d.warning_count() >= 1);
            CHECK(all_messages(d).find(k.message) != std::string::npos);
        }
    }
    SECTION("deep nesting never crashes") {
        t::TempDir dir;
        Diagnostics d;
        std::string deep;
        for (int i = 0; i < 100000; ++i) deep += "<div>";
        Content c = with_explainer(dir, "<h1>T</h1>" + deep + "<p>x</p>", d);
        CHECK_FALSE(d.has_errors());
    }
}

TEST_CASE("website: the action areas' introduction is the first paragraph of its include, with markup") {
    t::TempDir dir;
    t::write_file(dir / "_data/stakeholders-list.yml", "stakeholders:\n  - name: A\n    url: a\n    definition: d\n");
    t::write_file(dir / "_data/action-items-content.yml", "actions:\n  - name: p\n    title: P\n");
    SECTION("a paragraph in the site's rows and columns") {
        t::write_file(dir / "_includes/action-areas-intro.html",
                      "<div class=\"row\"><h1>Action Areas</h1></div>\n<div><div>\n"
                      "<p>Key <i>action</i> areas &amp; the stakeholders' \"pilots\".\n</p><p>second</p></div></div>");
        Diagnostics d;
        Content c = load_checked(dir.path().string(), d);
        INFO(all_messages(d));
        CHECK(d.empty());
        CHECK(c.intro.action_areas_intro.value == "Key *action* areas & the stakeholders’ “pilots”.");
        CHECK(c.intro.action_areas_intro.pos.line == 3);
    }
    SECTION("no paragraph: a warning, and the bundled introduction stands") {
        t::write_file(dir / "_includes/action-areas-intro.html", "<div>Action areas</div>");
        Diagnostics d;
        Content c = load_checked(dir.path().string(), d);
        CHECK(c.intro.action_areas_intro.empty());
        REQUIRE(d.items().size() == 1);
        CHECK(d.items()[0].severity == Severity::warning);
        CHECK(d.items()[0].message ==
              "_includes/action-areas-intro.html has no paragraph (<p>) of text; the bundled introduction is used");
    }
    SECTION("a folder where the page should be: a warning, nothing read") {
        std::filesystem::create_directories(dir / "_includes/action-areas-intro.html");
        Diagnostics d;
        Content c = load_checked(dir.path().string(), d);
        CHECK(c.intro.action_areas_intro.empty());
        REQUIRE(d.items().size() == 1);
        CHECK(d.items()[0].message.find("is not read: not a regular file") != std::string::npos);
    }
}

TEST_CASE("website: a page linked out of the site folder is not read") {
    t::TempDir dir;
    t::write_file(dir / "site/_data/stakeholders-list.yml", "stakeholders:\n  - name: A\n    url: a\n    definition: d\n");
    t::write_file(dir / "site/_data/action-items-content.yml", "actions:\n  - name: p\n    title: P\n");
    t::write_file(dir / "secret.html", "<h1>Secret</h1><p>do not print</p>");
    std::filesystem::create_symlink(dir / "secret.html", dir / "site/lers-explained.md");
    Diagnostics d;
    Content c = load_checked((dir / "site").string(), d);
    INFO(all_messages(d));
    CHECK_FALSE(d.has_errors());
    CHECK(c.explainer.empty());
    CHECK(all_messages(d).find("lers-explained.md is not read: the path leaves the content folder") !=
          std::string::npos);
}

TEST_CASE("website: an untitled step is 'Step N', and an empty <h1> starts no section") {
    t::TempDir dir;
    Diagnostics d;
    Content c = with_explainer(dir,
                               "---\ntitle: x\n---\n<h1>One</h1><p>a</p><h3>First</h3><p>t1</p>"
                               "<h3></h3><p>t2 with no title</p><h1></h1><p>b</p>",
                               d);
    INFO(all_messages(d));
    REQUIRE(c.explainer.size() == 1);  // the empty <h1> is warned about, its text stays in "One"
    CHECK(all_messages(d).find("an empty <h1> heading") != std::string::npos);
    const auto& s = c.explainer[0];
    REQUIRE(s.steps.size() == 2);
    CHECK(plain(s.steps[0].title) == "First");
    CHECK(plain(s.steps[1].title) == "Step 2");
    CHECK(s.text.value.find('b') != std::string::npos);
}
