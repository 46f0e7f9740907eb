#include "import/convert.h"

#include <filesystem>

#include "import/yaml_out.h"
#include "load/typography.h"

namespace lerbrief::import {

namespace fs = std::filesystem;

namespace {

constexpr const char* kWritten =
    "# Written by `lerbrief --import` from a copy of the LER Ecosystem Map website.\n"
    "# Do not edit: the next import rewrites it. Put editorial changes in\n"
    "# corrections.yaml (docs/CONTENT.md, \"Importing the website's data\").\n";
constexpr const char* kWrittenAreas =
    "# Written by `lerbrief --import` from a copy of the LER Ecosystem Map website.\n"
    "# Only an area's lead and bullets are yours (the site has none): the import\n"
    "# keeps them. Put editorial changes to the rest in corrections.yaml\n"
    "# (docs/CONTENT.md, \"Importing the website's data\").\n";
constexpr const char* kWrittenGroup =
    "# Written by `lerbrief --import` from a copy of the LER Ecosystem Map website.\n"
    "# Only short-name is yours (the site has none): the import keeps it. Put\n"
    "# editorial changes to the rest in corrections.yaml (docs/CONTENT.md,\n"
    "# \"Importing the website's data\").\n";
constexpr const char* kHandWritten =
    "# Written by `lerbrief --import` because the folder had none. From now on\n"
    "# it is hand-written: the import keeps it as it is.\n";

std::string file(const char* header, const YamlNode& root) { return std::string(header) + root.write(); }

// A quote's text as our loader must read it back: the website loader has
// already dropped the marks around all of it, so marks still around it are
// the text's own, escaped so that our loader keeps them.
std::string quote_text(const std::string& text) {
    return load::without_outer_quotes(text) == text ? text : "\\" + text;
}

YamlNode texts(const std::vector<Text>& list) {
    YamlNode n = YamlNode::list();
    for (const auto& t : list) n.push(t.value);
    return n;
}

YamlNode cases(const std::vector<Case>& list) {
    YamlNode n = YamlNode::list();
    for (const auto& c : list) n.push(YamlNode::map().set("title", c.title.value).set("description", c.description.value));
    return n;
}

YamlNode roles(const Stakeholder& s) {
    YamlNode n = YamlNode::list();
    for (const auto& r : s.roles)
        n.push(YamlNode::map().set("phase", r.phase).set("summary", r.summary.value).set("bullets", texts(r.bullets)));
    return n;
}

YamlNode commitments(const Stakeholder& s) {
    YamlNode n = YamlNode::list();
    for (const auto& cm : s.commitments) {
        if (cm.bullets.empty())
            n.push(cm.area);
        else
            n.push(YamlNode::map().set("area", cm.area).set("bullets", texts(cm.bullets)));
    }
    return n;
}

}  // namespace

std::string source_file(const Content& c, const std::string& path) {
    const fs::path p(path);
    return p.is_absolute() ? path : (fs::path(c.root) / p).string();
}

std::string renamed(const std::string& folder, const std::string& path) {
    return folder + "/" + fs::path(path).filename().string();
}

std::string phases_yaml(const Content& c) {
    YamlNode list = YamlNode::list();
    for (const auto& p : c.phases)
        list.push(YamlNode::map().set("id", p.id).set("title", p.title.value).set("summary", p.summary.value));
    // A site whose groups name no phase: the diagram has none; our loader
    // needs the list, so it is written empty.
    if (list.empty()) return std::string(kWritten) + "phases: []\n";
    return file(kWritten, YamlNode::map().set("phases", std::move(list)));
}

// An area's `lead` and `bullets` are hand-written (the website has none in
// its data): kept from the folder's earlier action-areas.yaml, same id.
std::string action_areas_yaml(const Content& c, const Content* existing) {
    YamlNode list = YamlNode::list();
    for (const auto& a : c.action_areas) {
        const ActionArea* before = existing ? existing->find_area(a.id) : nullptr;
        const Text& lead = before && !before->lead.empty() ? before->lead : a.lead;
        const auto& bullets = before && !before->bullets.empty() ? before->bullets : a.bullets;
        list.push(YamlNode::map()
                      .set("id", a.id)
                      .set("title", a.title.value)
                      .set("lead", lead.value)
                      .set("summary", a.summary.value)
                      .set("bullets", texts(bullets)));
    }
    return file(kWrittenAreas, YamlNode::map().set("action-areas", std::move(list)));
}

// A group's `short-name` is ours (the website has none): kept.
std::string stakeholder_yaml(const Stakeholder& s, const Content& site, const Content* existing,
                             std::vector<CopyFile>& copies) {
    const Stakeholder* before = existing ? existing->find_stakeholder(s.id) : nullptr;
    const Text& short_name = before && !before->short_name.empty() ? before->short_name : s.short_name;
    YamlNode root = YamlNode::map();
    root.set("id", s.id).set("name", s.name.value).set("short-name", short_name.value);
    if (s.icon) {
        const std::string to = renamed("icons", s.icon->path);
        copies.push_back({source_file(site, s.icon->path), to});
        root.set("icon", YamlNode::map().set("path", to).set("alt", s.icon->alt));
    }
    root.set("definition", s.definition.value)
        .set("examples", s.examples.value)
        .set("roles", roles(s))
        .set("action-areas", commitments(s))
        .set("business-case", cases(s.business_case))
        .set("social-case", cases(s.social_case));
    if (s.quote)
        root.set("quote", YamlNode::map().set("text", quote_text(s.quote->text.value)).set("attribution", s.quote->attribution.value));
    return file(kWrittenGroup, root);
}

std::string glossary_yaml(const Content& c) {
    YamlNode list = YamlNode::list();
    for (const auto& g : c.glossary)
        list.push(YamlNode::map().set("term", g.term.value).set("definition", g.definition.value).set("list", texts(g.list)));
    return file(kWritten, YamlNode::map().set("terms", std::move(list)));
}

std::string resources_yaml(const Content& c) {
    YamlNode groups = YamlNode::list();
    for (const auto& g : c.resources) {
        YamlNode items = YamlNode::list();
        for (const auto& r : g.items)
            items.push(YamlNode::map()
                           .set("title", r.title.value)
                           .set("author", r.author.value)
                           .set("url", r.url)
                           .set("description", r.description.value));
        groups.push(YamlNode::map().set("name", g.name.value).set("items", std::move(items)));
    }
    return file(kWritten, YamlNode::map().set("resources", std::move(groups)));
}

std::string intro_yaml(const Content& c) {
    const Intro& in = c.intro;
    YamlNode lers_are = YamlNode::list();
    for (const auto& d : in.lers_are) lers_are.push(YamlNode::map().set("term", d.term.value).set("text", d.text.value));
    YamlNode root = YamlNode::map();
    root.set("imagine-title", in.imagine_title.value)
        .set("imagine", texts(in.imagine))
        .set("lers-intro", in.lers_intro.value)
        .set("lers-are", std::move(lers_are))
        .set("ecosystem", in.ecosystem.value)
        .set("map-text", in.map_text.value)
        .set("action-areas-intro", in.action_areas_intro.value);
    return file(kHandWritten, root);
}

std::string document_yaml(const Content& c) {
    const Meta& m = c.meta;
    YamlNode keywords = YamlNode::list();
    for (const auto& k : m.keywords) keywords.push(k);
    const Source& s = m.source;
    YamlNode root = YamlNode::map();
    root.set("title", m.title.value)
        .set("subtitle", m.subtitle.value)
        .set("author", m.author)
        .set("subject", m.subject)
        .set("keywords", std::move(keywords))
        .set("language", m.language)
        .set("base-url", m.base_url)
        .set("date", m.date)
        .set("source", YamlNode::map()
                           .set("name", s.name)
                           .set("url", s.url)
                           .set("license", s.license)
                           .set("license-url", s.license_url)
                           .set("authors", s.authors)
                           .set("changes", s.changes));
    return file(kHandWritten, root);
}

std::string explainer_yaml(const Content& c, std::vector<CopyFile>& copies) {
    YamlNode sections = YamlNode::list();
    for (const auto& sec : c.explainer) {
        YamlNode steps = YamlNode::list();
        for (const auto& st : sec.steps) {
            YamlNode step = YamlNode::map();
            step.set("title", st.title.value).set("text", st.text.value);
            if (st.picture) {
                const std::string to = renamed("pictures", st.picture->path);
                copies.push_back({source_file(c, st.picture->path), to});
                step.set("picture", YamlNode::map().set("path", to).set("alt", st.picture->alt));
            }
            steps.push(std::move(step));
        }
        sections.push(YamlNode::map()
                          .set("title", sec.title.value)
                          .set("text", sec.text.value)
                          .set("bullets", texts(sec.bullets))
                          .set("steps", std::move(steps)));
    }
    return file(kHandWritten, YamlNode::map().set("sections", std::move(sections)));
}

}  // namespace lerbrief::import
