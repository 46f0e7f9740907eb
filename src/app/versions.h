#pragma once
// What `lerbrief --version` prints: lerbrief's version on the first line, then
// the libraries it draws with: libharu, Cairo and librsvg as they run (each
// asked at its edge), yaml-cpp and libhyphen as built with (they have no
// version call).
#include <string>

namespace lerbrief {

std::string version_text();

}  // namespace lerbrief
