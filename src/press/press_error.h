#pragma once
// What print production (src/press) throws when a document cannot be made
// into what was asked: pages of different sizes imposed together, a page
// count that is not a multiple of four. These are bugs of the caller or of
// compose, not of content: the app reports them as internal errors.
#include <stdexcept>

namespace lerbrief::press {

class PressError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace lerbrief::press
