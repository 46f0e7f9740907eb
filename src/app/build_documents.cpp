#include "app/build_documents.h"

#include <atomic>
#include <chrono>
#include <exception>

#include "app/atomic_file.h"
#include "app/page_limit.h"
#include "app/paths.h"
#include "app/preflight.h"
#include "compose/page_setup.h"
#include "model/cores.h"
#include "model/markup.h"
#include "model/memory.h"

namespace lerbrief {

namespace {

using Clock = std::chrono::steady_clock;

bool is_write_failure(const std::exception_ptr& e) {
    try {
        std::rethrow_exception(e);
    } catch (const WriteFailed&) {
        return true;
    } catch (...) {
        return false;
    }
}

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

struct Slot {
    BuiltDocument doc;
    Diagnostics diags;
    std::exception_ptr error;
    double layout_ms = 0, render_ms = 0;
};

// Renders `c` through the print plan (its document takes the build date).
void render_into(Slot& slot, compose::Composed& c, const std::string& path, const std::string& date,
                 const PrintPlan& plan, press::Role role, const std::string& group, bool dump) {
    const auto t = Clock::now();
    layout::Document& doc = c.doc;
    if (!date.empty()) doc.meta.date = date + "T00:00:00";
    // The line records are for the layout dump (and preflight, measured
    // before): without --dump-layout they go before the pages are drawn
    // (~5 MB for a booklet of 2,000 groups).
    if (!dump) std::vector<layout::LineRecord>().swap(c.lines);
    slot.doc.files = print_outputs(doc, path, plan, role, group);
    if (dump) {
        slot.doc.dump.push_back("# " + display_path(path));
        for (const auto& r : c.lines) slot.doc.dump.push_back(layout::dump_line(r));
    }
    slot.render_ms += ms_since(t);
}

}  // namespace

std::vector<BuiltDocument> build_documents(const compose::Input& in, const DocumentPlan& plan, const std::string& date,
                                           const PrintPlan& print, bool dump, Timings& timings, bool preflight) {
    const std::size_t count = plan.documents.size();
    std::vector<Slot> slots(count);
    const long long diagram_before = in.figures->diagram_ns.load();
    std::atomic<std::size_t> refused{count};  // the first document known to be refused for its content
    auto work = [&](std::size_t i) {
        Slot& slot = slots[i];
        const PlannedDocument& d = plan.documents[i];
        const DocumentKind& kind = document_kind(d.kind);
        const std::string group = d.group ? plain_text(d.group->name.value) : std::string();
        auto measure = [&](const compose::Composed& c) {  // before rendering, which may take the pages
            if (preflight)
                slot.doc.preflight = preflight::measure(c, compose::geometry(*in.tools.spec), display_path(d.path),
                                                        d.kind == DocKind::factsheet);
        };
        try {
            compose::Input mine = in;
            mine.tools.diags = &slot.diags;
            const auto t = Clock::now();
            compose::Composed c = kind.compose(mine, d);
            slot.layout_ms += ms_since(t);
            if (d.kind == DocKind::booklet) {
                give_back_free_memory();  // what the booklet's passes freed goes back before it is drawn
                if (!within_page_limit(c.doc, kind.what(), {in.content->root, 0, 0}, slot.diags)) throw OverPageLimit{};
            }
            measure(c);
            c.doc.second_core = count == 1 && usable_cores() > 1;
            render_into(slot, c, d.path, date, print, kind.role, group, dump);
        } catch (...) {
            slot.error = std::current_exception();
        }
        // The allocator keeps what a thread frees in that thread's arena:
        // given back after each document, the next one's pages reuse the
        // system's memory instead of adding to it (website --all on glibc:
        // peak RSS 47 -> 42 MiB).
        give_back_free_memory();
    };
    const auto start = Clock::now();
    share_out(count, usable_cores(), [&](std::size_t i, unsigned) {
        // the documents after one refused for its content are not made: the
        // run stops at that one (a document before it may still fail first)
        if (i > refused) return true;
        work(i);
        if (slots[i].error && !is_write_failure(slots[i].error))
            for (std::size_t was = refused; i < was && !refused.compare_exchange_weak(was, i);) {
            }
        return true;
    });
    // Share the wall-clock time of this stretch among the stages the threads spent it in.
    const double wall = ms_since(start);
    double layout = 0, render = 0;
    for (const Slot& s : slots) layout += s.layout_ms, render += s.render_ms;
    const double diagram = static_cast<double>(in.figures->diagram_ns.load() - diagram_before) / 1e6;
    layout = std::max(0.0, layout - diagram);
    const double busy = layout + diagram + render;
    timings.mark("render");  // the whole stretch, then shared out
    if (busy > 0) {
        timings.add("layout", wall * layout / busy, "render");
        timings.add("diagram", wall * diagram / busy, "render");
    }

    // A document's error is reported with the warnings of the documents
    // before it, as a build on one thread would. A content error outranks a
    // file that could not be written (the content is to be fixed first, as
    // --check, which writes nothing, says); a write failure alone comes
    // after every document's warnings, since all of them were made.
    std::size_t failed = count;
    for (std::size_t i = 0; i < count && failed == count; ++i)
        if (slots[i].error && !is_write_failure(slots[i].error)) failed = i;
    const bool write_only = failed == count;
    for (std::size_t i = 0; i < count && failed == count; ++i)
        if (slots[i].error) failed = i;
    std::vector<BuiltDocument> out;
    for (std::size_t i = 0; i < count; ++i) {
        Slot& s = slots[i];
        if (in.tools.diags && (i <= failed || write_only)) in.tools.diags->append(s.diags);
        if (i < failed) out.push_back(std::move(s.doc));
    }
    if (failed < count) std::rethrow_exception(slots[failed].error);
    return out;
}

}  // namespace lerbrief
