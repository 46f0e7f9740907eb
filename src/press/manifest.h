#pragma once
// The print-shop manifest written beside the files of a run: for each file,
// what it is, its finished (trim) size, the sheet it prints on, its pages,
// the sheets of paper one copy takes, how to print it duplex, colour or
// gray, and — given the number of attendees (and tables) — how many copies
// to make. As text for people and as JSON for scripts.
//
// The text is in the edition's language (the strings file's print: section).
// The JSON keeps its keys, and its values that scripts match stay
// identifiers whatever the language: "role" ("table-tents"), "duplex"
// ("long edge", "short edge", "one-sided"), "ink" ("gray", "colour") and the
// paper's "name" ("Letter", "A4"). Its words for people ("stock") are in the
// language.
#include <string>
#include <vector>

#include "model/strings.h"

namespace lerbrief::press {

enum class Role { booklet, booklet_for_screen, printer_spreads, factsheet, agenda, worksheets, table_tents, badges };

struct PrintFile {
    std::string path;   // relative to the manifest's folder
    Role role = Role::booklet;
    std::string name;   // the group, for a fact sheet
    double trim_width = 0, trim_height = 0;    // points: the finished page
    double sheet_width = 0, sheet_height = 0;  // points: the PDF page (the paper it prints on)
    int pages = 0;      // PDF pages
    bool gray = false;
    double bleed = -1;  // points; < 0: none
    // Table tents: how many tables each page (group) has, from the attendees'
    // groups; empty: one tent a group. Filled in by the run (app/print_plan.cpp).
    std::vector<int> copies_per_page;
};

struct Audience {
    int attendees = 0;     // 0: not given, no copies counted
    int tables = 0;        // 0: attendees / kSeatsPerTable, rounded up
};
// Seats at a table when --tables is not given.
inline constexpr int kSeatsPerTable = 8;

struct Manifest {
    std::string title, date;
    std::vector<PrintFile> files;
    Audience audience;
    // Files beside these that this run did not write (fact sheets of a group
    // renamed or removed since): listed, so nobody prints them by mistake;
    // never deleted. Relative to the manifest's folder, like `files`.
    std::vector<std::string> not_from_this_run;
};

// "Letter", "Tabloid", "A4", "A3"… (either orientation), else "8.5 x 11 in":
// the JSON's identifier. paper_text: the same in the language ("Carta").
std::string paper_name(double width, double height);
std::string paper_text(double width, double height, const Strings& s);
// Whether a file prints on one side only (worksheets to write on, table
// tents and badges on card stock).
bool one_sided(const PrintFile& f);
// Sheets of paper one copy takes: two pages a sheet, printer spreads four,
// one a page when one-sided.
int sheets_per_copy(const PrintFile& f);
// Copies to print: attendees for the booklet (the printer spreads when there
// are any, the reader's file then goes unprinted) and the agenda, tables for
// a fact sheet and a set of worksheets, one set of table tents (a page
// printed once for each table of its group: copies_per_page) and of badges.
int copies(const Manifest& m, const PrintFile& f);
int tables(const Audience& a);

std::string manifest_text(const Manifest& m, const Strings& s);
std::string manifest_json(const Manifest& m, const Strings& s);

}  // namespace lerbrief::press
