#pragma once
// The one exception the PDF writer throws. Messages are short and lowercase,
// start with "pdf: " and say what could not be written, e.g.
// "pdf: page 3: text uses U+4E2D, which LiberationSerif does not have".
#include <stdexcept>

namespace lerbrief::render {

class RenderError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace lerbrief::render
