// Page labels (catalog /PageLabels), built through the internal object API:
// libharu's HPDF_AddPageLabel cannot leave out the style and writes the
// prefix with the Standard encoding, not as UTF-16.
#include <fmt/format.h>
#include <hpdf_catalog.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <algorithm>

#include "render/document_parts.h"
#include "render/render_error.h"
#include "render/text_codes.h"

namespace lerbrief::render {

namespace {

const char* style_name(layout::PageLabelRange::Style style) {
    switch (style) {
        case layout::PageLabelRange::Style::decimal:
            return "D";
        case layout::PageLabelRange::Style::roman_lower:
            return "r";
        case layout::PageLabelRange::Style::none:
            return nullptr;
    }
    return nullptr;
}

void check_ranges(const std::vector<layout::PageLabelRange>& sorted, std::size_t page_count) {
    if (sorted.front().first != 0) throw RenderError("pdf: page labels must start at the first page");
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        const auto& r = sorted[i];
        if (static_cast<std::size_t>(r.first) >= page_count)
            throw RenderError(
                fmt::format("pdf: page labels start at page {} of {}", r.first + 1, page_count));
        if (i > 0 && sorted[i - 1].first == r.first)
            throw RenderError(fmt::format("pdf: two page label ranges start at page {}", r.first + 1));
        if (r.start < 1)
            throw RenderError(fmt::format("pdf: page labels from page {} start at {}, not at 1 or more",
                                          r.first + 1, r.start));
    }
}

}  // namespace

void write_page_labels(HpdfDoc& doc, const std::vector<layout::PageLabelRange>& labels,
                       std::size_t page_count) {
    if (labels.empty()) return;
    std::vector<layout::PageLabelRange> sorted = labels;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    check_ranges(sorted, page_count);
    HPDF_Doc pdf = doc.get();
    HPDF_Encoder utf8 = doc.need(HPDF_GetEncoder(pdf, "UTF-8"), "HPDF_GetEncoder UTF-8");
    for (const auto& r : sorted) {
        std::string where = fmt::format("page label at page {}", r.first + 1);
        HPDF_Dict label = doc.need(HPDF_Dict_New(pdf->mmgr), where);
        HPDF_STATUS st = HPDF_OK;
        if (const char* s = style_name(r.style)) st = HPDF_Dict_AddName(label, "S", s);
        if (st == HPDF_OK && !r.prefix.empty()) {
            pdf_code_points(r.prefix, where);
            st = HPDF_Dict_Add(label, "P", HPDF_String_New(pdf->mmgr, r.prefix.c_str(), utf8));
        }
        if (st == HPDF_OK && r.start != 1) st = HPDF_Dict_AddNumber(label, "St", r.start);
        if (st == HPDF_OK)
            st = HPDF_Catalog_AddPageLabel(pdf->catalog, static_cast<HPDF_UINT>(r.first), label);
        doc.check(where, st);
    }
}

std::vector<std::string> page_label_texts(const std::vector<layout::PageLabelRange>& labels, std::size_t page_count) {
    std::vector<std::string> out(page_count);
    auto sorted = labels;
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    auto roman = [](int n) {
        static const std::pair<int, const char*> kDigits[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                              {100, "c"},  {90, "xc"},  {50, "l"},  {40, "xl"},
                                                              {10, "x"},   {9, "ix"},   {5, "v"},   {4, "iv"},
                                                              {1, "i"}};
        std::string r;
        for (const auto& [v, d] : kDigits)
            while (n >= v && r.size() < 32) r += d, n -= v;
        return r;
    };
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        const auto& r = sorted[i];
        const std::size_t end =
            i + 1 < sorted.size() ? static_cast<std::size_t>(std::max(sorted[i + 1].first, 0)) : page_count;
        for (std::size_t p = static_cast<std::size_t>(std::max(r.first, 0)); p < std::min(end, page_count); ++p) {
            const int n = r.start + static_cast<int>(p) - r.first;
            switch (r.style) {
                case layout::PageLabelRange::Style::decimal:
                    out[p] = r.prefix + std::to_string(n);
                    break;
                case layout::PageLabelRange::Style::roman_lower:
                    out[p] = r.prefix + roman(n);
                    break;
                case layout::PageLabelRange::Style::none:
                    out[p] = r.prefix;
                    break;
            }
        }
    }
    return out;
}

}  // namespace lerbrief::render
