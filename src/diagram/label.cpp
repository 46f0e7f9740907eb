#include "diagram/label.h"

#include "model/utf8.h"

#include <algorithm>

namespace lerbrief::diagram {

namespace {

// Bisection steps when balancing: the width interval shrinks 2^-20 times,
// far below a point for any label.
constexpr int kBalanceSteps = 20;

std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> words;
    std::size_t i = 0;
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (i < text.size()) {
        while (i < text.size() && space(text[i])) ++i;
        std::size_t j = i;
        while (j < text.size() && !space(text[j])) ++j;
        if (j > i) words.emplace_back(text.substr(i, j - i));
        i = j;
    }
    return words;
}

// First fit: as many words on each line as fit in max_width.
std::vector<std::string> wrap_first_fit(const std::vector<std::string>& words, double max_width,
                                        const Measure& measure) {
    std::vector<std::string> lines;
    std::string line;
    for (const auto& w : words) {
        if (line.empty()) {
            line = w;
            continue;
        }
        std::string longer = line + ' ' + w;
        if (measure(longer) <= max_width) {
            line = std::move(longer);
        } else {
            lines.push_back(std::move(line));
            line = w;
        }
    }
    if (!line.empty()) lines.push_back(std::move(line));
    return lines;
}

}  // namespace

std::string shorten_label(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    static constexpr std::string_view kEllipsis = "\u2026";
    std::size_t end = max_bytes > kEllipsis.size() ? max_bytes - kEllipsis.size() : 0;
    end = utf8::floor_boundary(text, end);
    const std::size_t space = text.substr(0, end).rfind(' ');
    if (space != std::string_view::npos && space >= end - end / 4) end = space;
    while (end > 0 && text[end - 1] == ' ') --end;
    return std::string(text.substr(0, end)) + std::string(kEllipsis);
}

double widest_word(std::string_view text, const Measure& measure) {
    double w = 0;
    for (const auto& word : split_words(text)) w = std::max(w, measure(word));
    return w;
}

std::vector<std::string> wrap_balanced(std::string_view text, double max_width, const Measure& measure) {
    auto words = split_words(text);
    if (words.empty()) return {};
    auto lines = wrap_first_fit(words, max_width, measure);
    double lo = 0, hi = max_width;
    for (const auto& w : words) lo = std::max(lo, measure(w));
    if (lo >= hi) return lines;
    // The line count of first fit only falls as the width grows, so the
    // narrowest width with the same count is found by bisection.
    for (int i = 0; i < kBalanceSteps && hi - lo > 0.01; ++i) {
        double mid = (lo + hi) / 2;
        if (wrap_first_fit(words, mid, measure).size() <= lines.size())
            hi = mid;
        else
            lo = mid;
    }
    return wrap_first_fit(words, hi, measure);
}

Label set_label(const std::vector<std::string>& lines, layout::FontId font, double size, Align align,
                const Fonts& fonts, double leading) {
    Label label;
    label.font = font;
    label.size = size;
    if (lines.empty()) return label;
    double widest = 0;
    for (const auto& text : lines) {
        LabelLine l;
        l.text = text;
        l.width = fonts.width(text, font, size);
        widest = std::max(widest, l.width);
        label.lines.push_back(std::move(l));
    }
    double baseline = fonts.ascender * size;
    for (auto& l : label.lines) {
        l.x = align == Align::left ? 0 : align == Align::right ? widest - l.width : (widest - l.width) / 2;
        l.baseline = baseline;
        baseline += leading * size;
    }
    double bottom = label.lines.back().baseline + fonts.descender * size;
    label.box = {0, 0, widest, bottom};
    return label;
}

void translate(Label& label, double dx, double dy) {
    for (auto& l : label.lines) {
        l.x += dx;
        l.baseline += dy;
    }
    label.box = label.box.moved(dx, dy);
}

}  // namespace lerbrief::diagram
