#include "compose_setup.h"

#include <catch2/catch.hpp>

#include "load/layout_file.h"
#include "load/load.h"
#include "load/strings_file.h"
#include "support/support.h"

namespace lerbrief::test {

ComposeSetup::ComposeSetup(const std::string& layout_name, const std::string& data, const std::string& title,
                           const std::string& date, const std::string& place) {
    const std::string root = source_dir().string();
    content = load::load_content(data.empty() ? root + "/data" : data, diags);
    if (content.kind == SourceKind::website) load::load_intro(root + "/data", content, diags);
    spec = load::load_layout(layout_name, root + "/layouts", root + "/fonts", diags);
    REQUIRE_FALSE(diags.has_errors());
    fonts = std::make_unique<layout::FontSet>(spec.fonts);
    strings = load::load_strings(root + "/strings", content.meta.language, {}, diags);
    REQUIRE_FALSE(diags.has_errors());
    hyph = std::make_unique<layout::Hyphenator>(layout::default_hyphen_dictionary(strings.typography.hyphenation),
                                                strings.typography.hyphen_exceptions);
    in.content = &content;
    in.tools = {&spec, fonts.get(), hyph.get(), &diags, &strings};
    in.event.title = title, in.event.date = date, in.event.place = place;
    in.version = "test";
}

}  // namespace lerbrief::test
