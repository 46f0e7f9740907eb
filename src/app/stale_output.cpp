#include "app/stale_output.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

#include "messages/lint.h"

namespace lerbrief {

namespace fs = std::filesystem;

std::vector<std::string> stale_sheets(const std::string& sheets_dir, const std::vector<PlannedDocument>& jobs) {
    std::set<std::string> written;
    for (const auto& j : jobs)
        if (j.kind == DocKind::factsheet) written.insert(fs::path(j.path).filename().string());
    std::vector<std::string> stale;
    std::error_code ec;
    for (auto it = fs::directory_iterator(sheets_dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const fs::path& p = it->path();
        // a PDF in any case; never a hidden file (macOS leaves ._name.pdf beside each file on a USB drive)
        std::string ext = p.extension().string();
        for (auto& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        const std::string name = p.filename().string();
        if (ext != ".pdf" || name.front() == '.' || it->is_directory(ec)) continue;
        if (!written.count(p.filename().string())) stale.push_back(p.string());
    }
    std::sort(stale.begin(), stale.end());
    return stale;
}

void warn_stale_sheets(const std::string& sheets_dir, const std::vector<std::string>& stale, Diagnostics& diags) {
    if (stale.empty()) return;
    std::vector<std::string> names;
    for (const auto& s : stale) names.push_back(fs::path(s).filename().string());
    msg::stale_output(diags, {sheets_dir, 0, 0}, names);
}

}  // namespace lerbrief
