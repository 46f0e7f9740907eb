#include "layout/paragraph_memo.h"

namespace lerbrief::layout {

namespace {

// Everything a paragraph's lines depend on: the style (faces, size, leading,
// colours, alignment, hyphenation), the measure, the tools and the source
// place its warnings name; numbers as their bytes (exact, and cheaper to
// make than text), then the markup.
template <typename T>
void put(std::string& key, const T& v) {
    key.append(reinterpret_cast<const char*>(&v), sizeof v);
}

std::string memo_key(const std::string& markup, const SourcePos& pos, const ParaStyle& s, double width,
                     const SetContext& ctx) {
    std::string key;
    key.reserve(160 + pos.file.str().size() + markup.size());
    for (FontId f : {s.regular, s.bold, s.italic, s.bold_italic}) put(key, f);
    for (double d : {s.size, s.leading, s.color.r, s.color.g, s.color.b, s.link_color.r, s.link_color.g,
                     s.link_color.b, width})
        put(key, d);
    put(key, s.justify), put(key, s.hyphenate), put(key, s.align);
    put(key, ctx.fonts), put(key, ctx.hyphenator);
    put(key, pos.line), put(key, pos.col), put(key, pos.file.str().size());
    key += pos.file.str();
    key += markup;
    return key;
}

}  // namespace

const ParagraphMemo::Paragraphs& ParagraphMemo::paragraphs(
    const std::string& markup, const SourcePos& pos, const ParaStyle& style, double width, const SetContext& ctx,
    const std::function<Paragraphs(const SetContext&)>& set) {
    auto [it, added] = kept_.try_emplace(memo_key(markup, pos, style, width, ctx));
    Entry& e = it->second;
    if (added) {
        try {
            SetContext quiet = ctx;
            quiet.diags = &e.warnings;
            e.paragraphs = set(quiet);
        } catch (...) {
            kept_.erase(it);
            throw;
        }
    }
    if (ctx.diags) ctx.diags->append(e.warnings);
    return e.paragraphs;
}

}  // namespace lerbrief::layout
