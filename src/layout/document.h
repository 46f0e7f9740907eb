#pragma once
// A laid-out document: pages ready for a writer (src/render/).
#include <optional>
#include <string>
#include <vector>

#include "layout/frame.h"

namespace lerbrief::layout {

// A TrueType face the pages use, by file. FontId indexes Document::fonts.
struct FontSpec {
    std::string path;  // absolute path of the .ttf
};

// A rectangle on a page, top-down like frames.
struct Box {
    double x = 0, y = 0, width = 0, height = 0;
    bool operator==(const Box&) const = default;
};

struct Page {
    Frame frame;  // frame.width/height = the page size in points (the PDF MediaBox)
    // For print (src/press): where the sheet is cut (TrimBox) and how far
    // colour may run past the cut (BleedBox). Absent: the page is the trim.
    std::optional<Box> trim, bleed;
};

// Bookmarks: a tree flattened with levels (1 = top).
struct OutlineEntry {
    std::string title;
    int level = 1;
    int page = 0;  // 0-based
    double y = 0;  // top-down position on that page
    std::string anchor;  // the anchor of the same item, if any (contents pages use it)
};

// Page labels: from page `first` on, pages are numbered in `style` from `start`.
struct PageLabelRange {
    enum class Style { decimal, roman_lower, none };
    int first = 0;
    Style style = Style::decimal;
    int start = 1;
    std::string prefix;
};

struct Metadata {
    std::string title, author, subject, keywords, creator, language;
    std::string date;  // "YYYY-MM-DDTHH:MM:SS" UTC, from SOURCE_DATE_EPOCH or the content; empty = none
    // What a screen reader says for a link to a page (its /Contents), in the
    // edition's language, {page} the page's label: "Go to page {page}"
    // (strings file, print.go-to-page; set by the run, app/print_plan.cpp).
    // Empty: the label alone.
    std::string page_link;
};

struct Document {
    std::vector<FontSpec> fonts;
    std::vector<Page> pages;
    std::vector<OutlineEntry> outline;
    std::vector<PageLabelRange> labels;
    Metadata meta;
    // Written as tagged PDF (issue 17): the structure from the items' tags,
    // /Lang, /MarkInfo, XMP with the PDF/UA-1 identifier. False only for
    // the imposed printer spreads, which are for the print shop.
    bool tagged = true;
    // The renderer may make what the pages share (icons' forms, images'
    // streams) on a second thread while it draws them: set for a document
    // built alone with a core to spare (app/build_documents.cpp).
    bool second_core = false;
};

}  // namespace lerbrief::layout
