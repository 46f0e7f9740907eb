#include "load/check.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>

#include "load/contained.h"
#include "load/lint.h"
#include "messages/lint.h"
#include "messages/messages.h"
#include "messages/output.h"
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

// A link's URI as the PDF holds it: bytes outside printable ASCII become %XX
// (render/uri.cpp).
std::size_t pdf_uri_bytes(std::string_view uri) {
    std::size_t n = 0;
    for (char ch : uri) n += static_cast<unsigned char>(ch) > 0x20 && static_cast<unsigned char>(ch) < 0x7F ? 1 : 3;
    return n;
}

void check_link(std::string_view url, const SourcePos& pos, const char* field, Diagnostics& diags) {
    if (const std::size_t n = pdf_uri_bytes(url); n > limits::kMaxLinkBytes) msg::link_too_long(diags, pos, field, n);
}

void check_markup(const Text& t, const char* field, Diagnostics& diags) {
    if (t.value.find_first_of("*[\\") == std::string::npos) return;
    std::vector<MarkupError> errors;
    const auto paragraphs = parse_markup(t.value, &errors);
    for (const auto& e : errors) msg::markup_error(diags, t.pos, field, e.what);
    for (const auto& p : paragraphs)
        for (const auto& s : p.spans)
            if (!s.link.empty()) check_link(s.link, t.pos, field, diags);
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
    for (const auto& g : c.resources)
        for (const auto& r : g.items) check_link(r.url, r.pos, "url", d);
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

// An icon or picture the content names: its path resolved inside the
// content folder, or dropped with a warning (`warn`) saying why.
template <class File, class Warn>
void resolve_or_drop(std::optional<File>& f, const std::string& root,
                     std::string (*resolve)(const std::string&, const std::string&, std::string&), Warn warn) {
    if (!f) return;
    std::string why;
    std::string resolved = resolve(root, f->path, why);
    if (resolved.empty()) {
        warn(f->pos, f->path, why);
        f.reset();
    } else {
        f->path = resolved;
    }
}

void check_icons(Content& c, Diagnostics& d) {
    for (auto& s : c.stakeholders)
        resolve_or_drop(s.icon, c.root, resolve_icon,
                        [&](const SourcePos& p, const std::string& path, const std::string& why) {
                            msg::unsafe_icon_path(d, p, path, why);
                        });
}

// The step pictures of "LERs explained", checked as icons are; a picture
// that cannot be used is dropped (the step is printed without it).
void check_pictures(Content& c, Diagnostics& d) {
    for (auto& sec : c.explainer)
        for (auto& st : sec.steps)
            resolve_or_drop(st.picture, c.root, resolve_picture,
                            [&](const SourcePos& p, const std::string& path, const std::string& why) {
                                msg::unsafe_picture_path(d, p, path, why);
                            });
}

// What a file the content names may be: icons are SVG files (icon.cpp reads
// what it is given), pictures PNG or SVG.
struct FileKind {
    const char* what;  // "icon", "picture"
    std::size_t max_bytes;
    std::vector<std::string> extensions;  // lowercase, with the dot; empty: any
};

std::string lowercase(std::string s) {
    for (char& ch : s)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return s;
}

std::string resolve_content_file(const std::string& root, const std::string& path, const FileKind& kind,
                                 std::string& why) {
    if (path.find("://") != std::string::npos || path.rfind("//", 0) == 0) {
        why = std::string(kind.what) + " URLs are never fetched";
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
    if (!kind.extensions.empty() && std::find(kind.extensions.begin(), kind.extensions.end(),
                                              lowercase(p.extension().string())) == kind.extensions.end()) {
        std::string names;
        for (const auto& e : kind.extensions) names += (names.empty() ? "" : " or ") + e;
        why = "not a " + names + " file";
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
    if (fs::file_size(real, ec) > kind.max_bytes) {
        why = fmt::format("the file is over the {} size limit of {} KiB", kind.what, kind.max_bytes / 1024);
        return {};
    }
    return real;
}

}  // namespace

std::string resolve_icon(const std::string& root, const std::string& path, std::string& why) {
    return resolve_content_file(root, path, {"icon", limits::kMaxIconBytes, {}}, why);
}

std::string resolve_picture(const std::string& root, const std::string& path, std::string& why) {
    return resolve_content_file(root, path, {"picture", limits::kMaxPictureBytes, {".png", ".svg"}}, why);
}

namespace {

// What the diagram and the participation matrix are made of: too many phases
// or action areas is an error at the first one over; a label too long for
// the diagram is shortened there (compose/figures.cpp), with a warning.
// Content with more groups than the diagram shows is set without it.
void check_figures(const Content& c, Diagnostics& d) {
    const bool diagram = c.stakeholders.size() <= limits::kMaxGroups;  // else set without it (compose)
    if (diagram && c.phases.size() > limits::kMaxPhases) msg::too_many_phases(d, c.phases[limits::kMaxPhases].pos, c.phases.size());
    if (c.action_areas.size() > limits::kMaxMatrixAreas)
        msg::too_many_action_areas(d, c.action_areas[limits::kMaxMatrixAreas].pos, c.action_areas.size());
    if (!diagram) return;
    for (const auto& p : c.phases)
        if (const auto n = plain_text(p.title.value).size(); n > limits::kMaxLabelBytes)
            msg::label_shortened(d, p.title.pos, "title", n, false);
    for (const auto& s : c.stakeholders) {
        const Text& t = s.diagram_label();
        if (const auto n = plain_text(t.value).size(); n > limits::kMaxLabelBytes)
            msg::label_shortened(d, t.pos, &t == &s.name ? "name" : "short-name", n, true);
    }
}

}  // namespace

void check(Content& c, Diagnostics& d, LintLevel lint_level) {
    if (c.stakeholders.size() > limits::kMaxStakeholders) msg::too_many_stakeholders(d, {c.root, 0, 0});
    if (c.stakeholders.empty()) msg::no_stakeholders(d, {c.root, 0, 0});
    unique_ids(c.stakeholders, "stakeholder", d);
    unique_ids(c.action_areas, "action area", d);
    unique_ids(c.phases, "phase", d);
    check_references(c, d);
    check_all_markup(c, d);
    check_icons(c, d);
    check_pictures(c, d);
    check_figures(c, d);
    if (!d.has_errors()) lint(c, d, lint_level);  // beside errors, lint is noise
}

}  // namespace lerbrief::load
