#include "messages/cli.h"

#include <fmt/format.h>

#include "messages/messages.h"
#include "model/limits.h"
#include "model/utf8.h"

namespace lerbrief::msg {

namespace {

// A value from the command line as it may be printed: control characters
// written as U+ codes, never sent to the terminal.
std::string shown(std::string_view s) { return utf8::printable(s, false); }

constexpr const char* kSeeHelp = "see lerbrief --help";
constexpr const char* kWriteUnits = "write it like 3mm, 0.125in or 9pt";

}  // namespace

void unknown_option(Diagnostics& d, std::string_view option, const std::vector<std::string>& known) {
    const std::string near = did_you_mean(option, known);
    d.error({}, fmt::format("unknown option '{}'", shown(option)),
            near.empty() ? kSeeHelp : fmt::format("did you mean '{}'?", near));
}
void unexpected_argument(Diagnostics& d, std::string_view argument) {
    d.error({}, fmt::format("unexpected argument '{}'", shown(argument)),
            "options take one value each; quote a value with spaces, and see lerbrief --help");
}
void usage_error(Diagnostics& d, std::string_view what) { d.error({}, shown(what), kSeeHelp); }

void unknown_layout(Diagnostics& d, std::string_view name, const std::vector<std::string>& known) {
    const std::string near = did_you_mean(name, known);
    d.error({}, fmt::format("unknown layout '{}'", shown(name)),
            near.empty() ? "lerbrief --list shows the layouts; a layout file is a path with a / or ending in .yaml"
                         : fmt::format("did you mean '{}'?", near));
}
void length_without_unit(Diagnostics& d, std::string_view option, std::string_view value) {
    d.error({}, fmt::format("{} '{}' has no unit", option, shown(value)), kWriteUnits);
}
void length_out_of_range(Diagnostics& d, std::string_view option, std::string_view value, double max_mm) {
    d.error({}, fmt::format("{} '{}' is not a length from 0 to {:.1f} mm", option, shown(value), max_mm), kWriteUnits);
}
void imposition_needs_booklet(Diagnostics& d) {
    d.error({}, "--imposition booklet imposes the booklet, which only --all, --booklet and --kit write",
            "drop --stakeholder, or run --all");
}
void creep_needs_imposition(Diagnostics& d) { d.error({}, "--creep needs --imposition booklet"); }
void tables_need_attendees(Diagnostics& d) {
    d.error({}, "--tables needs --attendees", "or a list of attendees: the event file's attendees, or --attendees-file");
}
void gray_clash(Diagnostics& d, const SourcePos& p, std::string_view a, std::string_view b, double la, double lb,
                double min_step) {
    d.warning(p, fmt::format("in grayscale, '{}' and '{}' look the same in the diagram (lightness {:.0f} and {:.0f})", a,
                             b, la, lb),
              fmt::format("give the layout's palette fills at least {:.0f} apart in CIE L*", min_step));
}
void output_is_kit_file(Diagnostics& d, std::string_view path, std::string_view what) {
    d.error({}, fmt::format("--output '{}' names the booklet as the file --kit writes {} to", path, what),
            "give the booklet another name, such as ler-briefing.pdf, in that folder");
}
void unknown_stakeholder(Diagnostics& d, std::string_view id, const std::vector<std::string>& known) {
    const std::string near = did_you_mean(id, known);
    d.error({}, fmt::format("unknown stakeholder '{}'", shown(id)),
            near.empty() ? "lerbrief --list shows the ids" : fmt::format("did you mean '{}'?", near));
}
void no_fact_sheet(Diagnostics& d, const SourcePos& p, std::string_view id) {
    d.error(p, fmt::format("stakeholder '{}' has no definition, so it has no fact sheet", id),
            "add a definition (and the rest of its content) to write its fact sheet");
}

void unknown_diagram_format(Diagnostics& d, std::string_view path) {
    d.error({}, fmt::format("--diagram '{}': unknown diagram format", shown(path)),
            "name a file ending in .pdf, .svg or .png");
}
void size_without_unit(Diagnostics& d, std::string_view size) {
    d.error({}, fmt::format("--size '{}' has no unit", shown(size)), "write it like 10inx5.625in or 254mmx143mm");
}
void bad_diagram_size(Diagnostics& d, std::string_view size) {
    d.error({}, fmt::format("--size '{}' is not a size", shown(size)),
            "slide, square, letter, a4, or WIDTHxHEIGHT with lengths of 1in to 200in, like 10inx5.625in");
}
void png_too_large(Diagnostics& d, std::string_view size, int dpi, long long width, long long height) {
    d.error({},
            fmt::format("--size {} at --dpi {} is {} × {} pixels, more than the {} a PNG may have", shown(size), dpi,
                        width, height, limits::kMaxDiagramPixels),
            "lower --dpi or --size, or write the diagram as .svg or .pdf");
}

std::string_view the_booklet() { return "the booklet"; }
std::string_view a_fact_sheet() { return "a fact sheet"; }
std::string_view the_agenda() { return "the agenda"; }
std::string_view the_worksheets() { return "the worksheets"; }
std::string_view the_table_tents() { return "the table tents"; }
std::string_view the_name_badges() { return "the name badges"; }

}  // namespace lerbrief::msg
