#pragma once
// Paragraphs set once and reused (issue 20, faster fitting). Fitting a fact
// sheet tries one type size by setting its sides again and again: the front
// and the back for each number of units moved forward, and the sides that
// fitted once more. At one size the same paragraph always sets the same
// lines, so a fitting attempt keeps one ParagraphMemo (compose::Tools::
// paragraphs) and each paragraph is broken into lines once. The memo is
// local to the attempt: one sheet's paragraphs at one size, never the
// whole set's; not thread-safe (an attempt runs on one thread).
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "layout/paragraph.h"
#include "model/diagnostic.h"

namespace lerbrief::layout {

class ParagraphMemo {
public:
    // The lines of each paragraph of a piece of markup.
    using Paragraphs = std::vector<std::vector<SetLine>>;
    // Sets the paragraphs of `markup` (`set`, given where to report) the
    // first time these arguments come, and keeps them with the warnings
    // setting gave; reports those warnings to `ctx.diags` each time, as
    // setting them again would.
    const Paragraphs& paragraphs(const std::string& markup, const SourcePos& pos, const ParaStyle& style,
                                 double width, const SetContext& ctx,
                                 const std::function<Paragraphs(const SetContext&)>& set);
    std::size_t size() const { return kept_.size(); }

private:
    struct Entry {
        Paragraphs paragraphs;
        Diagnostics warnings;
    };
    std::unordered_map<std::string, Entry> kept_;
};

}  // namespace lerbrief::layout
