#include "load/load.h"

#include <filesystem>

#include "load/check.h"
#include "load/text_check.h"
#include "load/typography.h"
#include "messages/messages.h"

namespace lerbrief::load {

namespace fs = std::filesystem;

Detected detect(const std::string& dir) {
    std::error_code ec;
    if (fs::is_regular_file(fs::path(dir) / "document.yaml", ec)) return Detected::ours;
    if (fs::is_regular_file(fs::path(dir) / "_data" / "stakeholders-list.yml", ec)) return Detected::website;
    return Detected::none;
}

Content load_content(const std::string& dir, Diagnostics& diags, LintLevel lint_level) {
    Content c;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        msg::cannot_read_folder(diags, {dir, 0, 0}, fs::exists(dir, ec) ? "not a directory" : "no such directory");
        return c;
    }
    switch (detect(dir)) {
        case Detected::ours: c = load_ours(dir, diags); break;
        case Detected::website: c = load_website(dir, diags); break;
        case Detected::none: msg::not_a_content_folder(diags, {dir, 0, 0}); return c;
    }
    // A quote's own quotation marks: the fact sheet sets its own. The website
    // loader drops them as it reads; our schema's here (once: twice would
    // take “‘a’” down to a).
    if (c.kind == SourceKind::ours)
        for (auto& s : c.stakeholders)
            if (s.quote) s.quote->text.value = without_outer_quotes(s.quote->text.value);
    check_text(c, diags);  // control characters, pasted spaces, right-to-left text
    check(c, diags, lint_level);
    return c;
}

}  // namespace lerbrief::load
