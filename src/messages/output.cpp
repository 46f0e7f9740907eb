#include "messages/output.h"

#include <fmt/format.h>

#include "model/limits.h"

namespace lerbrief::msg {

void label_shortened(Diagnostics& d, const SourcePos& p, std::string_view field, std::size_t bytes, bool group) {
    d.warning(p,
              fmt::format("{}: {} bytes, longer than the {} bytes a diagram label holds: shortened there with '…'",
                          field, bytes, limits::kMaxLabelBytes),
              group && field == "name" ? "give the group a short-name for the diagram" : fmt::format("shorten the {}", field));
}

void too_many_phases(Diagnostics& d, const SourcePos& p, std::size_t count) {
    d.error(p, fmt::format("{} phases, more than the {} the ecosystem diagram's cycle shows", count,
                           limits::kMaxPhases),
            "merge phases, or remove this one and those after it");
}

void too_many_action_areas(Diagnostics& d, const SourcePos& p, std::size_t count) {
    d.error(p, fmt::format("{} action areas, more than the {} columns of the participation matrix", count,
                           limits::kMaxMatrixAreas),
            "merge action areas, or remove this one and those after it");
}

void qr_url_too_long(Diagnostics& d, const SourcePos& p, std::string_view from, std::string_view id,
                     std::size_t bytes, std::size_t groups) {
    const std::string prefix = from.empty() ? std::string() : std::string(from) + ": ";
    if (groups == 1)
        d.warning(p,
                  fmt::format("{}the map link of '{}' is {} bytes, more than the {} bytes a QR code holds: its fact "
                              "sheet has no QR code",
                              prefix, id, bytes, limits::kMaxQrBytes),
                  "shorten the base URL of the online map");
    else
        d.warning(p,
                  fmt::format("{}the map links of {} groups are longer than the {} bytes a QR code holds ('{}': {} "
                              "bytes): their fact sheets have no QR code",
                              prefix, groups, limits::kMaxQrBytes, id, bytes),
                  "shorten the base URL of the online map");
}

void id_too_long_for_file_name(Diagnostics& d, const SourcePos& p, std::string_view id, std::size_t bytes) {
    d.error(p, fmt::format("id '{}…' is {} bytes: its fact sheet's file name '<id>.pdf' would be longer than the "
                           "{} bytes an output's name may have (255 less the temporary name's suffix)",
                           id.substr(0, 40), bytes, limits::kMaxFileNameBytes),
            fmt::format("use an id of at most {} bytes", limits::kMaxFileNameBytes - 4));
}

void link_too_long(Diagnostics& d, const SourcePos& p, std::string_view field, std::size_t bytes) {
    d.error(p, fmt::format("{}: a link of {} bytes once encoded for the PDF, over the limit of {} bytes", field, bytes,
                           limits::kMaxLinkBytes),
            "link to a shorter address");
}

void sheet_too_large(Diagnostics& d, const SourcePos& p, double w, double h, double sheet_w, double sheet_h,
                     bool imposed, bool bleed) {
    const char* how = imposed && bleed ? "imposed two to a sheet with bleed and crop marks"
                      : imposed        ? "imposed two to a sheet"
                                       : "with bleed and crop marks";
    d.error(p, fmt::format("page.size: a {:g} x {:g} pt page {} is {:g} x {:g} pt, over the {:g} pt (200 in) a PDF "
                           "page may be",
                           w, h, how, sheet_w, sheet_h, limits::kMaxPdfPagePt),
            imposed ? "use a smaller page, or leave out --imposition booklet" : "use a smaller page, or leave out --bleed");
}

void id_reserved_file_name(Diagnostics& d, const SourcePos& p, std::string_view id, std::string_view device) {
    d.error(p, fmt::format("id '{}': its fact sheet '{}.pdf' cannot be written on Windows, where {} names a device",
                           id, id, device),
            "choose another id");
}

}  // namespace lerbrief::msg

namespace lerbrief::msg {

void too_many_groups_for_diagram(Diagnostics& d, const SourcePos& at, std::size_t groups, std::size_t max) {
    d.error(at, fmt::format("{} stakeholder groups are more than the ecosystem diagram shows", groups),
            fmt::format("the diagram draws at most {} groups", max));
}

void set_without_diagram(Diagnostics& d, const SourcePos& at, std::size_t groups, std::size_t max) {
    d.warning(at, fmt::format("{} stakeholder groups are more than the ecosystem diagram shows ({}): "
                              "the booklet and fact sheets are set without it",
                              groups, max));
}

void fact_sheet_does_not_fit(Diagnostics& d, const SourcePos& at, std::string_view group, std::string_view page,
                             double overflow_pt, double min_scale) {
    d.error(at,
            fmt::format("the fact sheet of '{}' does not fit on two pages: its {} page overflows by {:.0f} pt "
                        "even at {:.0f}% type",
                        group, page, overflow_pt, min_scale * 100),
            "shorten its content, or lower factsheet.min-scale in the layout");
}

void icon_not_drawn(Diagnostics& d, const SourcePos& at, std::string_view why) {
    d.warning(at, fmt::format("icon not drawn: {}", why));
}

}  // namespace lerbrief::msg
