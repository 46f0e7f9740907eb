#include "press_strings.h"

#include "load/strings_file.h"

namespace lerbrief::test {

namespace {
Strings load(const char* language) {
    Diagnostics diags;
    return load::load_strings(LERBRIEF_SOURCE_DIR "/strings", language, {}, diags);
}
}  // namespace

const Strings& english() {
    static const Strings s = load("en-US");
    return s;
}

const Strings& spanish() {
    static const Strings s = load("es");
    return s;
}

}  // namespace lerbrief::test
