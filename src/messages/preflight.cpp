#include "messages/preflight.h"

#include <fmt/format.h>

#include "messages/messages.h"

namespace lerbrief::msg {

namespace {

using namespace preflight;

// One line of a block: measure, value, threshold, verdict — in columns.
std::string row(std::string_view measure, std::string_view value, std::string_view threshold, bool has_threshold,
                bool crossed) {
    const char* verdict = !has_threshold ? "" : crossed ? "CROSSED" : "ok";
    std::string line = fmt::format("  {:<36} {:<32} {:<22} {}", measure, value, threshold, verdict);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line + '\n';
}

std::string pages_list(const std::vector<int>& pages) {
    if (pages.empty()) return "none";
    std::string out = pages.size() == 1 ? "p. " : "pp. ";
    for (std::size_t i = 0; i < pages.size(); ++i) out += (i ? ", " : "") + std::to_string(pages[i]);
    return out;
}

std::string on_page(int page) { return page > 0 ? fmt::format(" (p. {})", page) : ""; }

std::string block(const DocumentMeasures& d) {
    const Crossed c = crossed(d);
    std::string out = fmt::format("{} — {} page{}{}\n", d.name, d.pages, plural(static_cast<std::size_t>(d.pages)),
                                  d.sheet ? ", fact sheet" : "");
    out += row(fmt::format("loose lines (word space over {:.1f}×)", kLooseSpaceRatio),
               d.worst_ratio > 0 ? fmt::format("{}, widest {:.2f}×{}", d.loose_lines, d.worst_ratio, on_page(d.worst_page))
                                 : "0",
               fmt::format("widest at most {:.1f}×", kMaxSpaceRatio), true, c.space);
    out += row("hyphens in a row", fmt::format("{}{}", d.hyphen_run, on_page(d.hyphen_run_page)),
               fmt::format("at most {}", kMaxHyphensInRow), true, c.hyphens);
    out += row("paragraphs ending in a split word",
               d.split_endings ? fmt::format("{} (first p. {})", d.split_endings, d.split_page) : "0",
               fmt::format("at most {}", kMaxSplitEndings), true, c.split);
    out += row(fmt::format("nearly empty pages (under {:.0f} %)", kNearlyEmptyShare * 100), pages_list(d.nearly_empty),
               "never two in a row", true, c.empty_pages);
    for (const auto& s : d.chars) {
        const bool body = is_body_style(s.style);
        out += row(fmt::format("characters a line, {}", s.style),
                   fmt::format("median {}, max {} ({} line{})", s.median, s.max, s.lines, plural(s.lines)),
                   body ? s.lines >= kMinLinesForMeasure
                                  ? fmt::format("median {}–{}", kMinCharsPerLine, kMaxCharsPerLine)
                                  : fmt::format("not judged, < {} lines", kMinLinesForMeasure)
                        : "",
                   body && s.lines >= kMinLinesForMeasure,
                   chars_crossed(s));
    }
    if (d.sheet)
        out += row("body size", d.body_size > 0 ? fmt::format("{:.2f} pt", d.body_size) : "no body text",
                   "the set's, below", false, false);
    out += row("images", d.images ? fmt::format("{}, lowest {:.0f} ppi", d.images, d.lowest_ppi) : "none",
               fmt::format("at least {:.0f} ppi", kMinImagePpi), true, c.ppi);
    return out;
}

}  // namespace

std::string preflight_report(const Report& report) {
    std::string out;
    for (const auto& d : report.documents) out += block(d) + '\n';
    out += "all documents\n";
    const auto [lo, hi] = report.sheet_sizes();
    if (hi > 0)
        out += row("fact sheets' body size",
                   lo == hi ? fmt::format("{:.2f} pt", lo) : fmt::format("{:.2f}–{:.2f} pt", lo, hi),
                   fmt::format("within {:.1f} pt", kMaxSheetSizeSpread), true, report.sheet_sizes_crossed());
    out += row("characters missing from the fonts", std::to_string(report.missing_characters),
               fmt::format("at most {}", kMaxMissingCharacters), true, report.missing_crossed());
    const int n = report.crossings();
    out += fmt::format("preflight: {} document{}, {} threshold{} crossed\n", report.documents.size(),
                       plural(report.documents.size()), n, plural(static_cast<std::size_t>(n)));
    return out;
}

void preflight_thresholds_crossed(Diagnostics& d, int crossed) {
    d.error({}, fmt::format("--strict: {} preflight threshold{} crossed", crossed, plural(static_cast<std::size_t>(crossed))),
            "the lines marked CROSSED above say where; drop --strict to report without failing");
}

void preflight_needs_documents(Diagnostics& d, std::string_view mode) {
    d.error({}, fmt::format("--preflight measures the documents of a build (--all, --booklet, --stakeholder, --kit, "
                            "--check), not {}",
                            mode),
            fmt::format("drop --preflight or {}", mode));
}

}  // namespace lerbrief::msg
