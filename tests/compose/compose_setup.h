#pragma once
// What a compose test sets a document with: content (the bundled data/ by
// default, or a folder: the website copy gets our intro.yaml, as the app
// loads it), a layout from layouts/ with its fonts, the strings and hyphenation
// of the content's language, and a
// compose::Input over them with the event given. Test-only.
#include <memory>
#include <string>

#include "compose/compose.h"
#include "layout/hyphenate.h"

namespace lerbrief::test {

struct ComposeSetup {
    Content content;
    LayoutSpec spec;
    std::unique_ptr<layout::FontSet> fonts;
    Strings strings;  // the content's language's (strings/)
    std::unique_ptr<layout::Hyphenator> hyph;
    Diagnostics diags;
    compose::Input in;

    // `data` empty: the bundled content. The event's title, date and place.
    explicit ComposeSetup(const std::string& layout_name = "letter", const std::string& data = {},
                          const std::string& title = "Regional LER Convening", const std::string& date = {},
                          const std::string& place = {});
};

}  // namespace lerbrief::test
