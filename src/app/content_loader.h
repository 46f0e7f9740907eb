#pragma once
// Loads the content a job asks for (--data or the bundled content) and fills
// what the website folder does not hold (its introduction lives in HTML
// pages) from the bundled content.
#include "app/options.h"
#include "app/timings.h"
#include "model/content.h"
#include "model/diagnostic.h"

namespace lerbrief {

Content load_for_job(const Options& options, Diagnostics& diags, Timings& timings);

}  // namespace lerbrief
