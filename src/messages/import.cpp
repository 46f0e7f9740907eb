#include "messages/import.h"

#include <fmt/format.h>

#include "messages/messages.h"
#include "model/utf8.h"

namespace lerbrief::msg {

void import_needs_data(Diagnostics& d) {
    d.error({}, "--import needs --data DIR, the folder to write the imported content into",
            "lerbrief --import SITE_DIR --data DIR");
}

void import_not_into_bundled(Diagnostics& d, std::string_view name) {
    d.error({}, fmt::format("--import does not write into the {} content", utf8::printable(name, false)),
            "name a folder with --data DIR (the bundled content is data/ in the source tree)");
}

void import_into_site(Diagnostics& d) {
    d.error({}, "--import would write into the website copy it reads", "name another folder with --data DIR");
}

void import_not_a_site(Diagnostics& d, const SourcePos& pos) {
    d.error(pos, "not a copy of the LER Ecosystem Map website (no _data/stakeholders-list.yml)",
            "--import reads the website's repository; --data reads our schema directly");
}

void correction_stale(Diagnostics& d, const SourcePos& pos, std::string_view file, std::string_view find) {
    d.warning(pos, fmt::format("correction no longer matches: '{}' is not in {}: fixed upstream?", find, file),
              "if the website has fixed it, remove the correction from corrections.yaml");
}

void correction_no_file(Diagnostics& d, const SourcePos& pos, std::string_view file,
                        const std::vector<std::string>& files) {
    const std::string near = did_you_mean(file, files);
    d.warning(pos, fmt::format("correction names {}, a file the import does not write", file),
              near.empty() ? "name a file of the imported folder, like stakeholders/employers.yaml"
                           : fmt::format("did you mean '{}'?", near));
}

void group_not_in_site(Diagnostics& d, const SourcePos& pos, std::string_view id) {
    d.warning(pos, fmt::format("the website has no group '{}' any more; its file is left in place", id),
              "remove the file if the group is gone for good");
}

std::string import_line(ImportState state, std::string_view path) {
    switch (state) {
        case ImportState::fresh: return fmt::format("new        {}", path);
        case ImportState::changed: return fmt::format("changed    {}", path);
        case ImportState::unchanged: return fmt::format("unchanged  {}", path);
        case ImportState::kept: return fmt::format("kept       {} (hand-written)", path);
        case ImportState::left: return fmt::format("left       {} (not in the website)", path);
    }
    return std::string(path);
}

std::string import_summary(std::string_view dir, const ImportCounts& c, const Diagnostics& diags) {
    return fmt::format("imported into {}: {} new, {} changed, {} unchanged, {} kept, {} left; {} correction{} applied; "
                       "{} warning{}",
                       dir, c.fresh, c.changed, c.unchanged, c.kept, c.left, c.corrections, plural(c.corrections),
                       diags.warning_count(), plural(diags.warning_count()));
}

}  // namespace lerbrief::msg
