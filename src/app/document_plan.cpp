#include "app/document_plan.h"

#include <algorithm>
#include <filesystem>

#include "app/output_check.h"
#include "app/print_plan.h"
#include "app/stale_output.h"
#include "messages/messages.h"
#include "messages/cli.h"

namespace lerbrief {

namespace fs = std::filesystem;

namespace {

compose::Composed compose_booklet(const compose::Input& in, const PlannedDocument&) { return compose::booklet(in); }
compose::Composed compose_factsheet(const compose::Input& in, const PlannedDocument& d) {
    return compose::factsheet(in, *d.group);
}
compose::Composed compose_agenda(const compose::Input& in, const PlannedDocument&) { return compose::agenda(in); }
compose::Composed compose_worksheets(const compose::Input& in, const PlannedDocument&) {
    return compose::worksheets(in);
}
compose::Composed compose_tents(const compose::Input& in, const PlannedDocument&) { return compose::table_tents(in); }
compose::Composed compose_badges(const compose::Input& in, const PlannedDocument&) { return compose::badges(in); }

// The table: every kind of document lerbrief makes, in the order a run lists them.
const DocumentKind kKinds[] = {
    {DocKind::booklet, nullptr, msg::the_booklet, press::Role::booklet, compose_booklet},
    {DocKind::factsheet, nullptr, msg::a_fact_sheet, press::Role::factsheet, compose_factsheet},
    {DocKind::agenda, "agenda.pdf", msg::the_agenda, press::Role::agenda, compose_agenda},
    {DocKind::worksheets, "worksheets.pdf", msg::the_worksheets, press::Role::worksheets, compose_worksheets},
    {DocKind::table_tents, "table-tents.pdf", msg::the_table_tents, press::Role::table_tents, compose_tents},
    {DocKind::badges, "badges.pdf", msg::the_name_badges, press::Role::badges, compose_badges},
};

// Whether a run of `mode` plans a document of kind `k` for this event.
bool wanted(DocKind k, Mode mode, const Content& content, const compose::Event& event) {
    const bool kit = mode == Mode::kit;
    const bool sheets = std::any_of(content.stakeholders.begin(), content.stakeholders.end(),
                                    [](const Stakeholder& s) { return s.has_content(); });
    switch (k) {
        case DocKind::booklet: return mode == Mode::all || mode == Mode::booklet || kit;
        case DocKind::factsheet: return mode == Mode::all || mode == Mode::stakeholders || kit;
        case DocKind::agenda: return kit && !event.agenda.empty();
        case DocKind::worksheets: return kit && !content.action_areas.empty();
        case DocKind::table_tents: return kit && sheets;
        case DocKind::badges: return kit && !event.attendees.empty();
    }
    return false;
}

}  // namespace

const DocumentKind& document_kind(DocKind k) {
    for (const auto& row : kKinds)
        if (row.kind == k) return row;
    return kKinds[0];
}

std::optional<DocumentPlan> plan_documents(const Options& o, Mode mode, const Content& content,
                                           const compose::Event& event, Diagnostics& usage, Diagnostics& diags) {
    DocumentPlan plan;
    const bool whole_set = mode == Mode::all || mode == Mode::kit;
    plan.booklet_path = o.output.empty() ? kDefaultBookletPath : o.output;
    const fs::path beside = fs::path(plan.booklet_path).parent_path();
    plan.sheets_dir = ((whole_set ? beside : fs::path("output")) / "factsheets").string();
    plan.manifest = whole_set;

    // The fact sheets: every group with content, or the ones asked for.
    std::vector<const Stakeholder*> groups;
    if (whole_set) {
        for (const auto& s : content.stakeholders)
            if (s.has_content()) groups.push_back(&s);
    } else if (mode == Mode::stakeholders) {
        std::vector<std::string> ids;
        for (const auto& s : content.stakeholders) ids.push_back(s.id);
        for (const auto& id : o.stakeholders) {
            const Stakeholder* s = content.find_stakeholder(id);
            if (!s) {
                msg::unknown_stakeholder(usage, id, ids);
                return std::nullopt;
            }
            if (!s->has_content()) msg::no_fact_sheet(diags, s->pos, id);
            groups.push_back(s);
        }
    }

    for (const auto& row : kKinds) {
        if (!wanted(row.kind, mode, content, event)) continue;
        if (row.kind == DocKind::booklet) {
            plan.documents.push_back({DocKind::booklet, nullptr, plan.booklet_path});
        } else if (row.kind == DocKind::factsheet) {
            for (const Stakeholder* s : groups) {
                std::string path = (fs::path(plan.sheets_dir) / (s->id + ".pdf")).string();
                if (mode == Mode::stakeholders && !o.output.empty())
                    path = groups.size() == 1 ? o.output : (fs::path(o.output) / (s->id + ".pdf")).string();
                plan.documents.push_back({DocKind::factsheet, s, path});
            }
        } else {
            const fs::path path = beside / row.file;
            if (path.filename() == fs::path(plan.booklet_path).filename() ||
                path.filename() == fs::path(imposed_path(plan.booklet_path)).filename()) {
                if (o.mode == Mode::check) continue;  // --check refuses what --all would: --all has no kit
                msg::output_is_kit_file(usage, plan.booklet_path, row.what());
                return std::nullopt;
            }
            plan.documents.push_back({row.kind, nullptr, path.string()});
        }
    }
    check_sheet_names(plan.documents, diags);
    if (whole_set) {  // never deleted: warned about, and listed in the manifest
        plan.stale = stale_sheets(plan.sheets_dir, plan.documents);
        warn_stale_sheets(plan.sheets_dir, plan.stale, diags);
    }
    return plan;
}

}  // namespace lerbrief
