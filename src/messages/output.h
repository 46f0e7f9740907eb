#pragma once
// Messages of the one contract (#13): what the build would refuse, or set
// differently, because of what it makes from the content: diagram labels,
// the phase cycle and the participation matrix, QR codes, file names.
// --check gives the same messages, as it runs everything but the writing.
#include <cstddef>
#include <string_view>

#include "model/diagnostic.h"

namespace lerbrief::msg {

// A diagram label (a group's name or short-name, a phase's title) over
// limits::kMaxLabelBytes: shortened in the diagram. `field`: "name",
// "short-name", "title".
void label_shortened(Diagnostics&, const SourcePos&, std::string_view field, std::size_t bytes, bool group);
// The first phase, area beyond what the diagram or matrix shows (`count`: how many there are).
void too_many_phases(Diagnostics&, const SourcePos&, std::size_t count);
void too_many_action_areas(Diagnostics&, const SourcePos&, std::size_t count);
// The map link of `id` (base URL + id) is `bytes` long, over what a QR code
// holds; `from` says where the base URL came from when `pos` has no file
// ("--base-url"). `groups`: how many fact sheets go without a code.
void qr_url_too_long(Diagnostics&, const SourcePos&, std::string_view from, std::string_view id, std::size_t bytes,
                     std::size_t groups);
// A fact sheet's file name `<id>.pdf` cannot be made.
void id_too_long_for_file_name(Diagnostics&, const SourcePos&, std::string_view id, std::size_t bytes);
// A link whose URI, percent-encoded as the PDF holds it, is `bytes` long,
// over limits::kMaxLinkBytes.
void link_too_long(Diagnostics&, const SourcePos&, std::string_view field, std::size_t bytes);
// A `w` × `h` pt page makes a sheet of `sheet_w` × `sheet_h` pt once
// imposed (`imposed`) and given bleed and marks (`bleed`), over the PDF limit.
void sheet_too_large(Diagnostics&, const SourcePos&, double w, double h, double sheet_w, double sheet_h, bool imposed,
                     bool bleed);
void id_reserved_file_name(Diagnostics&, const SourcePos&, std::string_view id, std::string_view device);

}  // namespace lerbrief::msg

namespace lerbrief::msg {

// --diagram with more groups than the diagram draws (at the content folder).
void too_many_groups_for_diagram(Diagnostics&, const SourcePos&, std::size_t groups, std::size_t max);
// A fact sheet that does not fit on two pages even at the smallest type.
void fact_sheet_does_not_fit(Diagnostics&, const SourcePos&, std::string_view group, std::string_view page,
                             double overflow_pt, double min_scale);
// An icon left out of the diagram (`why` from diagram/icon.cpp or svg_guard.cpp).
void icon_not_drawn(Diagnostics&, const SourcePos&, std::string_view why);

}  // namespace lerbrief::msg

namespace lerbrief::msg {
// More groups than the diagram draws: the booklet and fact sheets are set without it.
void set_without_diagram(Diagnostics&, const SourcePos&, std::size_t groups, std::size_t max);
}  // namespace lerbrief::msg
