#include "app/print_plan.h"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>

#include "compose/builder.h"
#include "diagram/style.h"
#include "messages/cli.h"
#include "model/length.h"
#include "model/markup.h"
#include "press/bleed.h"
#include "press/grayscale.h"
#include "press/impose.h"
#include "render/pdf_writer.h"
#include "render/render_error.h"

namespace lerbrief {

namespace fs = std::filesystem;

namespace {

// A length option: a unit is required ("3" could be mm as well as pt), but
// for zero, which is zero in any unit ("--bleed 0": crop marks, no bleed).
std::optional<double> length_option(const char* name, const std::string& text, double max, Diagnostics& diags) {
    if (Length::is_bare_number(text) && Length::parse(text)->points() != 0) {
        msg::length_without_unit(diags, name, text);
        return std::nullopt;
    }
    auto l = Length::is_bare_number(text) ? Length::parse(text) : Length::parse_with_unit(text);
    if (!l || l->points() < 0 || l->points() > max) {
        msg::length_out_of_range(diags, name, text, max * 25.4 / 72);
        return std::nullopt;
    }
    return l->points();
}

press::PrintFile describe(const layout::Document& d, const std::string& path, press::Role role,
                          const std::string& group, const PrintPlan& plan) {
    press::PrintFile f;
    f.path = path;
    f.role = role;
    f.name = group;
    const layout::Page& p = d.pages.front();
    f.sheet_width = p.frame.width;
    f.sheet_height = p.frame.height;
    f.trim_width = p.trim ? p.trim->width : p.frame.width;
    f.trim_height = p.trim ? p.trim->height : p.frame.height;
    if (role == press::Role::printer_spreads) f.trim_width /= 2;  // the folded booklet's page
    f.pages = static_cast<int>(d.pages.size());
    f.gray = plan.gray;
    f.bleed = plan.bleed ? *plan.bleed : -1;
    return f;
}

}  // namespace

std::optional<PrintPlan> print_plan(const Options& o, Diagnostics& diags) {
    PrintPlan p;
    p.impose = o.imposition == "booklet";
    // --check checks the run --all would make, with its print options
    if (p.impose && o.mode != Mode::all && o.mode != Mode::booklet && o.mode != Mode::kit && o.mode != Mode::check) {
        msg::imposition_needs_booklet(diags);
        return std::nullopt;
    }
    if (!o.creep.empty()) {
        if (!p.impose) {
            msg::creep_needs_imposition(diags);
            return std::nullopt;
        }
        auto c = length_option("--creep", o.creep, kMaxCreepPt, diags);
        if (!c) return std::nullopt;
        p.creep = *c;
    }
    if (!o.bleed.empty()) {
        p.bleed = length_option("--bleed", o.bleed, kMaxBleedPt, diags);
        if (!p.bleed) return std::nullopt;
    }
    // the attendees may also come from a list (checked once it is read: produce.cpp)
    if (o.tables > 0 && o.attendees <= 0 && o.event_file.empty() && o.attendees_file.empty()) {
        msg::tables_need_attendees(diags);
        return std::nullopt;
    }
    p.gray = o.grayscale;
    p.audience = {o.attendees, o.tables};
    return p;
}

std::string imposed_path(const std::string& booklet_path) {
    fs::path p(booklet_path);
    return (p.parent_path() / (p.stem().string() + "-imposed" + p.extension().string())).string();
}

namespace {
// A PDF goes to its temporary file as libharu saves it: no copy of it is
// held (a booklet of 2,000 groups is 18 MB).
struct StagedSink : render::PdfSink {
    StagedFile& file;
    explicit StagedSink(StagedFile& f) : file(f) {}
    void write(std::string_view bytes) override {
        if (WriteError why = file.append(bytes); why.failed()) throw WriteFailed(std::move(why));
    }
};

struct NoSink : render::PdfSink {  // a dry run
    void write(std::string_view) override {}
};

// Renders `d` (freeing its pages' items as they are drawn when `last_use`)
// into its file; none on a dry run.
std::unique_ptr<StagedFile> save(layout::Document& d, const std::string& path, bool last_use, const PrintPlan& plan) {
    auto render = [&](render::PdfSink& sink) {
        try {
            if (last_use) render::render_pdf_releasing(d, sink);
            else render::render_pdf(d, sink);
        } catch (const render::TempFileError& e) {
            throw WriteFailed(msg::write_step_failed(msg::WriteStep::write, path, e.what()));
        }
    };
    if (!plan.keep_files) {
        NoSink none;
        render(none);
        return nullptr;
    }
    auto file = std::make_unique<StagedFile>(path);
    StagedSink sink(*file);
    render(sink);
    if (WriteError why = file->finish(); why.failed()) throw WriteFailed(std::move(why));
    return file;
}

// The printer spreads' PDF Subject: the booklet's own, said to be the spreads.
std::string spreads_subject(const layout::Document& reader, const PrintPlan& plan) {
    if (!plan.strings) return {};
    const Strings& s = *plan.strings;
    return reader.meta.subject.empty() ? s(Str::spreads_subject)
                                       : s.fill(Str::spreads_subject_of, {{"subject", reader.meta.subject}});
}
}  // namespace

std::vector<Output> print_outputs(layout::Document& reader, const std::string& path, const PrintPlan& plan,
                                  press::Role role, const std::string& group) {
    std::vector<Output> out;
    if (reader.pages.empty()) return out;  // nothing to print (a composer's guard; plans never ask for one)
    if (plan.gray) press::to_grayscale(reader);
    if (plan.strings) reader.meta.page_link = (*plan.strings)(Str::go_to_page);  // the spreads copy it
    std::optional<layout::Document> spreads;
    if (plan.impose && role == press::Role::booklet)
        spreads = press::impose_booklet(reader, {plan.creep, plan.bleed ? *plan.bleed : -1, spreads_subject(reader, plan)});
    if (plan.bleed) press::add_bleed(reader, *plan.bleed);
    const press::Role reader_role = spreads ? press::Role::booklet_for_screen : role;
    // The reader's last use: its pages' items are freed as they are drawn.
    press::PrintFile reader_file = describe(reader, path, reader_role, group, plan);
    const std::size_t reader_pages = reader.pages.size();
    out.push_back({path, {}, save(reader, path, true, plan), reader_pages, std::move(reader_file)});
    if (spreads) {
        const std::string ip = imposed_path(path);
        press::PrintFile spreads_file = describe(*spreads, ip, press::Role::printer_spreads, group, plan);
        const std::size_t spreads_pages = spreads->pages.size();
        out.push_back({ip, {}, save(*spreads, ip, true, plan), spreads_pages, std::move(spreads_file)});
    }
    return out;
}

// The photocopy edition warns when two groups' nodes would print alike,
// at the second of the two palette fills (or the layout, for the default
// palette).
void warn_gray_clashes(const Content& content, const LayoutSpec& spec, Diagnostics& diags) {
    std::vector<layout::Color> fills = diagram::default_palette().groups;
    if (!spec.palette.empty()) {
        fills.clear();
        for (const auto& c : spec.palette) fills.push_back(compose::to_color(c));
    }
    const std::size_t n = content.stakeholders.size();
    for (const auto& k : diagram::gray_clashes(fills, n)) {
        const std::size_t fb = diagram::node_look(k.b, n, fills.size()).colour;
        const SourcePos& at = fb < spec.palette_pos.size() ? spec.palette_pos[fb] : spec.pos;
        msg::gray_clash(diags, at, content.stakeholders[k.a].id, content.stakeholders[k.b].id, k.la, k.lb,
                        std::ceil(diagram::kMinLightnessStep));
    }
}

// The manifest beside the booklet: every file of the run.
void add_manifest(std::vector<Output>& outputs, const std::string& booklet_path, const Content& content,
                  const std::string& date, const PrintPlan& plan, const std::vector<std::string>& stale) {
    press::Manifest m;
    m.title = plain_text(content.meta.title.value);
    m.date = date;
    m.audience = plan.audience;
    const fs::path dir = fs::path(booklet_path).parent_path();
    for (const auto& o : outputs) {  // paths from the manifest's folder: it travels with the files
        m.files.push_back(o.print);
        m.files.back().path = fs::path(o.path).lexically_relative(dir.empty() ? "." : dir).string();
    }
    for (const auto& s : stale) m.not_from_this_run.push_back(fs::path(s).lexically_relative(dir.empty() ? "." : dir).string());
    outputs.push_back({(dir / "print-manifest.txt").string(), press::manifest_text(m, *plan.strings), nullptr, 0, {}});
    outputs.push_back({(dir / "print-manifest.json").string(), press::manifest_json(m, *plan.strings), nullptr, 0, {}});
}

}  // namespace lerbrief
