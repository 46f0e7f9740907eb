#include "model/markup.h"

namespace lerbrief {

namespace {

// Splits at blank lines; folds single newlines and runs of spaces into one space.
std::vector<std::pair<std::size_t, std::string>> paragraphs(std::string_view src) {
    std::vector<std::pair<std::size_t, std::string>> out;
    std::string cur;
    std::size_t start = 0;
    int newlines = 0;
    auto flush = [&] {
        while (!cur.empty() && cur.back() == ' ') cur.pop_back();
        if (!cur.empty()) out.emplace_back(start, std::move(cur));
        cur.clear();
    };
    for (std::size_t i = 0; i < src.size(); ++i) {
        char c = src[i];
        if (c == '\r') continue;
        if (c == '\n') {
            if (++newlines == 2) flush();
            if (!cur.empty() && cur.back() != ' ') cur += ' ';
            continue;
        }
        if (c == ' ' || c == '\t') {
            if (!cur.empty() && cur.back() != ' ') cur += ' ';
            continue;
        }
        newlines = 0;
        if (cur.empty()) start = i;
        cur += c;
    }
    flush();
    return out;
}

class InlineParser {
public:
    InlineParser(std::string_view s, std::size_t base, std::vector<MarkupError>* errors)
        : s_(s), base_(base), errors_(errors) {}

    Paragraph run() {
        parse(0, s_.size(), false, false, {});
        return std::move(p_);
    }

private:
    void emit(std::string_view text, bool bold, bool italic, const std::string& link) {
        if (text.empty()) return;
        if (!p_.spans.empty()) {
            Span& last = p_.spans.back();
            if (last.bold == bold && last.italic == italic && last.link == link) {
                last.text += text;
                return;
            }
        }
        p_.spans.push_back(Span{std::string(text), bold, italic, link});
    }

    void error(std::size_t at, std::string what) {
        if (errors_) errors_->push_back({base_ + at, std::move(what)});
    }

    // Finds the closing marker `m` for an opening at `from`, skipping escapes.
    std::size_t find_close(std::string_view m, std::size_t from, std::size_t end) const {
        for (std::size_t i = from; i < end; ++i) {
            if (s_[i] == '\\') {
                ++i;
                continue;
            }
            if (s_.compare(i, m.size(), m) == 0) {
                if (m == "*" && i + 1 < end && s_[i + 1] == '*') {  // skip a bold marker inside italic
                    auto close = find_close("**", i + 2, end);
                    if (close == std::string_view::npos) return std::string_view::npos;
                    i = close + 1;
                    continue;
                }
                return i;
            }
        }
        return std::string_view::npos;
    }

    void parse(std::size_t i, std::size_t end, bool bold, bool italic, const std::string& link) {
        std::string text;
        auto flush = [&] {
            emit(text, bold, italic, link);
            text.clear();
        };
        while (i < end) {
            char c = s_[i];
            if (c == '\\' && i + 1 < end) {
                text += s_[i + 1];
                i += 2;
                continue;
            }
            if (c == '*') {
                bool dbl = i + 1 < end && s_[i + 1] == '*';
                std::string_view m = dbl ? "**" : "*";
                std::size_t close = find_close(m, i + m.size(), end);
                if (close == std::string_view::npos || close == i + m.size()) {
                    error(i, dbl ? "unclosed '**' (bold)" : "unclosed '*' (italic)");
                    text += m;
                    i += m.size();
                    continue;
                }
                flush();
                parse(i + m.size(), close, bold || dbl, italic || !dbl, link);
                i = close + m.size();
                continue;
            }
            if (c == '[' && link.empty()) {
                std::size_t mid = find_close("](", i + 1, end);
                std::size_t close = mid == std::string_view::npos ? mid : s_.find(')', mid + 2);
                if (close == std::string_view::npos || close >= end) {
                    error(i, "'[' without a matching '](url)'");
                    text += c;
                    ++i;
                    continue;
                }
                flush();
                std::string url(s_.substr(mid + 2, close - mid - 2));
                if (url.empty()) error(i, "link with an empty URL");
                parse(i + 1, mid, bold, italic, url.empty() ? std::string() : url);
                i = close + 1;
                continue;
            }
            text += c;
            ++i;
        }
        flush();
    }

    std::string_view s_;
    std::size_t base_;
    std::vector<MarkupError>* errors_;
    Paragraph p_;
};

}  // namespace

std::vector<Paragraph> parse_markup(std::string_view src, std::vector<MarkupError>* errors) {
    std::vector<Paragraph> out;
    for (auto& [start, text] : paragraphs(src)) {
        Paragraph p = InlineParser(text, start, errors).run();
        if (!p.spans.empty()) out.push_back(std::move(p));
    }
    return out;
}

bool is_markup_char(char32_t c) { return c == '*' || c == '[' || c == ']' || c == '\\'; }

std::string escape_markup(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (is_markup_char(static_cast<unsigned char>(c))) out += '\\';
        out += c;
    }
    return out;
}

std::string plain_text(std::string_view src) {
    std::string out;
    for (const auto& p : parse_markup(src)) {
        if (!out.empty()) out += "\n\n";
        for (const auto& s : p.spans) out += s.text;
    }
    return out;
}

}  // namespace lerbrief
