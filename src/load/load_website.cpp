// The LER Ecosystem Map website's own data folder, loaded as it is:
//   _data/stakeholders-list.yml   groups, their phase roles, commitments, cases
//   _data/action-items-content.yml the action areas
//   _data/glossary-list.yml, _data/resources-list.yml
//   images/<icon>.svg, CNAME and _config.yml (for the public URL of a group)
// Strings carry HTML leftovers; html_to_markup turns them into our markup.
// The site keeps its introduction in HTML pages, not in _data/: the intro of
// the bundled content (same source, same text) stands in for it.
#include <filesystem>
#include <fstream>

#include "load/contained.h"
#include "load/fields.h"
#include "load/html_text.h"
#include "load/load.h"
#include "messages/messages.h"
#include "model/limits.h"

namespace lerbrief::load {

namespace fs = std::filesystem;

namespace {

std::string data_file(const std::string& dir, const char* name) { return (fs::path(dir) / "_data" / name).string(); }

// How the site writes text: HTML leftovers, and a single bullet as a plain
// string where a list is expected (its templates accept both).
void website_rules(Fields& f) {
    f.rules.clean = [](std::string_view s) { return html_to_markup(s); };
    f.rules.string_is_list = true;
}

// A file of the site read quietly: only when it is inside the folder.
bool inside(const std::string& dir, const fs::path& p) { return resolve_inside(dir, p.string()).inside(); }

std::string read_small_file(const std::string& dir, const fs::path& p) {
    std::error_code ec;
    if (!inside(dir, p) || !fs::is_regular_file(p, ec)) return {};  // absent, a folder, or a pipe that would block
    std::ifstream in(p, std::ios::binary);
    std::string s(4096, '\0');
    in.read(s.data(), static_cast<std::streamsize>(s.size()));
    s.resize(static_cast<std::size_t>(in.gcount()));
    return trim(s);
}

// https://<CNAME><permalink without :name>, e.g. https://lermap.t3networkhub.org/stakeholder/
std::string base_url(const std::string& dir) {
    std::string host = read_small_file(dir, fs::path(dir) / "CNAME");
    if (host.empty() || host.find_first_of(" /\n") != std::string::npos) return {};
    std::string permalink = "/stakeholder/:name";
    const std::string config = (fs::path(dir) / "_config.yml").string();
    if (inside(dir, config)) {
        Diagnostics ignored;  // _config.yml belongs to Jekyll; only one value is read from it
        if (auto root = read_yaml_file(config, ignored)) {
            const YNode* coll = root->get("collections");
            const YNode* st = coll ? coll->get("stakeholders") : nullptr;
            const YNode* pl = st ? st->get("permalink") : nullptr;
            if (pl && pl->is_scalar()) permalink = trim(pl->scalar);
        }
    }
    auto colon = permalink.find(":name");
    if (colon != std::string::npos) permalink.erase(colon);
    if (permalink.empty() || permalink[0] != '/') permalink = "/" + permalink;
    return "https://" + host + permalink;
}

void load_groups(const std::string& dir, Content& c, Diagnostics& diags) {
    const std::string file = data_file(dir, "stakeholders-list.yml");
    auto root = read_content_file(dir, file, "stakeholders-list", diags);
    if (!root) return;
    Fields top(*root, "", "stakeholders-list.yml", {"stakeholders"}, diags);
    website_rules(top);
    each_mapping(top, "stakeholders", Need::required, "a stakeholder",
             {"name", "icon", "icon-alt", "url", "action-areas", "definition", "examples", "sections", "quote-text",
              "quote-description", "business-case", "social-case"},
             [&](Fields& f, const YNode& n) {
                 Stakeholder s;
                 s.pos = n.pos;
                 if (auto t = f.id("url", Need::required)) s.id = *t, s.pos = n.get("url")->pos;
                 if (auto t = f.text("name", Need::required)) s.name = *t;
                 if (auto t = f.plain("icon", Need::optional)) {
                     Icon icon{"images/" + *t, {}, n.get("icon")->pos};
                     if (auto alt = f.plain("icon-alt", Need::optional)) icon.alt = *alt;
                     s.icon = std::move(icon);
                 } else {
                     f.node("icon-alt", Need::optional);
                 }
                 if (auto t = f.text("definition", Need::optional)) s.definition = *t;
                 if (auto t = f.text("examples", Need::optional)) s.examples = *t;
                 // action-areas: plain ids, or {title: id, bullets: [...]}
                 if (const YNode* areas = f.list("action-areas", Need::optional)) {
                     for (std::size_t i = 0; i < areas->items.size(); ++i) {
                         const YNode& a = areas->items[i];
                         const std::string path = f.field("action-areas") + "[" + std::to_string(i + 1) + "]";
                         Commitment cm;
                         cm.pos = a.pos;
                         if (a.is_scalar()) {
                             cm.area = trim(a.scalar);
                         } else if (a.is_map()) {
                             Fields e(a, path, "an action-area entry", {"title", "bullets"}, diags);
                             e.rules = f.rules;
                             if (auto t = e.plain("title", Need::required)) cm.area = *t;
                             cm.bullets = e.texts("bullets", Need::optional);
                             e.finish();
                         } else {
                             msg::expected(diags, a.pos, path, "an action-area id or a mapping", kind_name(a));
                         }
                         if (!cm.area.empty()) s.commitments.push_back(std::move(cm));
                     }
                 }
                 each_mapping(f, "sections", Need::optional, "a section", {"title", "subheader", "description", "bullets"},
                          [&](Fields& e, const YNode& sn) {
                              PhaseRole r;
                              r.pos = sn.pos;
                              auto title = e.text("title", Need::required);
                              auto sub = e.text("subheader", Need::optional);
                              auto desc = e.text("description", Need::optional);
                              r.bullets = e.texts("bullets", Need::optional);
                              if (!title) return;
                              r.pos = title->pos;
                              const Text& t = *title;  // cleaned and trimmed by the website rules
                              std::string id;
                              for (char ch : t.value)
                                  id += ch == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
                              r.phase = id;
                              r.summary = sub ? *sub : desc ? *desc : Text{};
                              // The phases come from the first group that names them.
                              if (!c.find_phase(id) && valid_id(id)) c.phases.push_back(Phase{id, t.pos, t, r.summary});
                              s.roles.push_back(std::move(r));
                          });
                 auto qt = f.text("quote-text", Need::optional);
                 auto qd = f.text("quote-description", Need::optional);
                 if (qt) s.quote = Quote{*qt, qd ? *qd : Text{}};
                 for (const char* key : {"business-case", "social-case"}) {
                     std::vector<Case>& out = std::string(key) == "business-case" ? s.business_case : s.social_case;
                     each_mapping(f, key, Need::optional, "a case", {"title", "description"}, [&](Fields& e, const YNode&) {
                         Case cs;
                         if (auto t = e.text("title", Need::required)) cs.title = *t;
                         if (auto t = e.text("description", Need::optional)) cs.description = *t;
                         out.push_back(std::move(cs));
                     });
                 }
                 if (!s.id.empty()) c.stakeholders.push_back(std::move(s));
             });
    top.finish();
}

void load_actions(const std::string& dir, Content& c, Diagnostics& diags) {
    const std::string file = data_file(dir, "action-items-content.yml");
    auto root = read_content_file(dir, file, "action-items-content", diags);
    if (!root) return;
    Fields top(*root, "", "action-items-content.yml", {"actions"}, diags);
    website_rules(top);
    each_mapping(top, "actions", Need::required, "an action area", {"name", "title", "description", "bullets"},
             [&](Fields& f, const YNode& n) {
                 ActionArea a;
                 a.pos = n.pos;
                 if (auto t = f.id("name", Need::required)) a.id = *t;
                 if (auto t = f.text("title", Need::required)) a.title = *t;
                 if (auto t = f.text("description", Need::optional)) a.summary = *t;
                 a.bullets = f.texts("bullets", Need::optional);
                 c.action_areas.push_back(std::move(a));
             });
    top.finish();
}

void load_terms(const std::string& dir, Content& c, Diagnostics& diags) {
    const std::string file = data_file(dir, "glossary-list.yml");
    if (!has_entry(file)) return;
    auto root = read_content_file(dir, file, "glossary-list", diags);
    if (!root) return;
    Fields top(*root, "", "glossary-list.yml", {"terms"}, diags);
    website_rules(top);
    each_mapping(top, "terms", Need::required, "a term", {"term", "definition", "list"},
                 [&](Fields& f, const YNode& n) { c.glossary.push_back(read_term(f, n)); });
    top.finish();
}

void load_links(const std::string& dir, Content& c, Diagnostics& diags) {
    const std::string file = data_file(dir, "resources-list.yml");
    if (!has_entry(file)) return;
    auto root = read_content_file(dir, file, "resources-list", diags);
    if (!root) return;
    Fields top(*root, "", "resources-list.yml", {"resources"}, diags);
    website_rules(top);
    each_mapping(top, "resources", Need::required, "a resource group", {"name", "sites"}, [&](Fields& f, const YNode& n) {
        ResourceGroup g;
        g.pos = n.pos;
        if (auto t = f.text("name", Need::required)) g.name = *t;
        each_mapping(f, "sites", Need::required, "a resource", {"title", "author", "url"},
                     [&](Fields& e, const YNode& rn) { g.items.push_back(read_resource(e, rn)); });
        c.resources.push_back(std::move(g));
    });
    top.finish();
}

}  // namespace

Content load_website(const std::string& dir, Diagnostics& diags) {
    Content c;
    c.kind = SourceKind::website;
    c.root = dir;
    c.meta.title = {"LER Ecosystem Briefing", {}};
    c.meta.subtitle = {"Learning and Employment Records: stakeholders, phases and action areas", {}};
    c.meta.author = "LER Ecosystem Map";
    c.meta.subject = "The Learning and Employment Record ecosystem: stakeholder groups, phases and action areas";
    c.meta.keywords = {"Learning and Employment Records", "LER", "stakeholders", "action areas"};
    c.meta.source = {"LER Ecosystem Map", {}, "CC0 1.0 Universal (public domain dedication)"};
    c.meta.base_url = base_url(dir);
    if (!c.meta.base_url.empty()) {
        auto slash = c.meta.base_url.find('/', 8);
        c.meta.source.url = c.meta.base_url.substr(0, slash);
    }
    load_groups(dir, c, diags);
    load_actions(dir, c, diags);
    load_terms(dir, c, diags);
    load_links(dir, c, diags);
    return c;
}

}  // namespace lerbrief::load
