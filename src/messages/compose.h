#pragma once
// What composing the pages sets differently from what the content asks:
// a picture that cannot be read is left out (the step prints without it).
#include <string_view>

#include "model/diagnostic.h"

namespace lerbrief::msg {

// `why` names the file and what is wrong ("PATH: picture: no such file").
void picture_not_drawn(Diagnostics&, const SourcePos&, std::string_view why);

}  // namespace lerbrief::msg
