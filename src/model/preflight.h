#pragma once
// `lerbrief --preflight` (#16 item 12): what a typographer checks in each
// document a run would write, and the thresholds `--preflight --strict`
// holds them to. The measures are taken in app/preflight.cpp from the laid
// out pages and their line records; messages/preflight.cpp prints them.
// Every threshold is named here, once.
#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

namespace lerbrief::preflight {

// A justified line is counted as loose above this word space (the set
// space over the font's own space) …
inline constexpr double kLooseSpaceRatio = 1.5;
// … and crosses the threshold above this one.
inline constexpr double kMaxSpaceRatio = 1.8;
// Ratios are compared at the precision they are printed with (1.80×): a line
// the breaker set at exactly its limit may come out a rounding error over.
inline constexpr double kRatioPrecision = 0.005;
// Consecutive lines of one paragraph ending in an added hyphen.
inline constexpr int kMaxHyphensInRow = 2;
// A paragraph whose last line is the end of a split word: none allowed.
inline constexpr int kMaxSplitEndings = 0;
// A page whose content fills less than this share of the text height is
// nearly empty (cover, notes and blank pages are empty on purpose); two in a
// row cross the threshold.
inline constexpr double kNearlyEmptyShare = 0.25;
inline constexpr int kMaxNearlyEmptyInRow = 1;
// The median characters a full line (not a paragraph's last line, not a
// heading) of the body styles.
inline constexpr int kMinCharsPerLine = 60;
inline constexpr int kMaxCharsPerLine = 80;
inline constexpr const char* kBodyStyles[] = {"body", "bullet"};
// A median of fewer full lines says nothing about the measure (one line
// broken short before a long word): shown, not judged.
inline constexpr std::size_t kMinLinesForMeasure = 5;
// The fact sheets of one set: body sizes within this many points.
inline constexpr double kMaxSheetSizeSpread = 0.5;
// Characters the fonts lack (replaced by □ with a warning): none allowed.
inline constexpr std::size_t kMaxMissingCharacters = 0;
// Images placed below this resolution print soft.
inline constexpr double kMinImagePpi = 150;

inline bool is_body_style(const std::string& style) {
    return std::any_of(std::begin(kBodyStyles), std::end(kBodyStyles), [&](const char* s) { return style == s; });
}

// Characters a full line of one style.
struct StyleChars {
    std::string style;
    std::size_t lines = 0;  // full lines measured
    int median = 0, max = 0;
};

// One document's measures.
struct DocumentMeasures {
    std::string name;  // as the run names the file
    bool sheet = false;  // a fact sheet (its body size is compared across the set)
    int pages = 0;
    int loose_lines = 0;      // word space over kLooseSpaceRatio
    double worst_ratio = 0;   // the widest word space of the document's justified lines
    int worst_page = 0;       // 1-based page of that line (0: none)
    int hyphen_run = 0;       // longest run of lines of one paragraph ending in a hyphen
    int hyphen_run_page = 0;
    int split_endings = 0;    // paragraphs whose last line ends a split word
    int split_page = 0;       // 1-based page of the first
    std::vector<int> nearly_empty;  // 1-based page numbers
    int nearly_empty_run = 0;       // longest run of consecutive nearly empty pages
    std::vector<StyleChars> chars;  // by style name
    double body_size = 0;  // the smallest size of the body styles' lines (0: none)
    int images = 0;
    double lowest_ppi = 0;  // of the images (0: none)
};

// What the thresholds say of one document: one flag a measure.
struct Crossed {
    bool space = false, hyphens = false, split = false, empty_pages = false, chars = false, ppi = false;
    int count() const { return space + hyphens + split + empty_pages + chars + ppi; }
};

inline bool chars_crossed(const StyleChars& s) {
    return is_body_style(s.style) && s.lines >= kMinLinesForMeasure && (s.median < kMinCharsPerLine || s.median > kMaxCharsPerLine);
}

inline Crossed crossed(const DocumentMeasures& d) {
    Crossed c;
    c.space = d.worst_ratio > kMaxSpaceRatio + kRatioPrecision;
    c.hyphens = d.hyphen_run > kMaxHyphensInRow;
    c.split = d.split_endings > kMaxSplitEndings;
    c.empty_pages = d.nearly_empty_run > kMaxNearlyEmptyInRow;
    c.chars = std::any_of(d.chars.begin(), d.chars.end(), chars_crossed);
    c.ppi = d.images > 0 && d.lowest_ppi < kMinImagePpi;
    return c;
}

// Every document of the run, in the order the run names them.
struct Report {
    std::vector<DocumentMeasures> documents;
    std::size_t missing_characters = 0;  // warned about while checking the text

    // The smallest and largest body size of the fact sheets ({0, 0}: none).
    std::pair<double, double> sheet_sizes() const {
        double lo = 0, hi = 0;
        for (const auto& d : documents) {
            if (!d.sheet || d.body_size <= 0) continue;
            lo = lo > 0 ? std::min(lo, d.body_size) : d.body_size;
            hi = std::max(hi, d.body_size);
        }
        return {lo, hi};
    }
    bool sheet_sizes_crossed() const {
        const auto [lo, hi] = sheet_sizes();
        return hi - lo > kMaxSheetSizeSpread + 1e-9;
    }
    bool missing_crossed() const { return missing_characters > kMaxMissingCharacters; }
    // Thresholds crossed, counted once for each document and each set-wide measure.
    int crossings() const {
        int n = sheet_sizes_crossed() + missing_crossed();
        for (const auto& d : documents) n += crossed(d).count();
        return n;
    }
};

}  // namespace lerbrief::preflight
