#pragma once
// The document plan: what one run writes, decided once from its options and
// content before anything is laid out. Each planned document has a kind, a
// group (fact sheets), a path and a print role; each kind has one composer,
// found in one table (document_kinds.cpp). produce() only walks the plan: it
// lays out, renders, writes and reports; the print manifest reads it.
//
// Adding a kind of document is one composer (src/compose/) and one row of
// that table, and one place here that says when a run plans it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/options.h"
#include "compose/compose.h"
#include "model/content.h"
#include "model/diagnostic.h"
#include "press/manifest.h"

namespace lerbrief {

// The booklet's path when --output does not give one; the kit, the manifest
// and (for --all and --kit) the fact-sheet folder go beside it.
inline constexpr const char* kDefaultBookletPath = "output/ler-briefing.pdf";

enum class DocKind { booklet, factsheet, agenda, worksheets, table_tents, badges };

struct PlannedDocument {
    DocKind kind = DocKind::booklet;
    const Stakeholder* group = nullptr;  // a fact sheet's group
    std::string path;
};

// How a kind is made and printed: one row of the table.
struct DocumentKind {
    DocKind kind;
    const char* file;  // the file name beside the booklet; nullptr: named otherwise (booklet, fact sheets)
    std::string_view (*what)();  // for messages: msg::the_worksheets
    press::Role role;
    compose::Composed (*compose)(const compose::Input&, const PlannedDocument&);
};
const DocumentKind& document_kind(DocKind k);

struct DocumentPlan {
    std::vector<PlannedDocument> documents;  // the booklet first when there is one, then fact sheets, then the kit
    std::string booklet_path;                // beside it: the kit's files and the manifest
    std::string sheets_dir;                  // where --all and --kit put the fact sheets
    bool manifest = false;                   // --all and --kit write the print manifest
    std::vector<std::string> stale;          // PDFs in sheets_dir this run does not write (--all, --kit)
};

// The plan of a building run (--all, --booklet, --stakeholder, --kit; --check
// plans what --kit would write, `mode` kit, but for a kit file that --output
// has taken for the booklet: --kit refuses that, --all does not). nullopt after a usage error in `usage` (an
// unknown --stakeholder); content errors (a group with no fact sheet, a file
// name no file system takes) go to `diags`.
std::optional<DocumentPlan> plan_documents(const Options& o, Mode mode, const Content& content,
                                           const compose::Event& event, Diagnostics& usage, Diagnostics& diags);

}  // namespace lerbrief
