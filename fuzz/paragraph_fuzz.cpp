// Fuzz target: the text engine. Arbitrary bytes (UTF-8 or not) are read as
// our inline markup and every paragraph is set with the bundled fonts and
// the hyphenation dictionary. The first two bytes pick the measure (10 to
// 520 pt, narrower than a word is allowed), alignment, justification,
// hyphenation and the type size.
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "layout/fontset.h"
#include "layout/hyphenate.h"
#include "layout/paragraph.h"
#include "load/layout_file.h"
#include "model/markup.h"

using namespace lerbrief;
using namespace lerbrief::layout;

namespace {

struct Tools {
    std::unique_ptr<FontSet> fonts;
    std::unique_ptr<Hyphenator> hyphenator;
    ParaStyle style;
    Tools() {
        Diagnostics d;
        const std::string root = fuzz::source_dir();
        LayoutSpec spec = load::load_layout("letter", root + "/layouts", root + "/fonts", d);
        fonts = std::make_unique<FontSet>(spec.fonts);
        auto dict = default_hyphen_dictionary();
        if (!dict.empty()) hyphenator = std::make_unique<Hyphenator>(dict);
        style.regular = fonts->id("body");
        style.bold = fonts->id("body-bold");
        style.italic = fonts->id("body-italic");
        style.bold_italic = fonts->id("body-bold-italic");
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Tools tools;
    if (size < 2) return 0;
    ParaStyle ps = tools.style;
    const double measure = 10 + data[0] * 2.0;
    const std::uint8_t flags = data[1];
    ps.justify = flags & 1;
    ps.hyphenate = flags & 2;
    ps.align = static_cast<ParaStyle::Align>((flags >> 2) % 3);
    ps.size = 6 + (flags >> 4);
    ps.leading = ps.size * 1.3;
    const std::string_view text(reinterpret_cast<const char*>(data + 2), size - 2);

    Diagnostics diags;
    SetContext ctx{tools.fonts.get(), ps.hyphenate ? tools.hyphenator.get() : nullptr, &diags};
    std::vector<MarkupError> errors;
    std::size_t lines = 0;
    for (const Paragraph& p : parse_markup(text, &errors))
        lines += set_paragraph(p, ps, {measure, measure * 0.8}, ctx, SourcePos{"fuzz", 1, 1}).size();
    lines += static_cast<std::size_t>(text_width(*tools.fonts, ps.regular, std::string(text), ps.size) < 0);
    (void)plain_text(text);
    (void)escape_markup(text);
    return lines == static_cast<std::size_t>(-1);
}
