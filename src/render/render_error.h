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

// A temporary file of the writer's own (render/page_spool.h) failed: the
// machine's fault, not the content's; reported as a write failure of the
// document ("cannot write PATH: its pages kept in a temporary file …"), so
// its message has no "pdf: ".
class TempFileError : public RenderError {
public:
    using RenderError::RenderError;
};

}  // namespace lerbrief::render
