#include "import/import.h"

#include <algorithm>

#include "import/convert.h"
#include "import/source_md.h"
#include "messages/import.h"

namespace lerbrief::import {

const std::vector<std::string>& hand_written_files() {
    static const std::vector<std::string> names{"intro.yaml", "document.yaml", "lers-explained.yaml"};
    return names;
}

namespace {

bool has(const std::vector<std::string>& list, const std::string& name) {
    return std::find(list.begin(), list.end(), name) != list.end();
}

// The files converted from the website, before corrections.
void convert(const Content& site, const Existing& existing, Plan& plan) {
    auto add = [&](std::string path, std::string text) { plan.files.push_back({std::move(path), std::move(text), false}); };
    add("phases.yaml", phases_yaml(site));
    add("action-areas.yaml", action_areas_yaml(site, existing.ours));
    for (const auto& s : site.stakeholders)
        add("stakeholders/" + s.id + ".yaml", stakeholder_yaml(s, site, existing.ours, plan.copies));
    if (!site.glossary.empty()) add("glossary.yaml", glossary_yaml(site));
    if (!site.resources.empty()) add("resources.yaml", resources_yaml(site));

    auto hand = [&](const std::string& name, auto make) {
        if (has(existing.hand_written, name))
            plan.kept.push_back(name);
        else
            plan.files.push_back({name, make(), true});
    };
    hand("intro.yaml", [&] { return intro_yaml(site); });
    hand("document.yaml", [&] { return document_yaml(site); });
    if (has(existing.hand_written, "lers-explained.yaml"))
        plan.kept.push_back("lers-explained.yaml");
    else if (!site.explainer.empty())
        plan.files.push_back({"lers-explained.yaml", explainer_yaml(site, plan.copies), true});
}

std::size_t replace_all(std::string& text, const std::string& find, const std::string& replace) {
    std::size_t count = 0;
    for (std::size_t at = text.find(find); at != std::string::npos; at = text.find(find, at + replace.size())) {
        text.replace(at, find.size(), replace);
        ++count;
    }
    return count;
}

void apply(const Corrections& corrections, Plan& plan, Diagnostics& diags) {
    std::vector<std::string> names;
    for (const auto& f : plan.files) names.push_back(f.path);
    for (const auto& c : corrections.items) {
        AppliedCorrection applied{&c, 0, false};
        auto file = std::find_if(plan.files.begin(), plan.files.end(), [&](const OutputFile& f) { return f.path == c.file; });
        if (file != plan.files.end()) {
            applied.count = replace_all(file->text, c.find, c.replace);
            if (applied.count == 0) msg::correction_stale(diags, c.pos, c.file, c.find);
        } else if (has(plan.kept, c.file)) {
            applied.skipped = true;  // a hand-written file: the corrections are in it already
        } else {
            msg::correction_no_file(diags, c.pos, c.file, names);
        }
        plan.corrections.push_back(applied);
    }
}

}  // namespace

Plan import_site(const Content& site, const Existing& existing, const Corrections& corrections,
                 const std::string& site_label, Diagnostics& diags) {
    Plan plan;
    convert(site, existing, plan);
    apply(corrections, plan, diags);
    const Source& attribution = existing.ours ? existing.ours->meta.source : site.meta.source;
    plan.files.push_back({"SOURCE.md", source_md(site, attribution, corrections, plan, site_label), false});
    return plan;
}

}  // namespace lerbrief::import
