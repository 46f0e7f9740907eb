#include "messages/compose.h"

#include <fmt/format.h>

namespace lerbrief::msg {

void picture_not_drawn(Diagnostics& d, const SourcePos& at, std::string_view why) {
    d.warning(at, fmt::format("picture not drawn, the step is printed without it: {}", why));
}

void event_line_shortened(Diagnostics& d, std::string_view full, std::string_view shown) {
    d.warning({}, fmt::format("the event line is too long for the footer and is shortened there to \"{}\" (in full: \"{}\")",
                              shown, full),
              "a shorter --event title keeps it whole");
}

std::string fit_error_text(std::string_view group, std::string_view page, double overflow_pt) {
    return fmt::format("fact sheet '{}' does not fit: the {} overflows by {:.0f} pt", group, page, overflow_pt);
}

std::string qr_not_encoded_text(std::string_view url) { return fmt::format("cannot encode a QR code for {}", url); }

}  // namespace lerbrief::msg
