// Fuzz target: the layout-file loader. The input is a layout file in a
// scratch folder; `extends: letter` (or a4) reaches the bundled layouts, and
// `extends:` of another name the scratch folder itself.
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "load/layout_file.h"

using namespace lerbrief;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string path = fuzz::scratch_dir() + "/fuzzed.yaml";
    static const std::string layouts = fuzz::source_dir() + "/layouts";
    static const std::string fonts = fuzz::source_dir() + "/fonts";
    fuzz::write_file(path, std::string_view(reinterpret_cast<const char*>(data), size));
    Diagnostics diags;
    LayoutSpec spec = load::load_layout(path, layouts, fonts, diags);
    std::size_t chars = 0;
    for (const auto& d : diags.items()) chars += format(d).size();
    return chars == static_cast<std::size_t>(-1);
}
