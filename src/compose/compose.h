#pragma once
// Composing the documents people are handed, from content and a layout:
// the booklet (cover, contents, introduction, the ecosystem, one section per
// action area, the participation matrix, one fact sheet per group, glossary,
// resources, colophon) and the two-page fact sheet of one group.
#include <stdexcept>
#include <string>
#include <vector>

#include "compose/builder.h"
#include "layout/document.h"

namespace lerbrief::compose {

struct Event {
    std::string title, date, place;
    std::string line() const;  // "Title · Date · Place", parts that are set
};

struct Input {
    const Content* content = nullptr;
    Tools tools;
    Event event;
    std::string build_date;  // ISO "YYYY-MM-DD", or empty
    std::string version;     // of lerbrief, for the colophon and Creator
};

struct Composed {
    layout::Document doc;
    std::vector<std::string> dump;  // the text dump of the laid-out pages
};

// A fact sheet's content does not fit on its two pages even at the smallest
// type the layout allows.
class FitError : public std::runtime_error {
public:
    FitError(const std::string& group, const std::string& page, double overflow_pt, const SourcePos& pos);
    std::string group, page;
    double overflow_pt;
    SourcePos pos;
};

Composed booklet(const Input& in);
Composed factsheet(const Input& in, const Stakeholder& s);

}  // namespace lerbrief::compose
