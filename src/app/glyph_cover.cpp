#include "app/glyph_cover.h"

#include <fmt/format.h>

#include <ostream>
#include <set>

#include "load/text_check.h"
#include "messages/text.h"
#include "model/limits.h"
#include "model/text_fields.h"
#include "model/utf8.h"

namespace lerbrief {

namespace {

constexpr char32_t kWhiteSquare = 0x25A1;

class Cover {
public:
    Cover(const layout::FontSet& fonts, Diagnostics& diags) : diags_(diags) {
        for (std::size_t i = 0; i < fonts.specs().size(); ++i)
            faces_.push_back(&fonts.metrics(static_cast<layout::FontId>(i)));
        bool square = true;
        for (const auto* m : faces_) square = square && m->covers(kWhiteSquare);
        if (square) utf8::append(substitute_, kWhiteSquare);
        else substitute_ = "?";
        for (char32_t cp = 0; cp < kAscii; ++cp) ascii_covered_[cp] = !first_lacking(cp);
    }

    void apply(std::string& value, const SourcePos& pos, std::string_view field, TextKind kind) {
        std::string out;
        bool changed = false;
        std::set<char32_t> named;
        std::set<char32_t> unnamed;
        for (std::size_t i = 0; i < value.size();) {
            // most text is ASCII the fonts cover: a byte, looked up once
            if (const auto byte = static_cast<unsigned char>(value[i]); byte < kAscii && ascii_covered_[byte]) {
                if (changed) out += value[i];
                ++i;
                continue;
            }
            const std::size_t start = i;
            const char32_t cp = utf8::next(value, i);
            const layout::FontMetrics* lacking = kind == TextKind::metadata ? nullptr : first_lacking(cp);
            const bool above = kind == TextKind::metadata && cp != utf8::kInvalid && cp > 0xFFFF;
            if (!lacking && !above) {
                if (changed) out.append(value, start, i - start);
                continue;
            }
            if (!changed) out.assign(value, 0, start);
            changed = true;
            if (above) {
                out += "\uFFFD";
                if (named.insert(cp).second) msg::metadata_above_bmp(diags_, pos, field, cp);
                continue;
            }
            out += substitute_;
            if (named.count(cp) || unnamed.count(cp)) continue;
            if (named.size() < limits::kMaxGlyphWarningsPerField && count_ < limits::kMaxGlyphWarnings) {
                named.insert(cp);
                ++count_;
                msg::glyph_missing(diags_, pos, field, cp, lacking->postscript_name(), substitute_);
            } else {
                unnamed.insert(cp);
            }
        }
        if (!unnamed.empty()) {
            if (named.size() >= limits::kMaxGlyphWarningsPerField)
                msg::more_glyphs_missing(diags_, pos, field, unnamed.size(), substitute_);
            else if (!capped_) {
                capped_ = true;
                msg::glyph_warnings_capped(diags_, count_);
            }
        }
        if (changed) value = std::move(out);
    }

private:
    // The first face without `cp` (above U+FFFF: the first face), or nullptr.
    const layout::FontMetrics* first_lacking(char32_t cp) const {
        if (cp == '\n' || cp == '\t') return nullptr;  // markup's white space, set as spaces
        for (const auto* m : faces_)
            if (cp == utf8::kInvalid || !m->covers(cp)) return m;
        return nullptr;
    }

    static constexpr char32_t kAscii = 0x80;

    Diagnostics& diags_;
    std::vector<const layout::FontMetrics*> faces_;
    bool ascii_covered_[kAscii] = {};  // first_lacking(c) is null: every face has it
    std::string substitute_;
    std::size_t count_ = 0;
    bool capped_ = false;
};

}  // namespace

void cover_glyphs(Content& content, compose::Event& event, const load::EventPositions& from_file, LayoutSpec& spec,
                  const Options& o, const layout::FontSet& fonts, Diagnostics& diags) {
    Cover cover(fonts, diags);
    for_each_text(content, [&](std::string& value, const SourcePos& pos, std::string_view field, TextKind kind) {
        cover.apply(value, pos, field, kind);
    });
    const std::pair<std::string*, const char*> running[] = {{&spec.header_left, "header.left"},
                                                            {&spec.header_right, "header.right"},
                                                            {&spec.footer_left, "footer.left"},
                                                            {&spec.footer_right, "footer.right"}};
    for (const auto& [value, field] : running)
        if (load::check_value(*value, spec.pos, field, TextKind::line, diags))
            cover.apply(*value, spec.pos, field, TextKind::line);
    const std::tuple<std::string*, const std::string*, const char*, const char*, const SourcePos*> parts[] = {
        {&event.title, &o.event, "--event", "title", &from_file.title},
        {&event.date, &o.date, "--date", "date", &from_file.date},
        {&event.place, &o.place, "--place", "place", &from_file.place},
    };
    for (const auto& [value, option, name, key, at] : parts) {
        if (value->empty()) continue;
        const bool from_option = !option->empty();
        const SourcePos pos = from_option ? SourcePos{} : *at;
        const char* field = from_option ? name : key;
        // Control characters in an option were refused with the command line
        // (app/command_line.cpp); in the event file they are refused here, at
        // their position. Pasted spaces become spaces.
        if (!load::check_value(*value, pos, field, TextKind::line, diags)) continue;
        cover.apply(*value, pos, field, TextKind::line);
    }
    // The agenda's and the badges' text: control characters were refused by
    // their readers (load/event_file.cpp, load/attendees_csv.cpp); what the
    // fonts lack is warned about at the item (the event file's mapping, the
    // attendees file's row), the field naming the value.
    for (std::size_t i = 0; i < event.agenda.size(); ++i) {
        auto& item = event.agenda[i];
        const std::string at = fmt::format("agenda[{}].", i + 1);
        for (auto [value, key] : {std::pair{&item.time, "time"}, {&item.title, "title"}, {&item.room, "room"},
                                  {&item.speaker, "speaker"}, {&item.note, "note"}})
            cover.apply(*value, item.pos, at + key, TextKind::line);
    }
    for (auto& person : event.attendees)
        for (auto [value, key] : {std::pair{&person.name, "name"}, {&person.organization, "organization"}})
            cover.apply(*value, person.pos, key, TextKind::line);
}

}  // namespace lerbrief
