#include "load/typography.h"

#include "model/strings.h"
#include "model/text_fields.h"
#include "model/utf8.h"

#include <vector>

namespace lerbrief::load {

namespace {

constexpr char32_t kLeftDouble = U'\u201C', kRightDouble = U'\u201D';
constexpr char32_t kLeftSingle = U'\u2018', kRightSingle = U'\u2019';
constexpr char32_t kPrime = U'\u2032', kDoublePrime = U'\u2033';

bool is_space(char32_t c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == U'\u00A0' || c == U'\u2009' || c == U'\u202F';
}
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
// A letter or digit, as far as quotes care: ASCII ones, and any character
// from U+00C0 on that is not punctuation or a space lerbrief knows of.
bool is_word(char32_t c) {
    if (c < 0x80) return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c < 0xC0 || is_space(c)) return false;
    return !(c >= 0x2000 && c <= 0x206F);  // General Punctuation: dashes, quotes, primes, …
}
bool is_letter(char32_t c) { return is_word(c) && !is_digit(c); }
// Where a quotation mark opens: the start, a space, an opening bracket, a
// dash or an opening quotation mark before it.
bool opens_after(char32_t prev) {
    return prev == 0 || is_space(prev) || prev == '(' || prev == '[' || prev == '{' || prev == '-' ||
           prev == U'\u2013' || prev == U'\u2014' || prev == kLeftDouble || prev == kLeftSingle;
}

class Smartener {
public:
    explicit Smartener(std::string_view s) : s_(s) {}

    std::string run() {
        while (i_ < s_.size()) step();
        return std::move(out_);
    }

private:
    char32_t peek(std::size_t at) const {
        if (at >= s_.size()) return 0;
        return utf8::next(s_, at);
    }
    bool at(std::string_view what) const { return s_.compare(i_, what.size(), what) == 0; }
    // Copies s_[i_, end) unchanged; `last` is what came before the next character.
    void copy_to(std::size_t end, char32_t last) {
        out_.append(s_, i_, end - i_);
        i_ = end;
        prev_ = last;
    }

    void step() {
        const char c = s_[i_];
        if (c == '\\' && i_ + 1 < s_.size()) {  // an escaped character is literal
            std::size_t j = i_ + 1;
            const char32_t cp = utf8::next(s_, j);
            return copy_to(j, cp);
        }
        if (at("\n\n")) {  // a new paragraph: no mark is open
            open_double_ = open_single_ = false;
            return copy_to(i_ + 2, '\n');
        }
        if (at("](")) {  // a link's URL, up to the first ')' as markup reads it
            const std::size_t close = s_.find(')', i_ + 2);
            return copy_to(close == std::string_view::npos ? s_.size() : close + 1, ')');
        }
        if (c == '`') return code();
        if (opens_after(prev_) && (at("http://") || at("https://"))) return bare_url();
        if (c == '*') return copy_to(i_ + 1, prev_);  // emphasis markers do not count as characters
        if (c == '"') return put(double_mark());
        if (c == '\'') return put(single_mark());
        std::size_t j = i_;
        const char32_t cp = utf8::next(s_, j);
        copy_to(j, cp);
    }

    // `…` within one paragraph stays as written; a lone backquote is a character.
    void code() {
        const std::size_t close = s_.find('`', i_ + 1);
        // a paragraph break between the two marks: looked for only up to the
        // closing one, so a text of many backquotes stays linear
        if (close == std::string_view::npos || s_.substr(i_ + 1, close - i_ - 1).find("\n\n") != std::string_view::npos)
            return copy_to(i_ + 1, '`');
        copy_to(close + 1, '`');
    }

    // An address in running text ends at a space or a double quote (never
    // part of one); punctuation and quotes at its end belong to the sentence.
    void bare_url() {
        std::size_t end = i_;
        while (end < s_.size()) {
            std::size_t j = end;
            const char32_t cp = utf8::next(s_, j);
            if (is_space(cp) || cp == '"' || cp == '<' || cp == '>' || cp == kRightDouble || cp == kRightSingle) break;
            end = j;
        }
        while (end > i_ && std::string_view(".,;:!?')*").find(s_[end - 1]) != std::string_view::npos) --end;
        copy_to(end, static_cast<unsigned char>(s_[end - 1]));
    }

    void put(char32_t mark) {
        utf8::append(out_, mark);
        ++i_;
        prev_ = mark;
    }

    char32_t double_mark() {
        const char32_t next = peek(i_ + 1);
        if (is_digit(prev_) && !open_double_) return kDoublePrime;  // 12" → 12″
        if (opens_after(prev_) && next != 0 && !is_space(next)) {
            open_double_ = true;
            return kLeftDouble;
        }
        open_double_ = false;
        return kRightDouble;
    }

    char32_t single_mark() {
        const char32_t next = peek(i_ + 1);
        if (is_word(prev_)) {
            if (is_digit(prev_) && !is_letter(next) && !open_single_) return kPrime;  // 5' → 5′, 5'10"
            if (!is_word(next)) open_single_ = false;
            return kRightSingle;  // don't, Lees', the 1990's
        }
        if (opens_after(prev_) && next != 0 && !is_space(next)) {
            if (is_digit(next)) return kRightSingle;  // '90s: an apostrophe
            open_single_ = true;
            return kLeftSingle;
        }
        open_single_ = false;
        return kRightSingle;
    }

    std::string_view s_;
    std::size_t i_ = 0;
    std::string out_;
    char32_t prev_ = 0;  // the character before i_, markup markers skipped; 0 at the start
    bool open_double_ = false, open_single_ = false;
};

// Leading and trailing spaces of `s`, as offsets of what is left.
std::string_view trimmed(std::string_view s) {
    const char* ws = " \t\r\n";
    const auto b = s.find_first_not_of(ws);
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(ws) - b + 1);
}

// Every “ inside closed by a ” after it, and no ” before its “: the text
// is one quotation, perhaps with quotations inside it.
bool balanced(std::string_view inner) {
    int depth = 0;
    for (std::size_t i = 0; i + 2 < inner.size(); ++i) {
        if (inner.compare(i, 3, "\u201C") == 0) ++depth;
        if (inner.compare(i, 3, "\u201D") == 0 && --depth < 0) return false;
    }
    return depth == 0;
}

bool starts(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }

// Smartened marks into the language's: see language_quotes in the header.
class Requoter {
public:
    Requoter(std::string_view s, const std::array<std::string, 4>& quotes) : s_(s), q_(quotes) {}

    std::string run() {
        while (i_ < s_.size()) step();
        return std::move(out_);
    }

private:
    bool at(std::string_view what) const { return s_.compare(i_, what.size(), what) == 0; }
    void copy_to(std::size_t end, char32_t last) {
        out_.append(s_, i_, end - i_);
        i_ = end;
        prev_ = last;
    }
    void put(const std::string& mark, std::size_t end, char32_t cp) {
        out_ += mark;
        i_ = end;
        prev_ = cp;
    }

    void step() {
        const char c = s_[i_];
        if (c == '\\' && i_ + 1 < s_.size()) {  // an escaped character is literal
            std::size_t j = i_ + 1;
            const char32_t cp = utf8::next(s_, j);
            return copy_to(j, cp);
        }
        if (at("\n\n")) {
            open_single_ = 0;
            doubles_.clear();
            return copy_to(i_ + 2, '\n');
        }
        if (at("](")) {  // a link's URL
            const std::size_t close = s_.find(')', i_ + 2);
            return copy_to(close == std::string_view::npos ? s_.size() : close + 1, ')');
        }
        if (c == '`') {  // `code` within one paragraph
            const std::size_t close = s_.find('`', i_ + 1);
            if (close == std::string_view::npos || s_.substr(i_ + 1, close - i_ - 1).find("\n\n") != std::string_view::npos)
                return copy_to(i_ + 1, '`');
            return copy_to(close + 1, '`');
        }
        if (opens_after(prev_) && (at("http://") || at("https://"))) return bare_url();
        if (c == '*') return copy_to(i_ + 1, prev_);  // emphasis markers do not count as characters
        // the language's own outer marks written in the text («…») open and
        // close a quotation too: a “…” inside one is an inner quotation
        if (q_[0] != "\u201C" && !q_[0].empty() && at(q_[0])) {
            doubles_.push_back(0);
            return copy_to(i_ + q_[0].size(), 0x2018);
        }
        if (q_[1] != "\u201D" && !q_[1].empty() && at(q_[1])) {
            if (!doubles_.empty()) doubles_.pop_back();
            return copy_to(i_ + q_[1].size(), 0x2019);
        }
        std::size_t j = i_;
        const char32_t cp = utf8::next(s_, j);
        if (cp == kLeftDouble) {  // outer, or inner inside an open quotation
            const std::size_t k = doubles_.empty() ? 0 : 2;
            doubles_.push_back(k);
            return put(q_[k], j, cp);
        }
        if (cp == kRightDouble) {
            std::size_t k = 0;
            if (!doubles_.empty()) k = doubles_.back(), doubles_.pop_back();
            return put(q_[k + 1], j, cp);
        }
        if (cp == kLeftSingle) {
            ++open_single_;
            return put(q_[2], j, cp);
        }
        if (cp == kRightSingle && open_single_ > 0) {
            std::size_t k = j;
            while (k < s_.size() && s_[k] == '*') ++k;  // emphasis markers are not characters
            const char32_t next = k < s_.size() ? utf8::next(s_, k) : 0;
            if (!is_word(next)) {
                --open_single_;
                return put(q_[3], j, cp);
            }
        }
        copy_to(j, cp);
    }

    // As the Smartener reads it: up to a space or a mark, less the sentence's punctuation.
    void bare_url() {
        std::size_t end = i_;
        while (end < s_.size()) {
            std::size_t j = end;
            const char32_t cp = utf8::next(s_, j);
            if (is_space(cp) || cp == '"' || cp == '<' || cp == '>' || cp == kRightDouble || cp == kRightSingle) break;
            end = j;
        }
        while (end > i_ && std::string_view(".,;:!?')*").find(s_[end - 1]) != std::string_view::npos) --end;
        copy_to(end, static_cast<unsigned char>(s_[end - 1]));
    }

    std::string_view s_;
    const std::array<std::string, 4>& q_;
    std::size_t i_ = 0;
    std::string out_;
    char32_t prev_ = 0;
    int open_single_ = 0;  // ‘ not yet closed in this paragraph
    std::vector<std::size_t> doubles_;  // open double quotations: the mark each opened with (0 outer, 2 inner)
};

}  // namespace

std::string language_quotes(std::string_view markup, const std::array<std::string, 4>& quotes) {
    return Requoter(markup, quotes).run();
}

void set_language_quotes(Content& content, const Typography& typography) {
    if (typography.quotes == Typography{}.quotes) return;  // English's: as smart_quotes wrote them
    for_each_text(content, [&](std::string& value, const SourcePos&, std::string_view, TextKind kind) {
        if (kind != TextKind::url) value = language_quotes(value, typography.quotes);
    });
}

std::string smart_quotes(std::string_view markup) { return Smartener(markup).run(); }

std::string without_outer_quotes(std::string_view markup) {
    const std::string_view t = trimmed(markup);
    std::string_view inner;
    bool doubles = false;  // “…”: quotations inside become ‘…’, as inside the sheet's own marks
    if (starts(t, "\u201C") && ends(t, "\u201D") && t.size() > 6) {
        inner = t.substr(3, t.size() - 6);
        doubles = balanced(inner);
    } else if (starts(t, "\"") && ends(t, "\"") && t.size() > 2) {
        inner = t.substr(1, t.size() - 2);
        if (inner.find('"') != std::string_view::npos) inner = {};
    } else if (starts(t, "\u2018") && ends(t, "\u2019") && t.size() > 6) {
        inner = t.substr(3, t.size() - 6);
        if (inner.find("\u2018") != std::string_view::npos) inner = {};
    } else if (starts(t, "\u00AB") && ends(t, "\u00BB") && t.size() > 4) {  // «…», as Spanish writes it
        inner = t.substr(2, t.size() - 4);
        if (inner.find("\u00AB") != std::string_view::npos) inner = {};
    }
    if (trimmed(inner).empty() || ends(inner, "\\") || (starts(t, "\u201C") && !doubles))
        return std::string(markup);  // \" at the end: a literal mark
    std::string out(trimmed(inner));
    if (doubles) {
        for (auto [from, to] : {std::pair{"\u201C", "\u2018"}, std::pair{"\u201D", "\u2019"}})
            for (std::size_t at = out.find(from); at != std::string::npos; at = out.find(from, at + 3))
                out.replace(at, 3, to);
    }
    return out;
}

}  // namespace lerbrief::load
