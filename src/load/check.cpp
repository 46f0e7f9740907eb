#include "load/check.h"

#include <filesystem>
#include <map>

#include "load/contained.h"
#include "messages/messages.h"
#include "model/limits.h"
#include "model/markup.h"

namespace lerbrief::load {

namespace fs = std::filesystem;

namespace {

template <class T>
void unique_ids(const std::vector<T>& items, const char* what, Diagnostics& diags) {
    std::map<std::string, SourcePos> seen;
    for (const auto& x : items) {
        if (x.id.empty()) continue;
        auto [it, fresh] = seen.emplace(x.id, x.pos);
        if (!fresh) msg::duplicate_id(diags, x.pos, what, x.id, it->second);
    }
}

template <class T>
std::vector<std::string> ids(const std::vector<T>& items) {
    std::vector<std::string> out;
    for (const auto& x : items) out.push_back(x.id);
    return out;
}

void check_markup(const Text& t, const char* field, Diagnostics& diags) {
    if (t.value.find_first_of("*[\\") == std::string::npos) return;
    std::vector<MarkupError> errors;
    parse_markup(t.value, &errors);
    for (const auto& e : errors) msg::markup_error(diags, t.pos, field, e.what);
}

void check_all_markup(const Content& c, Diagnostics& d) {
    auto each = [&](const std::vector<Text>& v, const char* f) {
        for (const auto& t : v) check_markup(t, f, d);
    };
    check_markup(c.meta.title, "title", d);
    check_markup(c.meta.subtitle, "subtitle", d);
    check_markup(c.intro.imagine_title, "imagine-title", d);
    each(c.intro.imagine, "imagine");
    check_markup(c.intro.lers_intro, "lers-intro", d);
    for (const auto& t : c.intro.lers_are) check_markup(t.text, "lers-are.text", d);
    check_markup(c.intro.ecosystem, "ecosystem", d);
    check_markup(c.intro.map_text, "map-text", d);
    check_markup(c.intro.action_areas_intro, "action-areas-intro", d);
    for (const auto& a : c.action_areas) {
        check_markup(a.summary, "summary", d);
        each(a.bullets, "bullets");
    }
    for (const auto& s : c.stakeholders) {
        check_markup(s.definition, "definition", d);
        check_markup(s.examples, "examples", d);
        for (const auto& r : s.roles) each(r.bullets, "roles.bullets");
        for (const auto& cm : s.commitments) each(cm.bullets, "action-areas.bullets");
        for (const auto* cases : {&s.business_case, &s.social_case})
            for (const auto& cs : *cases) check_markup(cs.description, "description", d);
        if (s.quote) check_markup(s.quote->text, "quote.text", d);
    }
    for (const auto& g : c.glossary) {
        check_markup(g.definition, "definition", d);
        each(g.list, "list");
    }
}

// References are checked only against lists that loaded: when the file of
// action areas itself is broken, its error is the one worth reading.
void check_references(Content& c, Diagnostics& d) {
    const auto area_ids = ids(c.action_areas);
    const auto phase_ids = ids(c.phases);
    for (auto& s : c.stakeholders) {
        std::map<std::string, SourcePos> seen;
        for (const auto& cm : s.commitments) {
            if (!area_ids.empty() && !c.find_area(cm.area)) msg::unknown_reference(d, cm.pos, "action area", cm.area, area_ids);
            auto [it, fresh] = seen.emplace(cm.area, cm.pos);
            if (!fresh) msg::duplicate_id(d, cm.pos, "action-area entry", cm.area, it->second);
        }
        seen.clear();
        for (const auto& r : s.roles) {
            if (!phase_ids.empty() && !c.find_phase(r.phase)) msg::unknown_reference(d, r.pos, "phase", r.phase, phase_ids);
            auto [it, fresh] = seen.emplace(r.phase, r.pos);
            if (!fresh) msg::duplicate_id(d, r.pos, "role for phase", r.phase, it->second);
        }
    }
}

void check_icons(Content& c, Diagnostics& d) {
    for (auto& s : c.stakeholders) {
        if (!s.icon) continue;
        std::string why;
        std::string resolved = resolve_icon(c.root, s.icon->path, why);
        if (resolved.empty()) {
            msg::unsafe_icon_path(d, s.icon->pos, s.icon->path, why);
            s.icon.reset();
        } else {
            s.icon->path = resolved;
        }
    }
}

}  // namespace

std::string resolve_icon(const std::string& root, const std::string& path, std::string& why) {
    if (path.find("://") != std::string::npos || path.rfind("//", 0) == 0) {
        why = "icon URLs are never fetched";
        return {};
    }
    fs::path p(path);
    if (p.is_absolute()) {
        why = "absolute paths are not allowed";
        return {};
    }
    for (const auto& part : p)
        if (part == "..") {
            why = "the path leaves the content folder";
            return {};
        }
    const Resolved where = resolve_inside(root, (fs::path(root) / p).string());
    if (!where.inside()) {
        why = where.why();
        return {};
    }
    const std::string& real = where.real;
    std::error_code ec;
    if (!fs::is_regular_file(real, ec)) {
        why = "not a regular file";
        return {};
    }
    if (fs::file_size(real, ec) > limits::kMaxIconBytes) {
        why = "the file is over the icon size limit of " + std::to_string(limits::kMaxIconBytes / 1024) + " KiB";
        return {};
    }
    return real;
}

void check(Content& c, Diagnostics& d) {
    if (c.stakeholders.size() > limits::kMaxStakeholders) msg::too_many_stakeholders(d, {c.root, 0, 0});
    if (c.stakeholders.empty()) msg::no_stakeholders(d, {c.root, 0, 0});
    unique_ids(c.stakeholders, "stakeholder", d);
    unique_ids(c.action_areas, "action area", d);
    unique_ids(c.phases, "phase", d);
    check_references(c, d);
    check_all_markup(c, d);
    check_icons(c, d);
}

}  // namespace lerbrief::load
