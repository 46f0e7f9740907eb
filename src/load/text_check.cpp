#include "load/text_check.h"

#include "messages/text.h"
#include "model/limits.h"
#include "model/utf8.h"

namespace lerbrief::load {

namespace {

// What a pasted character becomes: itself (nullptr), or this text ("" = dropped).
const char* replacement(char32_t cp, TextKind kind) {
    switch (cp) {
        case 0x2028:  // line separator
        case 0x2029:  // paragraph separator
            return kind == TextKind::paragraph ? "\n\n" : " ";
        case '\n':  // a title's line break (a block scalar's) is a space, as markup reads it
            return kind == TextKind::paragraph ? nullptr : " ";
        case '\t':
        case 0x1680:  // ogham space mark
        case 0x205F:  // medium mathematical space
        case 0x3000:  // ideographic space
            return " ";
        case 0x2007:  // figure space (no-break)
        case 0x202F:  // narrow no-break space
            return "\u00A0";
        case 0x00AD:  // soft hyphen: hyphenation finds its own points
        case 0x200B:  // zero-width space
        case 0x2060:  // word joiner
        case 0xFEFF:  // byte order mark / zero-width no-break space
            return "";
        default:
            if (cp >= 0x2000 && cp <= 0x200A) return " ";  // en quad … hair space
            return nullptr;
    }
}

}  // namespace

bool check_value(std::string& value, const SourcePos& pos, std::string_view field, TextKind kind,
                 Diagnostics& diags, std::size_t* rtl_values) {
    std::string out;
    bool changed = false;
    bool rtl_warned = kind == TextKind::url || kind == TextKind::metadata;
    for (std::size_t i = 0; i < value.size();) {
        const std::size_t start = i;
        char32_t cp = utf8::next(value, i);
        // The readers check the files' UTF-8, but yaml-cpp writes the escapes
        // "\N" and "\_" as the bare Latin-1 bytes 0x85 and 0xA0: a byte that
        // is not UTF-8 is read as the Latin-1 character it stands for.
        const bool latin1 = cp == utf8::kInvalid;
        if (latin1) cp = static_cast<unsigned char>(value[start]);
        if (utf8::is_control(cp)) {
            msg::control_in_text(diags, pos, field, cp);
            return false;
        }
        if (!rtl_warned)
            if (const char* script = utf8::rtl_script(cp)) {
                if (!rtl_values || (*rtl_values)++ < limits::kMaxRtlWarnings)
                    msg::right_to_left(diags, pos, field, cp, script);
                rtl_warned = true;
            }
        if (const char* r = replacement(cp, kind)) {
            if (!changed) out.assign(value, 0, start);
            changed = true;
            if (kind != TextKind::paragraph && r[0] == ' ' && (out.empty() || out.back() == ' ')) continue;
            out += r;
        } else if (latin1) {
            if (!changed) out.assign(value, 0, start);
            changed = true;
            utf8::append(out, cp);
        } else if (changed) {
            out.append(value, start, i - start);
        }
    }
    if (changed) {
        if (kind != TextKind::paragraph)
            while (!out.empty() && out.back() == ' ') out.pop_back();
        value = std::move(out);
    }
    return true;
}

void check_text(Content& c, Diagnostics& diags) {
    std::size_t rtl_values = 0;
    for_each_text(c, [&](std::string& value, const SourcePos& pos, std::string_view field, TextKind kind) {
        check_value(value, pos, field, kind, diags, &rtl_values);
    });
    if (rtl_values > limits::kMaxRtlWarnings)
        msg::more_right_to_left(diags, {c.root, 0, 0}, rtl_values - limits::kMaxRtlWarnings);
}

EventPositions event_file_positions(const YNode& root) {
    EventPositions at;
    for (auto [key, pos] : {std::pair{"title", &at.title}, {"date", &at.date}, {"place", &at.place}})
        if (const YNode* n = root.get(key); n && n->is_scalar()) *pos = n->pos;
    return at;
}

}  // namespace lerbrief::load
