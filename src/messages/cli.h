#pragma once
// Messages about the command line: options, their values, and the files it
// names. Most have no position and print as "lerbrief: error: …"; a file
// named on the command line is their position when there is one.
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"

namespace lerbrief::msg {

// Parsing (src/cli/main.cpp). `known`: the long options, "--all", ….
void unknown_option(Diagnostics&, std::string_view option, const std::vector<std::string>& known);
void unexpected_argument(Diagnostics&, std::string_view argument);
void usage_error(Diagnostics&, std::string_view what);  // the parser's own words, for anything else

// Values of options
void unknown_layout(Diagnostics&, std::string_view name, const std::vector<std::string>& known);
void length_without_unit(Diagnostics&, std::string_view option, std::string_view value);
void length_out_of_range(Diagnostics&, std::string_view option, std::string_view value, double max_mm);
void imposition_needs_booklet(Diagnostics&);
void creep_needs_imposition(Diagnostics&);
void tables_need_attendees(Diagnostics&);
// --grayscale: two groups' nodes print alike (a warning at the palette fill).
void gray_clash(Diagnostics&, const SourcePos&, std::string_view a, std::string_view b, double lightness_a,
                double lightness_b, double min_step);
void unknown_stakeholder(Diagnostics&, std::string_view id, const std::vector<std::string>& known);
// --output names the booklet `path`, which is also where --kit writes `what`
// ("the worksheets") beside it.
void output_is_kit_file(Diagnostics&, std::string_view path, std::string_view what);
// What messages call each kind of document (app/document_plan.cpp's table).
std::string_view the_booklet();
std::string_view a_fact_sheet();
std::string_view the_agenda();
std::string_view the_worksheets();
std::string_view the_table_tents();
std::string_view the_name_badges();
// --stakeholder ID of a group with no definition (an error at the group).
void no_fact_sheet(Diagnostics&, const SourcePos&, std::string_view id);

// --diagram and its --size and --dpi
void unknown_diagram_format(Diagnostics&, std::string_view path);
void size_without_unit(Diagnostics&, std::string_view size);
void bad_diagram_size(Diagnostics&, std::string_view size);
void png_too_large(Diagnostics&, std::string_view size, int dpi, long long width, long long height);

}  // namespace lerbrief::msg
