#include "load/lint.h"

#include <algorithm>
#include <map>

#include "messages/lint.h"
#include "model/markup.h"
#include "model/text_fields.h"
#include "model/utf8.h"

namespace lerbrief::load {

namespace {

bool upper(char c) { return c >= 'A' && c <= 'Z'; }
bool lower(char c) { return c >= 'a' && c <= 'z'; }
bool alnum(char c) { return upper(c) || lower(c) || (c >= '0' && c <= '9'); }
bool space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (upper(c)) c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// a == b, ASCII letters in either case alike; nothing copied
bool ascii_iequals(std::string_view a, std::string_view b) {
    auto low = [](char c) { return upper(c) ? static_cast<char>(c - 'A' + 'a') : c; };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return low(x) == low(y); });
}

std::string trimmed(std::string_view s) {
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return std::string(s);
}

// Calls `f` with each run of text between white space.
template <class F>
void each_chunk(std::string_view text, F f) {
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && space(text[i])) ++i;
        std::size_t j = i;
        while (j < text.size() && !space(text[j])) ++j;
        if (j > i) f(text.substr(i, j - i));
        i = j;
    }
}

// Calls `f` with each word (a run of ASCII letters and digits) of `chunk`.
template <class F>
void each_word(std::string_view chunk, F f) {
    std::size_t i = 0;
    while (i < chunk.size()) {
        while (i < chunk.size() && !alnum(chunk[i])) ++i;
        std::size_t j = i;
        while (j < chunk.size() && alnum(chunk[j])) ++j;
        if (j > i) f(chunk.substr(i, j - i));
        i = j;
    }
}

// A URL, path, e-mail address, identifier or file name: its case is not prose.
bool not_prose(std::string_view chunk) {
    if (chunk.find_first_of("/\\@_") != std::string_view::npos) return true;
    for (std::size_t i = 1; i + 1 < chunk.size(); ++i)
        if (chunk[i] == '.' && alnum(chunk[i - 1]) && alnum(chunk[i + 1])) return true;  // example.org, a.pdf
    return false;
}

bool all_of(std::string_view s, bool (*p)(char)) { return std::all_of(s.begin(), s.end(), p); }

std::optional<RunTogether> split(std::string_view w) {
    std::size_t at = 0;
    for (std::size_t i = 1; i < w.size(); ++i)
        if (lower(w[i - 1]) && upper(w[i])) {
            if (at) return std::nullopt;  // more than one: a name like "McDonaldLand", not two words
            at = i;
        }
    if (!at) return std::nullopt;
    const std::string_view left = w.substr(0, at), right = w.substr(at);
    if (right.size() < 2 || !all_of(right.substr(1), lower)) return std::nullopt;  // "OpenAI", "macOS"
    const bool acronym_plural = left.size() >= 3 && left.back() == 's' && all_of(left.substr(0, left.size() - 1), upper);
    const bool lower_word = left.size() >= 3 && all_of(left, lower) && right.size() >= 4;
    if (!acronym_plural && !lower_word) return std::nullopt;
    return RunTogether{std::string(w), std::string(left), std::string(right)};
}

constexpr std::string_view kPlaceholders[] = {"TBD", "TBA", "TODO", "FIXME", "XXX"};

bool is_placeholder_word(std::string_view w) {
    return std::find(std::begin(kPlaceholders), std::end(kPlaceholders), w) != std::end(kPlaceholders);
}

// Fields that are titles: present, they must say something.
bool is_title(std::string_view field) {
    for (std::string_view t : {"title", "phase title", "action area title", "name", "short-name", "case title", "term",
                               "lers-are.term", "imagine-title", "resource group name", "resource title",
                               "explainer title", "step title"})
        if (field == t) return true;
    return false;
}

// A letter or digit of any script: ASCII ones, and every code point above
// U+00FF outside the punctuation and symbol blocks (U+2000–U+2BFF,
// U+3000–U+303F), so a title in Greek, Cyrillic, Arabic or Chinese says
// something too.
bool says_something(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const char32_t cp = utf8::next(s, i);
        if (cp < 0x80 ? alnum(static_cast<char>(cp))
                      : (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && !(cp >= 0x2000 && cp <= 0x2BFF) &&
                         !(cp >= 0x3000 && cp <= 0x303F) && cp != 0xFFFD && cp != utf8::kInvalid))
            return true;
    }
    return false;
}

void lint_text(msg::Lint& l, const std::string& value, const SourcePos& pos, std::string_view field) {
    const std::string plain = plain_text(value);
    if (is_title(field) && !value.empty() && !says_something(plain)) {
        msg::empty_title(l, pos, field);
        return;
    }
    if (auto p = placeholder(plain)) msg::placeholder(l, pos, field, *p);
    for (const auto& r : run_together(plain)) msg::run_together(l, pos, field, r.word, r.left, r.right);
}

// The URL as two links to one page compare: no scheme, host in lowercase, no
// trailing slash.
std::string url_key(std::string_view url) {
    std::string u = trimmed(url);
    for (std::string_view scheme : {"https://", "http://"})
        if (ascii_lower(u.substr(0, scheme.size())) == scheme) u = u.substr(scheme.size());
    const std::size_t host_end = std::min(u.find('/'), u.size());
    u = ascii_lower(u.substr(0, host_end)) + u.substr(host_end);
    while (!u.empty() && u.back() == '/') u.pop_back();
    return u;
}

void lint_resources(msg::Lint& l, const Content& c) {
    std::map<std::string, const Resource*> seen;
    for (const auto& g : c.resources)
        for (const auto& r : g.items) {
            const std::string title = plain_text(r.title.value);
            if (trimmed(r.url).empty()) {
                msg::resource_without_url(l, r.pos, title);
                continue;
            }
            auto [it, fresh] = seen.emplace(url_key(r.url), &r);
            if (!fresh) msg::duplicate_url(l, r.pos, title, plain_text(it->second->title.value), it->second->pos);
        }
}

void lint_glossary(msg::Lint& l, const Content& c) {
    std::map<std::string, const GlossaryTerm*> seen;
    for (const auto& g : c.glossary) {
        std::string key;
        each_chunk(ascii_lower(plain_text(g.term.value)), [&](std::string_view w) { key += (key.empty() ? "" : " ") + std::string(w); });
        if (key.empty()) continue;
        auto [it, fresh] = seen.emplace(key, &g);
        if (!fresh) msg::duplicate_term(l, g.term.pos, plain_text(g.term.value), it->second->term.pos);
    }
}

void lint_groups(msg::Lint& l, const Content& c) {
    std::vector<std::string> bare;
    for (const auto& s : c.stakeholders)
        if (!s.has_content()) bare.push_back(s.id);
    if (!bare.empty()) msg::groups_without_content(l, {c.root, 0, 0}, bare, c.stakeholders.size());
}

}  // namespace

std::vector<RunTogether> run_together(std::string_view text) {
    std::vector<RunTogether> found;
    each_chunk(text, [&](std::string_view chunk) {
        if (not_prose(chunk)) return;
        each_word(chunk, [&](std::string_view w) {
            if (auto r = split(w)) found.push_back(std::move(*r));
        });
    });
    return found;
}

std::optional<std::string> placeholder(std::string_view text) {
    const std::string whole = trimmed(text);
    std::string bare = whole;  // "TBD." or "(todo)" as the whole value
    bare.erase(std::remove_if(bare.begin(), bare.end(), [](char ch) { return !alnum(ch) && !space(ch); }), bare.end());
    for (std::string_view p : kPlaceholders)
        if (ascii_iequals(bare, p)) return whole;
    std::optional<std::string> found;
    each_word(text, [&](std::string_view w) {
        if (!found && (is_placeholder_word(w) || ascii_iequals(w, "lorem"))) found = std::string(w);
    });
    return found;
}

void lint(Content& c, Diagnostics& diags, LintLevel level) {
    if (level == LintLevel::off) return;
    msg::Lint l{diags, level == LintLevel::strict};
    for_each_text(c, [&](std::string& value, const SourcePos& pos, std::string_view field, TextKind kind) {
        if (kind != TextKind::url) lint_text(l, value, pos, field);
    });
    lint_resources(l, c);
    lint_glossary(l, c);
    lint_groups(l, c);
}

}  // namespace lerbrief::load
