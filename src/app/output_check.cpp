#include "app/output_check.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "messages/output.h"
#include "press/bleed.h"
#include "model/limits.h"

namespace lerbrief {

std::string reserved_device_name(const std::string& id) {
    std::string upper = id;
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char ch) { return std::toupper(ch); });
    for (const char* name : {"CON", "PRN", "AUX", "NUL"})
        if (upper == name) return upper;
    if (upper.size() == 4 && (upper.rfind("COM", 0) == 0 || upper.rfind("LPT", 0) == 0) && upper[3] >= '1' &&
        upper[3] <= '9')
        return upper;
    return {};
}

void check_sheet_names(const std::vector<PlannedDocument>& jobs, Diagnostics& diags) {
    for (const auto& job : jobs) {
        if (!job.group) continue;  // named by the kind, not by an id
        const Stakeholder& s = *job.group;
        if (std::filesystem::path(job.path).filename() != s.id + ".pdf") continue;  // --output names the file
        if (const std::size_t bytes = s.id.size() + 4; bytes > limits::kMaxFileNameBytes)
            msg::id_too_long_for_file_name(diags, s.pos, s.id, s.id.size());
        else if (const std::string device = reserved_device_name(s.id); !device.empty())
            msg::id_reserved_file_name(diags, s.pos, s.id, device);
    }
}

void check_sheet_size(const LayoutSpec& spec, const PrintPlan& plan, Diagnostics& diags) {
    const double w = spec.page_width.points(), h = spec.page_height.points();
    const double slug = plan.bleed ? 2 * press::slug_width(*plan.bleed) : 0;
    const double sheet_w = (plan.impose ? 2 * w : w) + slug, sheet_h = h + slug;
    if (sheet_w > limits::kMaxPdfPagePt || sheet_h > limits::kMaxPdfPagePt)
        msg::sheet_too_large(diags, spec.pos, w, h, sheet_w, sheet_h, plan.impose, plan.bleed.has_value());
}

void check_qr_links(const Content& content, const Options& options, Diagnostics& diags) {
    const std::string& base = content.meta.base_url;
    if (base.empty()) return;
    const Stakeholder* first = nullptr;
    std::size_t over = 0;
    for (const auto& s : content.stakeholders)
        if (s.has_content() && base.size() + s.id.size() > limits::kMaxQrBytes) {
            if (!first) first = &s;
            ++over;
        }
    if (!first) return;
    SourcePos where = content.meta.base_url_pos;
    std::string from;
    if (!options.base_url.empty()) {
        where = {};
        from = "--base-url";
    } else if (where.file.empty() && content.kind == SourceKind::website) {
        where = {(std::filesystem::path(content.root) / "CNAME").string(), 0, 0};
    }
    msg::qr_url_too_long(diags, where, from, first->id, base.size() + first->id.size(), over);
}

}  // namespace lerbrief
