// Our schema (docs/CONTENT.md): document.yaml, intro.yaml, phases.yaml,
// action-areas.yaml, stakeholders/<id>.yaml, and optionally glossary.yaml,
// resources.yaml and lers-explained.yaml.
#include <algorithm>
#include <filesystem>

#include "messages/strings.h"
#include "model/strings.h"
#include "load/contained.h"
#include "load/fields.h"
#include "load/load.h"
#include "messages/messages.h"
#include "model/limits.h"

namespace lerbrief::load {

namespace fs = std::filesystem;

namespace {

std::string join_path(const std::string& dir, const std::string& name) { return (fs::path(dir) / name).string(); }

std::string item_path(const std::string& field, std::size_t i) { return field + "[" + std::to_string(i + 1) + "]"; }

void load_document(const std::string& dir, Content& c, Diagnostics& diags) {
    auto root = read_content_file(dir, join_path(dir, "document.yaml"), "document", diags);
    if (!root) return;
    Fields f(*root, "", "document.yaml",
             {"title", "subtitle", "author", "subject", "keywords", "language", "base-url", "date", "source"},
             diags);
    if (auto t = f.text("title", Need::required)) c.meta.title = *t;
    if (auto t = f.text("subtitle", Need::optional)) c.meta.subtitle = *t;
    if (auto t = f.plain("author", Need::required)) c.meta.author = *t;
    if (auto t = f.plain("subject", Need::optional)) c.meta.subject = *t;
    for (auto& k : f.texts("keywords", Need::optional)) c.meta.keywords.push_back(trim(k.value));
    if (auto t = f.plain("language", Need::optional)) {
        if (is_language_tag(*t))
            c.meta.language = *t;
        else
            msg::not_a_language_tag(diags, root->get("language")->pos, "language", *t);
    }
    if (auto t = f.plain("base-url", Need::optional)) c.meta.base_url = *t, c.meta.base_url_pos = root->get("base-url")->pos;
    if (auto t = f.plain("date", Need::optional)) {
        const std::string& v = *t;
        const bool iso = v.size() == 10 && v[4] == '-' && v[7] == '-' &&
                         std::all_of(v.begin(), v.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)) || ch == '-'; });
        if (iso)
            c.meta.date = v;
        else
            msg::expected(diags, root->get("date")->pos, "date", "an ISO date like 2026-12-01", "'" + v + "'");
    }
    if (const YNode* s = f.mapping("source", Need::required)) {
        Fields sf(*s, "source", "source", {"name", "url", "license", "license-url", "authors", "changes"}, diags);
        Source& src = c.meta.source;
        if (auto t = sf.plain("name", Need::required)) src.name = *t;
        if (auto t = sf.plain("url", Need::optional)) src.url = *t;
        if (auto t = sf.plain("license", Need::required)) src.license = *t;
        if (auto t = sf.plain("license-url", Need::optional)) src.license_url = *t;
        if (auto t = sf.plain("authors", Need::optional)) src.authors = *t;
        if (auto t = sf.plain("changes", Need::optional)) src.changes = *t;
        sf.finish();
    }
    f.finish();
}

}  // namespace

void load_intro(const std::string& dir, Content& c, Diagnostics& diags) {
    auto root = read_content_file(dir, join_path(dir, "intro.yaml"), "intro", diags);
    if (!root) return;
    Fields f(*root, "", "intro.yaml",
             {"imagine-title", "imagine", "lers-intro", "lers-are", "ecosystem", "map-text", "action-areas-intro"},
             diags);
    Intro& in = c.intro;
    if (auto t = f.text("imagine-title", Need::optional)) in.imagine_title = *t;
    in.imagine = f.texts("imagine", Need::required);
    if (auto t = f.text("lers-intro", Need::optional)) in.lers_intro = *t;
    each_mapping(f, "lers-are", Need::optional, "a lers-are entry", {"term", "text"}, [&](Fields& e, const YNode&) {
        DefinedTerm d;
        if (auto t = e.text("term", Need::required)) d.term = *t;
        if (auto t = e.text("text", Need::required)) d.text = *t;
        in.lers_are.push_back(std::move(d));
    });
    if (auto t = f.text("ecosystem", Need::optional)) in.ecosystem = *t;
    if (auto t = f.text("map-text", Need::optional)) in.map_text = *t;
    if (auto t = f.text("action-areas-intro", Need::optional)) in.action_areas_intro = *t;
    f.finish();
}

namespace {

void load_phases(const std::string& dir, Content& c, Diagnostics& diags) {
    auto root = read_content_file(dir, join_path(dir, "phases.yaml"), "phases.yaml", diags);
    if (!root) return;
    Fields f(*root, "", "phases.yaml", {"phases"}, diags);
    each_mapping(f, "phases", Need::required, "a phase", {"id", "title", "summary"}, [&](Fields& e, const YNode& n) {
        Phase p;
        p.pos = n.pos;
        if (auto t = e.id("id", Need::required)) p.id = *t;
        if (auto t = e.text("title", Need::required)) p.title = *t;
        if (auto t = e.text("summary", Need::optional)) p.summary = *t;
        c.phases.push_back(std::move(p));
    });
    f.finish();
}

void load_areas(const std::string& dir, Content& c, Diagnostics& diags) {
    auto root = read_content_file(dir, join_path(dir, "action-areas.yaml"), "action-areas.yaml", diags);
    if (!root) return;
    Fields f(*root, "", "action-areas.yaml", {"action-areas"}, diags);
    each_mapping(f, "action-areas", Need::required, "an action area", {"id", "title", "lead", "summary", "bullets"},
                 [&](Fields& e, const YNode& n) {
                     ActionArea a;
                     a.pos = n.pos;
                     if (auto t = e.id("id", Need::required)) a.id = *t;
                     if (auto t = e.text("title", Need::required)) a.title = *t;
                     if (auto t = e.text("lead", Need::optional)) a.lead = *t;
                     if (auto t = e.text("summary", Need::optional)) a.summary = *t;
                     a.bullets = e.texts("bullets", Need::optional);
                     c.action_areas.push_back(std::move(a));
                 });
    f.finish();
}

std::vector<Case> load_cases(Fields& f, const std::string& key) {
    std::vector<Case> out;
    each_mapping(f, key, Need::optional, "a case", {"title", "description"}, [&](Fields& e, const YNode&) {
        Case cs;
        if (auto t = e.text("title", Need::required)) cs.title = *t;
        if (auto t = e.text("description", Need::optional)) cs.description = *t;
        out.push_back(std::move(cs));
    });
    return out;
}

void load_commitments(Fields& f, Stakeholder& s) {
    const YNode* list = f.list("action-areas", Need::optional);
    if (!list) return;
    for (std::size_t i = 0; i < list->items.size(); ++i) {
        const YNode& item = list->items[i];
        const std::string path = item_path(f.field("action-areas"), i);
        Commitment cm;
        cm.pos = item.pos;
        if (item.is_scalar()) {
            cm.area = trim(item.scalar);
            if (!valid_id(cm.area)) {
                msg::bad_id(f.diags(), item.pos, path, cm.area);
                continue;
            }
        } else if (item.is_map()) {
            Fields e(item, path, "an action-area entry", {"area", "bullets"}, f.diags());
            if (auto t = e.id("area", Need::required)) cm.area = *t;
            cm.bullets = e.texts("bullets", Need::optional);
            e.finish();
            if (cm.area.empty()) continue;
        } else {
            msg::expected(f.diags(), item.pos, path, "an action-area id or a mapping", kind_name(item));
            continue;
        }
        s.commitments.push_back(std::move(cm));
    }
}

void load_stakeholder(const std::string& file, Content& c, Diagnostics& diags) {
    auto root = read_content_file(c.root, file, "stakeholder", diags);
    if (!root) return;
    Fields f(*root, "", "a stakeholder",
             {"id", "name", "short-name", "icon", "definition", "examples", "roles", "action-areas",
              "business-case", "social-case", "quote"},
             diags);
    Stakeholder s;
    s.pos = {file, 1, 1};
    if (auto t = f.id("id", Need::required)) {
        s.id = *t;
        s.pos = root->get("id")->pos;
        const std::string stem = fs::path(file).stem().string();
        if (stem != s.id) msg::id_file_mismatch(diags, s.pos, s.id, stem);
    }
    if (auto t = f.text("name", Need::required)) s.name = *t;
    if (auto t = f.text("short-name", Need::optional)) s.short_name = *t;
    if (const YNode* ic = f.mapping("icon", Need::optional)) {
        Fields e(*ic, "icon", "icon", {"path", "alt"}, diags);
        Icon icon;
        icon.pos = ic->pos;
        if (auto t = e.plain("path", Need::required)) icon.path = *t, icon.pos = ic->get("path")->pos;
        if (auto t = e.plain("alt", Need::optional)) icon.alt = *t;
        e.finish();
        if (!icon.path.empty()) s.icon = std::move(icon);
    }
    if (auto t = f.text("definition", Need::optional)) s.definition = *t;
    if (auto t = f.text("examples", Need::optional)) s.examples = *t;
    each_mapping(f, "roles", Need::optional, "a role", {"phase", "summary", "bullets"}, [&](Fields& e, const YNode& n) {
        PhaseRole r;
        r.pos = n.pos;
        if (auto t = e.id("phase", Need::required)) r.phase = *t, r.pos = n.get("phase")->pos;
        if (auto t = e.text("summary", Need::optional)) r.summary = *t;
        r.bullets = e.texts("bullets", Need::optional);
        if (!r.phase.empty()) s.roles.push_back(std::move(r));
    });
    load_commitments(f, s);
    s.business_case = load_cases(f, "business-case");
    s.social_case = load_cases(f, "social-case");
    if (const YNode* q = f.mapping("quote", Need::optional)) {
        Fields e(*q, "quote", "quote", {"text", "attribution"}, diags);
        Quote quote;
        if (auto t = e.text("text", Need::required)) quote.text = *t;
        if (auto t = e.text("attribution", Need::optional)) quote.attribution = *t;
        e.finish();
        if (!quote.text.empty()) s.quote = std::move(quote);
    }
    f.finish();
    c.stakeholders.push_back(std::move(s));
}

void load_stakeholders(const std::string& dir, Content& c, Diagnostics& diags) {
    const std::string folder = join_path(dir, "stakeholders");
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return msg::missing_content_file(diags, {folder, 0, 0}, "stakeholders/");
    std::vector<std::string> files;
    for (auto it = fs::directory_iterator(folder, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const auto ext = it->path().extension();
        if (ext == ".yaml" || ext == ".yml") files.push_back(it->path().string());
        if (files.size() > limits::kMaxFiles) return msg::too_many_stakeholders(diags, {folder, 0, 0});
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) load_stakeholder(file, c, diags);
}

void load_glossary(const std::string& dir, Content& c, Diagnostics& diags) {
    const std::string file = join_path(dir, "glossary.yaml");
    if (!has_entry(file)) return;
    auto root = read_content_file(dir, file, "glossary", diags);
    if (!root) return;
    Fields f(*root, "", "glossary.yaml", {"terms"}, diags);
    each_mapping(f, "terms", Need::required, "a term", {"term", "definition", "list"},
                 [&](Fields& e, const YNode& n) { c.glossary.push_back(read_term(e, n)); });
    f.finish();
}

void load_resources(const std::string& dir, Content& c, Diagnostics& diags) {
    const std::string file = join_path(dir, "resources.yaml");
    if (!has_entry(file)) return;
    auto root = read_content_file(dir, file, "resources", diags);
    if (!root) return;
    Fields f(*root, "", "resources.yaml", {"resources"}, diags);
    each_mapping(f, "resources", Need::required, "a resource group", {"name", "items"}, [&](Fields& e, const YNode& n) {
        ResourceGroup g;
        g.pos = n.pos;
        if (auto t = e.text("name", Need::optional)) g.name = *t;  // none: a list with no heading
        each_mapping(e, "items", Need::required, "a resource", {"title", "author", "url", "description"},
                     [&](Fields& r, const YNode& rn) {
                         Resource res = read_resource(r, rn);
                         if (auto t = r.text("description", Need::optional)) res.description = *t;
                         g.items.push_back(std::move(res));
                     });
        c.resources.push_back(std::move(g));
    });
    f.finish();
}

std::optional<Picture> read_picture(Fields& f) {
    const YNode* p = f.mapping("picture", Need::optional);
    if (!p) return std::nullopt;
    Fields e(*p, f.field("picture"), "a picture", {"path", "alt"}, f.diags());
    Picture pic;
    pic.pos = p->pos;
    if (auto t = e.plain("path", Need::required)) pic.path = *t, pic.pos = p->get("path")->pos;
    if (auto t = e.plain("alt", Need::optional)) pic.alt = *t;
    e.finish();
    if (pic.path.empty()) return std::nullopt;
    return pic;
}

// lers-explained.yaml (optional): the sections of "LERs explained".
void load_explainer(const std::string& dir, Content& c, Diagnostics& diags) {
    const std::string file = join_path(dir, "lers-explained.yaml");
    if (!has_entry(file)) return;
    auto root = read_content_file(dir, file, "lers-explained", diags);
    if (!root) return;
    Fields f(*root, "", "lers-explained.yaml", {"sections"}, diags);
    each_mapping(f, "sections", Need::required, "a section", {"title", "text", "bullets", "steps"},
                 [&](Fields& e, const YNode& n) {
                     ExplainerSection sec;
                     sec.pos = n.pos;
                     if (auto t = e.text("title", Need::required)) sec.title = *t;
                     if (auto t = e.text("text", Need::optional)) sec.text = *t;
                     sec.bullets = e.texts("bullets", Need::optional);
                     each_mapping(e, "steps", Need::optional, "a step", {"title", "text", "picture"},
                                  [&](Fields& s, const YNode& sn) {
                                      ExplainerStep step;
                                      step.pos = sn.pos;
                                      if (auto t = s.text("title", Need::required)) step.title = *t;
                                      if (auto t = s.text("text", Need::optional)) step.text = *t;
                                      step.picture = read_picture(s);
                                      sec.steps.push_back(std::move(step));
                                  });
                     c.explainer.push_back(std::move(sec));
                 });
    f.finish();
}

}  // namespace

Content load_ours(const std::string& dir, Diagnostics& diags) {
    Content c;
    c.kind = SourceKind::ours;
    c.root = dir;
    load_document(dir, c, diags);
    load_intro(dir, c, diags);
    load_phases(dir, c, diags);
    load_areas(dir, c, diags);
    load_stakeholders(dir, c, diags);
    load_glossary(dir, c, diags);
    load_resources(dir, c, diags);
    load_explainer(dir, c, diags);
    return c;
}

}  // namespace lerbrief::load
