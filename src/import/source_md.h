#pragma once
// SOURCE.md of an imported folder: where the content comes from, its
// licence and attribution, which file comes from which part of the website,
// the hand-written files, and every editorial correction with its reason.
#include <string>

#include "import/import.h"

namespace lerbrief::import {

// `attribution`: the source as the folder's document.yaml gives it (the
// website's when the import writes that file).
std::string source_md(const Content& site, const Source& attribution, const Corrections& corrections,
                      const Plan& plan, const std::string& site_label);

}  // namespace lerbrief::import
