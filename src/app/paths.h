#pragma once
// Where lerbrief finds its own files (fonts/, layouts/, data/): next to an
// installed binary under <prefix>/share/lerbrief, or in the source tree when
// run from the build folder.
#include <string>

namespace lerbrief {

// The folder holding fonts/, layouts/ and data/.
std::string resource_dir();
std::string bundled_data_dir();
std::string fonts_dir();
std::string layouts_dir();

// A path shown to the user: relative to the working directory when it is
// below it, as given otherwise.
std::string display_path(const std::string& path);

}  // namespace lerbrief
