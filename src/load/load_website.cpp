// The LER Ecosystem Map website's own data folder, loaded as it is:
//   _data/stakeholders-list.yml   groups, their phase roles, commitments, cases
//   _data/action-items-content.yml the action areas
//   _data/glossary-list.yml, _data/resources-list.yml
//   images/<icon>.svg, CNAME and _config.yml (for the public URL of a group,
//   and `lang:`, the site's language, for a translated copy)
// Strings carry HTML leftovers; html_to_markup turns them into our markup.
// The site keeps its introduction in HTML pages, not in _data/: the intro of
// the bundled content (same source, same text) stands in for it, but for the
// action areas' introduction, read from _includes/action-areas-intro.html.
// "LERs explained" comes from lers-explained.md (load/site_pages.cpp).
// Every shape the site's data had over its history loads, read as the site's
// templates printed it (docs/CONTENT.md lists them): action-area, short area
// ids, quote and quotes, "social case", blank placeholders, url with a slash,
// a flat resources list. Data the site rendered is never an error here.
#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <future>
#include <optional>

#include "load/contained.h"
#include "load/fields.h"
#include "load/html_text.h"
#include "load/load.h"
#include "load/site_pages.h"
#include "load/site_url.h"
#include "load/typography.h"
#include "messages/messages.h"
#include "messages/website.h"
#include "model/cores.h"
#include "model/markup.h"
#include "model/utf8.h"

namespace lerbrief::load {

namespace fs = std::filesystem;

namespace {

// A resource as the site's data writes it: ours, and a description (which
// the early flat list had).
Resource read_site_resource(Fields& e, const YNode& n) {
    Resource r = read_resource(e, n);
    if (auto t = e.text("description", Need::optional)) r.description = *t;
    return r;
}

std::string data_file(const std::string& dir, const char* name) { return (fs::path(dir) / "_data" / name).string(); }

// How the site writes text: HTML leftovers, and a single bullet as a plain
// string where a list is expected (its templates accept both).
void website_rules(Fields& f) {
    f.rules.clean = [](std::string_view s) { return html_to_markup(s); };
    f.rules.string_is_list = true;
}

// `key: ''` or `key: "  "`: the site's templates test `!= ''` and print
// nothing, so a blank string stands for an absent list or value.
bool blank(const YNode* n) { return !n || n->is_null() || (n->is_scalar() && trim(n->scalar).empty()); }

// The first of `keys` the group has with a value (older spellings last);
// warns when an older one is there too. Returns "" when none has a value.
std::string pick(Fields& f, const YNode& n, std::initializer_list<const char*> keys) {
    std::string chosen;
    for (const char* k : keys) {
        const YNode* v = n.get(k);
        if (blank(v)) continue;
        if (chosen.empty())
            chosen = k;
        else
            msg::both_shapes(f.diags(), v->pos, k, chosen);
    }
    return chosen;
}

// url: "career-navigators", once "/career-navigators" (and "/governance ").
void read_id(Fields& f, const YNode& n, Stakeholder& s) {
    auto t = f.plain("url", Need::required);
    if (!t) return;
    std::string id = *t;
    while (!id.empty() && id.back() == '/') id.pop_back();
    if (auto slash = id.rfind('/'); slash != std::string::npos) id.erase(0, slash + 1);
    if (!valid_id(id)) {
        msg::bad_id(f.diags(), n.get("url")->pos, f.field("url"), *t);
        return;
    }
    s.id = id;
    s.pos = n.get("url")->pos;
}

// action-areas (once action-area): plain ids, or {title: id, bullets: [...]}.
void read_commitments(Fields& f, const std::string& key, Stakeholder& s, Diagnostics& diags) {
    if (key.empty()) return;
    if (const YNode* one = f.node(key, Need::optional); one && one->is_scalar()) {
        // one id written as a string: Liquid's for loops over it as one item
        s.commitments.push_back(Commitment{trim(one->scalar), one->pos, {}});
        return;
    }
    const YNode* areas = f.list(key, Need::optional);
    if (!areas) return;
    for (std::size_t i = 0; i < areas->items.size(); ++i) {
        const YNode& a = areas->items[i];
        const std::string path = f.field(key) + "[" + std::to_string(i + 1) + "]";
        Commitment cm;
        cm.pos = a.pos;
        if (a.is_null()) continue;
        if (a.is_scalar()) {
            cm.area = trim(a.scalar);
        } else if (a.is_map()) {
            Fields e(a, path, "an action-area entry", {"title", "bullets"}, diags);
            e.rules = f.rules;
            // a placeholder with no title: the site matched no area and printed nothing
            if (auto t = e.plain("title", Need::optional)) cm.area = *t;
            cm.bullets = e.texts("bullets", Need::optional);
            e.finish();
        } else {
            msg::expected(diags, a.pos, path, "an action-area id or a mapping", kind_name(a));
        }
        if (!cm.area.empty()) s.commitments.push_back(std::move(cm));
    }
}

// A quote as the fact sheet prints it: the text without the quotation marks
// some entries wrap it in ("“LERs are …”"), as the sheet sets its own.
Quote quotation(Text text, Text by) {
    text.value = without_outer_quotes(text.value);
    return Quote{std::move(text), std::move(by)};
}

// One quote of a `quotes:` list, or `quote:` written as a mapping.
std::optional<Quote> quote_entry(Fields& e) {
    auto text = e.text("text", Need::optional);
    auto by = e.text("description", Need::optional);
    if (!text) return std::nullopt;  // a placeholder: the site printed nothing
    return quotation(*text, by ? *by : Text{});
}

// quote-text + quote-description; before them `quotes:` (a list of
// {text, description}) and, first, `quote:` (a string, often empty).
void read_quote(Fields& f, const YNode& n, Stakeholder& s, Diagnostics& diags) {
    const std::string key = pick(f, n, {"quote-text", "quotes", "quote"});
    if (key == "quote-text") {
        auto qt = f.text("quote-text", Need::optional);
        auto qd = f.text("quote-description", Need::optional);
        if (qt) s.quote = quotation(*qt, qd ? *qd : Text{});
    } else if (key == "quotes") {
        std::vector<Quote> found;
        std::vector<SourcePos> where;
        const YNode* list = n.get("quotes");
        if (list->is_scalar()) {  // one quote written as a string
            if (auto t = f.text("quotes", Need::optional)) found.push_back(quotation(*t, {})), where.push_back(t->pos);
        } else if (f.list("quotes", Need::optional)) {
            for (std::size_t i = 0; i < list->items.size(); ++i) {
                const YNode& qn = list->items[i];
                const std::string path = f.field("quotes") + "[" + std::to_string(i + 1) + "]";
                std::optional<Quote> q;
                if (qn.is_scalar() && !trim(qn.scalar).empty()) {
                    q = quotation(Text{printed(qn.scalar, f.rules), qn.pos}, {});
                } else if (qn.is_map()) {
                    Fields e(qn, path, "a quote", {"text", "description"}, diags);
                    e.rules = f.rules;
                    q = quote_entry(e);
                    e.finish();
                } else if (!qn.is_null() && !qn.is_scalar()) {
                    expected_mapping(diags, qn, path);
                }
                if (q) found.push_back(std::move(*q)), where.push_back(qn.pos);
            }
        }
        if (!found.empty()) s.quote = found.front();
        if (found.size() > 1) msg::extra_quotes(diags, where[1], found.size());
    } else if (key == "quote") {
        const YNode* q = n.get("quote");
        if (q->is_map()) {
            Fields e(*q, f.field("quote"), "a quote", {"text", "description"}, diags);
            e.rules = f.rules;
            if (auto one = quote_entry(e)) s.quote = std::move(*one);
            e.finish();
        } else if (auto t = f.text("quote", Need::optional)) {
            s.quote = quotation(*t, {});
        }
    }
}

// business-case, social-case (once "social case"): {title, description}.
// The site printed "<strong>title</strong> - description"; placeholders with
// both empty printed nothing worth reading and are skipped; a description
// without a title prints as the title.
void read_cases(Fields& f, const YNode& n, Stakeholder& s) {
    auto read = [&](const std::string& key, std::vector<Case>& out) {
        if (key.empty() || blank(n.get(key))) return;
        each_mapping(f, key, Need::optional, "a case", {"title", "description"}, [&](Fields& e, const YNode&) {
            Case cs;
            auto title = e.text("title", Need::optional);
            auto desc = e.text("description", Need::optional);
            if (title) cs.title = *title;
            if (desc) cs.description = *desc;
            if (!title && desc) cs.title = *desc, cs.description = {};
            if (!cs.title.empty()) out.push_back(std::move(cs));
        });
    };
    read("business-case", s.business_case);
    read(pick(f, n, {"social-case", "social case"}), s.social_case);
}

// A phase's id from its title as the site writes it in every group: lower
// case, spaces as hyphens ("Developing" → "developing"). A translated copy's
// titles have accented letters ("Emisión", "Adopción"): written without the
// accent, as ids are ASCII ("emision"). Other characters are kept, and an id
// that is still not valid names no phase, as before.
std::string phase_id(std::string_view title) {
    // Latin-1 letters U+00C0–U+00FF as their base letter ('?': none).
    static constexpr std::string_view kBase = "aaaaaa?ceeeeiiii?nooooo?ouuuuy??aaaaaa?ceeeeiiii?nooooo?ouuuuy?y";
    static_assert(kBase.size() == 0x40);
    std::string id;
    for (std::size_t i = 0; i < title.size();) {
        const std::size_t at = i;
        const char32_t cp = utf8::next(title, i);
        if (cp == U' ')
            id += '-';
        else if (cp < 0x80)
            id += static_cast<char>(std::tolower(static_cast<int>(cp)));
        else if (cp >= 0xC0 && cp <= 0xFF && kBase[cp - 0xC0] != '?')
            id += kBase[cp - 0xC0];
        else
            id.append(title.substr(at, i - at));
    }
    return id;
}

// One of _data/'s files, parsed, with what reading it said; `present`
// false for an optional file that is not there (nothing said).
struct DataFile {
    bool present = true;
    std::optional<YNode> root;
    Diagnostics said;
};
DataFile read_data_file(const std::string& dir, const char* name, const char* what, bool optional) {
    DataFile out;
    const std::string file = data_file(dir, name);
    if (optional && !has_entry(file)) {
        out.present = false;
        return out;
    }
    out.root = read_content_file(dir, file, what, out.said);
    return out;
}

// The file's tree, once what reading it said is said.
const YNode* said_and_read(DataFile& f, Diagnostics& diags) {
    diags.append(f.said);
    return f.root ? &*f.root : nullptr;
}

void load_groups(DataFile& data, Content& c, Diagnostics& diags) {
    const YNode* root = said_and_read(data, diags);
    if (!root) return;
    Fields top(*root, "", "stakeholders-list.yml", {"stakeholders"}, diags);
    website_rules(top);
    each_mapping(top, "stakeholders", Need::required, "a stakeholder",
             {"name", "icon", "icon-alt", "url", "action-areas", "action-area", "definition", "examples", "sections",
              "quote-text", "quote-description", "quotes", "quote", "business-case", "social-case", "social case"},
             [&](Fields& f, const YNode& n) {
                 Stakeholder s;
                 s.pos = n.pos;
                 read_id(f, n, s);
                 if (auto t = f.text("name", Need::required)) s.name = *t;
                 if (auto t = f.plain("icon", Need::optional)) {
                     // Icons were once URLs on the site's old host: kept as
                     // written, so check says so and leaves them out.
                     const bool url = t->find("://") != std::string::npos || t->rfind("//", 0) == 0;
                     Icon icon{url ? *t : "images/" + *t, {}, n.get("icon")->pos};
                     if (auto alt = f.plain("icon-alt", Need::optional)) icon.alt = *alt;
                     s.icon = std::move(icon);
                 }
                 if (auto t = f.text("definition", Need::optional)) s.definition = *t;
                 if (auto t = f.text("examples", Need::optional)) s.examples = *t;
                 read_commitments(f, pick(f, n, {"action-areas", "action-area"}), s, diags);
                 if (!blank(n.get("sections")))
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
                              const std::string id = phase_id(t.value);
                              r.phase = id;
                              r.summary = sub ? *sub : desc ? *desc : Text{};
                              // The phases come from the first group that names them.
                              if (!c.find_phase(id) && valid_id(id)) c.phases.push_back(Phase{id, t.pos, t, r.summary});
                              s.roles.push_back(std::move(r));
                          });
                 read_quote(f, n, s, diags);
                 read_cases(f, n, s);
                 if (!s.id.empty()) c.stakeholders.push_back(std::move(s));
             });
    top.finish();
}

void load_actions(DataFile& data, Content& c, Diagnostics& diags) {
    const YNode* root = said_and_read(data, diags);
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

void load_terms(DataFile& data, Content& c, Diagnostics& diags) {
    const YNode* root = said_and_read(data, diags);
    if (!root) return;
    Fields top(*root, "", "glossary-list.yml", {"terms"}, diags);
    website_rules(top);
    each_mapping(top, "terms", Need::required, "a term", {"term", "definition", "list"},
                 [&](Fields& f, const YNode& n) { c.glossary.push_back(read_term(f, n)); });
    top.finish();
}

// resources: groups {name, sites: [{title, author, url}]}; once a flat list
// of {title, author, description, url}, which the site printed as one list:
// consecutive flat entries make one group with no name.
void load_links(DataFile& data, Content& c, Diagnostics& diags) {
    const YNode* root = said_and_read(data, diags);
    if (!root) return;
    Fields top(*root, "", "resources-list.yml", {"resources"}, diags);
    website_rules(top);
    const YNode* list = blank(root->get("resources")) ? nullptr : top.list("resources", Need::required);
    for (std::size_t i = 0; list && i < list->items.size(); ++i) {
        const YNode& n = list->items[i];
        const std::string path = top.field("resources") + "[" + std::to_string(i + 1) + "]";
        if (n.is_null()) continue;
        if (!n.is_map()) {
            expected_mapping(diags, n, path);
            continue;
        }
        if (n.get("sites") || n.get("name")) {
            Fields f(n, path, "a resource group", {"name", "sites"}, diags);
            f.rules = top.rules;
            ResourceGroup g;
            g.pos = n.pos;
            if (auto t = f.text("name", Need::required)) g.name = *t;
            if (!blank(n.get("sites")))
                each_mapping(f, "sites", Need::required, "a resource", {"title", "author", "description", "url"},
                             [&](Fields& e, const YNode& rn) {
                                 g.items.push_back(read_site_resource(e, rn));
                             });
            f.finish();
            c.resources.push_back(std::move(g));
            continue;
        }
        Fields e(n, path, "a resource", {"title", "author", "description", "url"}, diags);
        e.rules = top.rules;
        Resource r = read_site_resource(e, n);
        e.finish();
        const bool after_flat = i > 0 && !c.resources.empty() && c.resources.back().name.empty();
        if (!after_flat) c.resources.push_back(ResourceGroup{{}, {}, n.pos});
        c.resources.back().items.push_back(std::move(r));
    }
    top.finish();
}

// Action areas named by a group were short ids before the current ones:
// "defining", "gathering", "shifting", "building" (Defining Value
// Propositions, Gathering Data on Impact, Shifting to a Skills-Based System,
// Building Employer Demand). Two were renamed, with their titles, when the
// map became promoting/building/gathering/supporting.
struct Renamed {
    const char* old_id;
    const char* id;
};
constexpr Renamed kRenamedAreas[] = {{"defining", "promoting"}, {"shifting", "supporting"}};

std::string first_word(const Text& title) {
    std::string word;
    for (char ch : plain_text(title.value)) {
        if (!std::isalpha(static_cast<unsigned char>(ch))) break;
        word += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    return word;
}

// "gathering" names the area titled "Gathering Data on Impact", whatever its
// id; "supporting" the one titled "Support …". Only when one area matches.
const ActionArea* by_title(const Content& c, const std::string& ref) {
    const ActionArea* found = nullptr;
    for (const auto& a : c.action_areas) {
        const std::string w = first_word(a.title);
        const std::size_t n = std::min(w.size(), ref.size());
        if (w.empty() || n < 4 || w.compare(0, n, ref, 0, n) != 0) continue;
        if (found) return nullptr;
        found = &a;
    }
    return found;
}

// Every group's action areas as ids of the areas loaded: the site printed a
// group's entry under the area it names, and nothing for a name it could not
// find, so an unknown one is left out with a warning, never an error.
void resolve_areas(Content& c, Diagnostics& diags) {
    if (c.action_areas.empty()) return;  // no areas loaded: their file's error says why
    std::vector<std::string> ids;
    for (const auto& a : c.action_areas) ids.push_back(a.id);
    for (auto& s : c.stakeholders) {
        std::vector<Commitment> out;
        for (auto& cm : s.commitments) {
            std::string ref;  // "Gathering" as written on some pages: compared in lower case
            for (char ch : cm.area) ref += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            const ActionArea* a = c.find_area(cm.area);
            if (!a) a = c.find_area(ref);
            if (!a) a = by_title(c, ref);
            if (!a)
                for (const auto& r : kRenamedAreas)
                    if (ref == r.old_id && (a = c.find_area(r.id)))
                        msg::area_renamed(diags, cm.pos, cm.area, a->id, plain_text(a->title.value));
            if (!a) {
                msg::area_not_in_site(diags, cm.pos, cm.area, ids);
                continue;
            }
            cm.area = a->id;
            auto same = std::find_if(out.begin(), out.end(), [&](const Commitment& o) { return o.area == a->id; });
            if (same == out.end())
                out.push_back(std::move(cm));
            else
                same->bullets.insert(same->bullets.end(), cm.bullets.begin(), cm.bullets.end());
        }
        s.commitments = std::move(out);
    }
}

// The map's name, a proper name in every language, and the licences' addresses.
constexpr const char* kMapName = "LER Ecosystem Map";
constexpr const char* kCcByUrl = "https://creativecommons.org/licenses/by/4.0/";
constexpr const char* kCc0Url = "https://creativecommons.org/publicdomain/zero/1.0/";

// Whom to credit and under which licence (docs/CONTENT.md, "Attribution").
// The site's About page and footer put its content under CC BY 4.0 (since
// 2024); older copies have only the repository's CC0 dedication, which
// asks for nothing and is said as it is.
Source site_source(const std::string& dir) {
    Source s;
    s.name = kMapName;  // the authors, the changes and the licence's name: name_website()
    s.license_url = about_says_cc_by(dir) ? kCcByUrl : kCc0Url;
    return s;
}

}  // namespace

Content load_website(const std::string& dir, Diagnostics& diags) {
    Content c;
    c.kind = SourceKind::website;
    c.root = dir;
    c.meta.author = kMapName;  // the title, subject and keywords: name_website()
    c.meta.source = site_source(dir);
    if (std::string lang = site_language(dir, diags); !lang.empty()) c.meta.language = lang;
    c.meta.base_url = site_base_url(dir, diags);
    if (!c.meta.base_url.empty()) {
        auto slash = c.meta.base_url.find('/', 8);
        c.meta.source.url = c.meta.base_url.substr(0, slash);
    }
    // The groups' file (the largest) is parsed here while the three others
    // are parsed on a second thread, when there are two cores; what each
    // says is said in the order it always was.
    auto others = std::async(usable_cores() > 1 ? std::launch::async : std::launch::deferred, [&dir] {
        return std::array{read_data_file(dir, "action-items-content.yml", "action-items-content", false),
                          read_data_file(dir, "glossary-list.yml", "glossary-list", true),
                          read_data_file(dir, "resources-list.yml", "resources-list", true)};
    });
    DataFile groups = read_data_file(dir, "stakeholders-list.yml", "stakeholders-list", false);
    load_groups(groups, c, diags);
    auto [actions, terms, links] = others.get();
    load_actions(actions, c, diags);
    load_terms(terms, c, diags);
    load_links(links, c, diags);
    resolve_areas(c, diags);
    c.explainer = read_explainer(dir, diags);
    // The rest of the introduction is not in the site's data: the job fills
    // it from the bundled content, keeping this one when the site has it.
    if (auto t = read_action_areas_intro(dir, diags)) c.intro.action_areas_intro = std::move(*t);
    return c;
}

void name_website(Content& c, const Strings& s) {
    if (c.kind != SourceKind::website) return;
    c.meta.title = {escape_markup(s(Str::website_title)), {}};  // Text is markup; the strings are plain
    c.meta.subtitle = {escape_markup(s(Str::website_subtitle)), {}};
    c.meta.subject = s(Str::website_subject);
    c.meta.keywords.clear();
    const std::string& words = s(Str::website_keywords);  // "a, b, c"
    for (std::size_t at = 0; at <= words.size();) {
        std::size_t comma = words.find(',', at);
        if (comma == std::string::npos) comma = words.size();
        std::string k = words.substr(at, comma - at);
        while (!k.empty() && k.front() == ' ') k.erase(k.begin());
        while (!k.empty() && k.back() == ' ') k.pop_back();
        if (!k.empty()) c.meta.keywords.push_back(std::move(k));
        at = comma + 1;
    }
    Source& src = c.meta.source;
    src.authors = s(Str::website_authors);
    src.changes = s(Str::website_changes);
    src.license = s(src.license_url == kCcByUrl ? Str::licence_cc_by : Str::licence_cc0);
    for (auto& section : c.explainer)
        for (auto& st : section.steps) {
            const std::string n = std::to_string(st.unnamed_number);
            if (st.unnamed_picture && st.picture)
                st.picture->alt = st.untitled ? s.fill(Str::website_step, {{"n", n}})
                                              : s.fill(Str::website_step_alt, {{"n", n}, {"title", plain_text(st.title.value)}});
            if (st.untitled) st.title = Text{escape_markup(s.fill(Str::website_step, {{"n", n}})), st.pos};
        }
}

}  // namespace lerbrief::load
