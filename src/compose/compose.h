#pragma once
// Composing the documents people are handed, from content and a layout:
// the booklet (cover, contents, introduction, the ecosystem, one section per
// action area, the participation matrix, one fact sheet per group, glossary,
// resources, colophon) and the two-page fact sheet of one group.
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "compose/builder.h"
#include "layout/document.h"
#include "layout/flow.h"
#include "model/event.h"

namespace lerbrief::compose {

struct Event {
    std::string title, date, place;
    std::string line() const;  // "Title · Date · Place", parts that are set
    std::vector<AgendaItem> agenda;     // --event-file's agenda:
    std::vector<Attendee> attendees;    // --event-file's attendees: or --attendees-file
};

// Figures already drawn in this job, by what they depend on: the booklet is
// laid out more than once and fact sheets are tried at several type sizes,
// and the diagram's geometry search is the costliest step of layout.
// Thread-safe. `diagram_ns` adds up the time spent drawing (cache misses),
// for --timings.
struct FigureCache {
    std::mutex mutex;
    std::map<std::string, std::shared_ptr<const layout::Frame>> frames;
    std::atomic<long long> diagram_ns{0};
};

// Fact sheets already fitted in this job, by group: the booklet is laid out
// two or three times and --all sets each sheet again on its own, but a
// sheet's sides do not depend on page numbers. Each entry keeps the
// warnings its fitting gave, which every later use reports again (each
// booklet pass collects its own). Thread-safe.
struct FittedSheet;
struct SheetCache {
    std::mutex mutex;
    // An entry is read only while it is in the map; the booklet takes one
    // out (borrow_factsheet) to move its parts, and puts it back.
    std::map<std::string, std::shared_ptr<FittedSheet>> sheets;
    // How many of the back's units each sheet moves onto its front at the
    // set's scale, as found while the scale was searched: fitting it then
    // only draws its sides. By page text area (as `scales`): for each group
    // of the content in order, its sheet in the booklet, then alone;
    // kMovesNotKnown for a sheet the search did not fit. Two bytes a sheet.
    static constexpr std::uint16_t kMovesNotKnown = 0xFFFF;
    std::map<std::string, std::vector<std::uint16_t>> moved;
    // The set's one type scale, by page text area (compose::sheet_scale):
    // computed by the first sheet that needs it while the others wait.
    std::mutex scale_mutex;
    std::map<std::string, double> scales;
    // A sheet is being set at the layout's smallest size while the scale is
    // searched (compose/factsheet.cpp: one such at a time), and how many
    // sheets so set were kept.
    std::atomic<bool> guessing{false};
    std::atomic<unsigned> guesses_kept{0};
};

struct Input {
    const Content* content = nullptr;
    Tools tools;
    Event event;
    std::string build_date;  // ISO "YYYY-MM-DD", or empty
    std::string version;     // of lerbrief, for the colophon and Creator
    std::shared_ptr<FigureCache> figures = std::make_shared<FigureCache>();
    // The booklet's page count is padded to a multiple of this with notes
    // pages at the end (4 for a saddle-stitched booklet; 1: no padding).
    int pad_pages_to = 1;
    std::shared_ptr<SheetCache> sheets = std::make_shared<SheetCache>();
    // The run prints with --bleed: colour bands run to the paper's edges (and
    // on into the bleed); without it they keep inside an office printer's
    // printable area (page_setup.h, kBandInset).
    bool bleed = false;
};

struct Composed {
    layout::Document doc;
    std::vector<layout::LineRecord> lines;  // every placed line: the layout dump
    std::vector<layout::PageKind> page_kind;  // cover, front, body, sheet — per page
    int front_pages = 0;                    // pages numbered in roman numerals
    std::map<std::string, layout::Placed> anchors;
};

// A fact sheet's content does not fit on its two pages even at the smallest
// type the layout allows.
class FitError : public std::runtime_error {
public:
    FitError(const std::string& group, const std::string& page, double overflow_pt, const SourcePos& pos);
    std::string group, page;
    double overflow_pt;
    SourcePos pos;
};

Composed booklet(const Input& in);
Composed factsheet(const Input& in, const Stakeholder& s);

// The convening kit (--kit). Each is one PDF; none of them fails on content:
// what does not fit is shrunk to a minimum, then wrapped, with a warning.
// The agenda of in.event (one page or two), with the event's title, date and
// place. Only called when in.event.agenda is not empty.
Composed agenda(const Input& in);
// One page per action area: a worksheet for a table.
Composed worksheets(const Input& in);
// One sheet per stakeholder group with content, folded along the long edge.
Composed table_tents(const Input& in);
// One badge per attendee of in.event, six to a sheet, with cut marks. Only
// called when in.event.attendees is not empty.
Composed badges(const Input& in);

}  // namespace lerbrief::compose
