#pragma once
// `lerbrief --preflight` (#16 item 12): the report of the typographer's
// measures (model/preflight.h), one aligned block a document, each line
// naming the measure, its value, its threshold and whether it is crossed,
// then the set-wide measures and a summary line.
#include <string>
#include <string_view>

#include "model/diagnostic.h"
#include "model/preflight.h"

namespace lerbrief::msg {

// The whole report, for stdout; ends in a newline.
std::string preflight_report(const preflight::Report& report);

// --preflight --strict: `crossed` thresholds crossed (exit status 1).
void preflight_thresholds_crossed(Diagnostics&, int crossed);

// --preflight with a mode that writes no documents (`mode`: "--list", "--diagram" …).
void preflight_needs_documents(Diagnostics&, std::string_view mode);

}  // namespace lerbrief::msg
