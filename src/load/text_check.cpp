#include "load/text_check.h"

#include "messages/text.h"
#include "model/utf8.h"

namespace lerbrief::load {

namespace {

// What a pasted character becomes: itself (nullptr), or this text ("" = dropped).
const char* replacement(char32_t cp, TextKind kind) {
    switch (cp) {
        case 0x2028:  // line separator
        case 0x2029:  // paragraph separator
            return kind == TextKind::paragraph ? "\n\n" : " ";
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
                 Diagnostics& diags) {
    std::string out;
    bool changed = false;
    bool rtl_warned = kind == TextKind::url || kind == TextKind::metadata;
    for (std::size_t i = 0; i < value.size();) {
        const std::size_t start = i;
        const char32_t cp = utf8::next(value, i);
        if (cp == utf8::kInvalid) {  // the readers check UTF-8 first: only a loader's slip reaches this
            if (!changed) out.assign(value, 0, start);
            changed = true;
            out += "\uFFFD";
            continue;
        }
        if (utf8::is_control(cp)) {
            msg::control_in_text(diags, pos, field, cp);
            return false;
        }
        if (!rtl_warned)
            if (const char* script = utf8::rtl_script(cp)) {
                msg::right_to_left(diags, pos, field, cp, script);
                rtl_warned = true;
            }
        if (const char* r = replacement(cp, kind)) {
            if (!changed) out.assign(value, 0, start);
            changed = true;
            out += r;
        } else if (changed) {
            out.append(value, start, i - start);
        }
    }
    if (changed) value = std::move(out);
    return true;
}

void check_text(Content& c, Diagnostics& diags) {
    for_each_text(c, [&](std::string& value, const SourcePos& pos, std::string_view field, TextKind kind) {
        check_value(value, pos, field, kind, diags);
    });
}

void check_event_file_text(const YNode& root, Diagnostics& diags) {
    for (const char* key : {"title", "date", "place"}) {
        const YNode* n = root.get(key);
        if (!n || !n->is_scalar()) continue;
        std::string value = n->scalar;
        check_value(value, n->pos, key, TextKind::line, diags);
    }
}

}  // namespace lerbrief::load
