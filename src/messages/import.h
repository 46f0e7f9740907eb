#pragma once
// Messages of `lerbrief --import SITE_DIR --data DIR`: the command line, the
// corrections, the groups the website no longer has, and the report of what
// changed, one line a file.
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"

namespace lerbrief::msg {

// The command line (usage errors, exit 2).
void import_needs_data(Diagnostics&);
void import_not_into_bundled(Diagnostics&, std::string_view name);
void import_into_site(Diagnostics&);
// SITE_DIR is a folder, but not a copy of the map website (an error at it).
void import_not_a_site(Diagnostics&, const SourcePos&);

// corrections.yaml
void correction_stale(Diagnostics&, const SourcePos&, std::string_view file, std::string_view find);
void correction_no_file(Diagnostics&, const SourcePos&, std::string_view file, const std::vector<std::string>& files);

// A stakeholders/<id>.yaml of the target folder that the website no longer has.
void group_not_in_site(Diagnostics&, const SourcePos&, std::string_view id);

// The report: "new        phases.yaml" …
enum class ImportState { fresh, changed, unchanged, kept, left };
std::string import_line(ImportState state, std::string_view path);
struct ImportCounts {
    std::size_t fresh = 0, changed = 0, unchanged = 0, kept = 0, left = 0, corrections = 0;
};
std::string import_summary(std::string_view dir, const ImportCounts& counts, const Diagnostics& diags);

}  // namespace lerbrief::msg
