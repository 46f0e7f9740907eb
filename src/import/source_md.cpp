#include "import/source_md.h"

#include <fmt/format.h>

#include <algorithm>

namespace lerbrief::import {

namespace {

// Text in a Markdown table cell: one line, `|` escaped.
std::string cell(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n')
            out += ' ';
        else
            out += c;
    }
    return out;
}

// A correction's find or replace text in a cell: each line trimmed, line
// breaks shown as ⏎ (they are YAML structure: a bullet split, a line added).
std::string text_cell(std::string_view s) {
    if (s.empty()) return "(removed)";
    std::string out;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t end = s.find('\n', start);
        if (end == std::string_view::npos) end = s.size();
        std::string_view line = s.substr(start, end - start);
        while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
        while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
        if (!line.empty()) out += (out.empty() ? "" : " ⏎ ") + cell(line);
        start = end + 1;
    }
    return out;
}

struct Origin {
    const char* file;
    const char* from;
};
constexpr Origin kOrigins[] = {
    {"phases.yaml", "`_data/stakeholders-list.yml`: the phases the groups' `sections` name, in order; each "
                    "phase's summary is its `subheader`"},
    {"action-areas.yaml", "`_data/action-items-content.yml`: `name`, `title`, `description`; an area's `lead` and "
                          "`bullets` are hand-written and kept from the earlier file"},
    {"stakeholders/*.yaml", "`_data/stakeholders-list.yml`, one file a group (id: its `url`); a group's "
                            "`short-name` is hand-written and kept"},
    {"icons/*.svg", "`images/*.svg`, the group illustrations, copied as they are"},
    {"glossary.yaml", "`_data/glossary-list.yml`"},
    {"resources.yaml", "`_data/resources-list.yml`"},
    {"lers-explained.yaml", "`lers-explained.md` (written only when the folder has none)"},
    {"pictures/*.png", "`images/LERs-explained-step*.png`, the step pictures, copied as they are"},
    {"intro.yaml", "hand-written (the website keeps its introduction in HTML pages)"},
    {"document.yaml", "hand-written: title, metadata, source and licence for the colophon"},
};

std::string source_section(const Content& site, const SourceBlock& b, const std::string& site_label) {
    std::string out = "## Where it comes from\n\n";
    const std::string name = b.name.empty() ? site.meta.source.name : b.name;
    out += fmt::format("The content of this folder is the **{}**", name);
    if (!site.meta.source.url.empty()) out += fmt::format(" (<{}>)", site.meta.source.url);
    out += ", converted into lerbrief's schema by `lerbrief --import` from a copy of the website";
    if (!b.repository.empty()) {
        out += fmt::format(": its repository <{}>", b.repository);
        if (!b.commit.empty()) out += fmt::format(" at commit {}", b.commit);
        if (!b.date.empty()) out += fmt::format(" ({})", b.date);
    } else {
        out += fmt::format(" ({})", site_label);
    }
    out += ".\n\n";
    return out;
}

std::string licence_section(const Source& s, const SourceBlock& b) {
    std::string out = "## Licence and attribution\n\n";
    out += (b.license.empty() ? s.license : b.license) + "\n\n";
    out += fmt::format("Attribution: *{}*", s.name);
    if (!s.authors.empty()) out += fmt::format(" by {}", s.authors);
    if (!s.url.empty()) out += fmt::format(", <{}>", s.url);
    out += fmt::format(", {}", s.license);
    if (!s.license_url.empty()) out += fmt::format(" (<{}>)", s.license_url);
    out += ". Changes: " +
           (s.changes.empty() ? std::string("converted into lerbrief's schema and set for print, with the editorial "
                                            "corrections listed below")
                              : s.changes) +
           ".\n\n";
    return out;
}

std::string files_section(const Plan& plan, bool corrections_file) {
    std::string out = "## Which file comes from where\n\n| file | from the website copy |\n| --- | --- |\n";
    for (const auto& o : kOrigins) out += fmt::format("| `{}` | {} |\n", o.file, o.from);
    out += "\n";
    std::vector<std::string> hand = plan.kept;
    for (const auto& f : plan.files)
        if (f.hand_written) hand.push_back(f.path);
    std::sort(hand.begin(), hand.end());
    out += "Hand-written files, which the import keeps as they are: ";
    for (std::size_t i = 0; i < hand.size(); ++i) out += (i ? ", `" : "`") + hand[i] + "`";
    out += hand.empty() ? "none." : ".";
    if (corrections_file) out += " `corrections.yaml` (hand-written) gives the source and the corrections.";
    return out + "\n\n";
}

std::string corrections_section(const Plan& plan) {
    std::string out = "## Editorial corrections\n\n";
    if (plan.corrections.empty()) return out + "None: the text is the website's as published.\n";
    out += "Applied to the converted files, in this order (`corrections.yaml`):\n\n"
           "| file | was | now | why | |\n| --- | --- | --- | --- | --- |\n";
    for (const auto& a : plan.corrections) {
        const Correction& c = *a.correction;
        const std::string state = a.skipped         ? "in a hand-written file"
                                  : a.count == 0    ? "no longer matches"
                                  : a.count == 1    ? "applied"
                                                    : fmt::format("applied {} times", a.count);
        out += fmt::format("| `{}` | {} | {} | {} | {} |\n", cell(c.file), text_cell(c.find), text_cell(c.replace), cell(c.why),
                           state);
    }
    return out;
}

}  // namespace

std::string source_md(const Content& site, const Source& attribution, const Corrections& corrections,
                      const Plan& plan, const std::string& site_label) {
    std::string out = "# Source of this content\n\n"
                      "<!-- Written by `lerbrief --import` from corrections.yaml and the website copy: "
                      "do not edit; edit corrections.yaml. -->\n\n";
    out += source_section(site, corrections.source, site_label);
    out += licence_section(attribution, corrections.source);
    out += files_section(plan, corrections.present);
    out += corrections_section(plan);
    return out;
}

}  // namespace lerbrief::import
