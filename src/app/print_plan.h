#pragma once
// What the print-production options of a run ask for (--imposition, --creep,
// --bleed, --grayscale, --attendees, --tables), checked once, and the files
// they turn one composed document into: the reader's file (gray and with
// bleed when asked) and, for an imposed booklet, the printer spreads beside
// it. The manifest of the run is built from the same records.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/atomic_file.h"
#include "app/options.h"
#include "layout/document.h"
#include "model/content.h"
#include "model/diagnostic.h"
#include "model/layout_spec.h"
#include "press/manifest.h"

namespace lerbrief {

struct PrintPlan {
    bool impose = false;
    double creep = 0;              // points
    std::optional<double> bleed;   // points
    bool gray = false;
    press::Audience audience;
    // The edition's fixed text (set once the strings are loaded, produce.cpp):
    // the manifest's words and a PDF's page-link text.
    const Strings* strings = nullptr;
    // False on a dry run (--check, --preflight): each PDF is rendered and
    // saved as a build would, into nothing.
    bool keep_files = true;
};

// The plan, or nullopt after a usage error in `diags` ("--creep needs
// --imposition booklet", "--bleed '3' has no unit").
std::optional<PrintPlan> print_plan(const Options& o, Diagnostics& diags);

// Largest bleed and creep accepted (a print shop asks for 3 mm or 1/8 in).
inline constexpr double kMaxBleedPt = 36, kMaxCreepPt = 36;

struct Output {
    std::string path;
    std::string bytes;                   // a small file's bytes (the manifest), or
    std::unique_ptr<StagedFile> staged;  // a PDF, already written to its temporary file
    std::size_t pages = 0;
    press::PrintFile print;  // what the manifest says of it
};

// The files of one composed document: the reader's and, when the plan
// imposes a booklet, its printer spreads at `<stem>-imposed.pdf` beside it.
// Renders them (throws what render_pdf throws) and saves each one into its
// temporary file beside its target as libharu writes it (throws WriteFailed
// when that fails); the caller renames the whole set (write_set_atomically). `doc` is changed in place
// (made gray, given bleed): no copy of the pages is made; it is the last use,
// so its pages' items are freed as the reader's file is drawn.
std::vector<Output> print_outputs(layout::Document& doc, const std::string& path, const PrintPlan& plan,
                                  press::Role role, const std::string& group = {});

// The photocopy edition's warnings: two groups whose diagram nodes would
// print alike, at the second of the two palette fills (or the layout, for
// the default palette).
void warn_gray_clashes(const Content& content, const LayoutSpec& spec, Diagnostics& diags);

// The print manifest (text and JSON) of `outputs`, beside the booklet, added
// to `outputs`; paths are relative to its folder, so it travels with them.
// `stale`: files in the fact-sheet folder not from this run (stale_output.h).
void add_manifest(std::vector<Output>& outputs, const std::string& booklet_path, const Content& content,
                  const std::string& date, const PrintPlan& plan, const std::vector<std::string>& stale = {});

// The imposed file's path beside the booklet's: "out/x.pdf" → "out/x-imposed.pdf".
std::string imposed_path(const std::string& booklet_path);

}  // namespace lerbrief
