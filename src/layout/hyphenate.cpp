// Hyphenation points from libhyphen, with our rules on top (see hyphenate.h).
//
// A word is decoded into characters, stripped of surrounding punctuation,
// checked (digits, inner punctuation, inner capitals, length), lower-cased
// (ASCII only: the byte length stays the same, so byte offsets carry over)
// and given to hnj_hyphen_hyphenate2. For a UTF-8 dictionary libhyphen
// returns one digit per *character* (hnj_hyphen_norm compacts the per-byte
// vector), odd = break allowed after that character; we map characters back
// to byte offsets in the original word.
#include "layout/hyphenate.h"


#include <hyphen.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <system_error>

namespace lerbrief::layout {
namespace {

enum class Cls { lower, upper, other_letter, digit, apostrophe, hyphen, punct };

struct Char {
    std::size_t offset;  // byte offset in the word
    Cls cls;
};

bool is_letter(Cls c) { return c == Cls::lower || c == Cls::upper || c == Cls::other_letter; }
bool is_edge(Cls c) { return c == Cls::punct || c == Cls::apostrophe || c == Cls::hyphen; }

// Capitals beyond ASCII: Latin-1 (À–Þ but ×) and Latin Extended-A, where
// capitals and small letters alternate (Ā ā … Ň ň, then Ŋ ŋ … Ž ž).
bool is_upper_latin(char32_t cp) {
    if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
    if (cp >= 0x100 && cp <= 0x137) return cp % 2 == 0;
    if (cp >= 0x139 && cp <= 0x148) return cp % 2 == 1;
    if (cp >= 0x14A && cp <= 0x177) return cp % 2 == 0;
    return cp == 0x178 || cp == 0x179 || cp == 0x17B || cp == 0x17D;
}

Cls classify(char32_t cp) {
    if (cp >= 'a' && cp <= 'z') return Cls::lower;
    if (cp >= 'A' && cp <= 'Z') return Cls::upper;
    if (cp >= '0' && cp <= '9') return Cls::digit;
    if (cp == '\'' || cp == 0x2019) return Cls::apostrophe;  // ' and ’
    if (cp == '-' || cp == 0x2010) return Cls::hyphen;       // - and ‐
    if (cp < 0x80) return Cls::punct;
    // Latin-1 symbols (NBSP, « », ¿, ², ·, ×, ÷), general punctuation (dashes,
    // quotes, spaces, …), super/subscripts, currency, arrows, maths and
    // other symbols, CJK punctuation, emoji: not part of a hyphenatable word.
    if (cp <= 0xBF || cp == 0xD7 || cp == 0xF7) return Cls::punct;
    if (cp >= 0x2000 && cp <= 0x2BFF) return Cls::punct;
    if (cp >= 0x3000 && cp <= 0x303F) return Cls::punct;
    if (cp >= 0x1F000) return Cls::punct;
    if (is_upper_latin(cp)) return Cls::upper;
    return Cls::other_letter;
}

// Bytes in the UTF-8 sequence that `lead` starts; 0 when it starts none.
std::size_t sequence_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;
}

// Splits `s` into characters; false on invalid UTF-8.
bool decode(std::string_view s, std::vector<Char>& out) {
    for (std::size_t i = 0; i < s.size();) {
        const auto lead = static_cast<unsigned char>(s[i]);
        const std::size_t len = sequence_length(lead);
        if (len == 0 || i + len > s.size()) return false;
        char32_t cp = lead & (0x7F >> (len == 1 ? 0 : len));
        for (std::size_t k = 1; k < len; ++k) {
            const auto c = static_cast<unsigned char>(s[i + k]);
            if ((c & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (c & 0x3F);
        }
        out.push_back({i, classify(cp)});
        i += len;
    }
    return true;
}

// The word without its surrounding punctuation: characters [begin, end).
struct Core {
    std::size_t begin = 0, end = 0;
};

Core trim(const std::vector<Char>& chars) {
    Core c{0, chars.size()};
    while (c.begin < c.end && is_edge(chars[c.begin].cls)) ++c.begin;
    while (c.end > c.begin && is_edge(chars[c.end - 1].cls)) --c.end;
    return c;
}

enum class Verdict { leave_alone, explicit_hyphens, patterns };

Verdict judge(const std::vector<Char>& chars, Core core) {
    bool has_hyphen = false, upper_first = false;
    int letters = 0;
    for (std::size_t k = core.begin; k < core.end; ++k) {
        const Cls c = chars[k].cls;
        if (c == Cls::digit || c == Cls::punct) return Verdict::leave_alone;
        if (c == Cls::upper && k > core.begin) return Verdict::leave_alone;  // LERs, EdTech
        upper_first = upper_first || (c == Cls::upper && k == core.begin);    // Foundation
        has_hyphen = has_hyphen || c == Cls::hyphen;
        letters += is_letter(c) ? 1 : 0;
    }
    if (has_hyphen) return Verdict::explicit_hyphens;
    if (upper_first) return Verdict::leave_alone;
    return letters >= kMinHyphenWordLetters ? Verdict::patterns : Verdict::leave_alone;
}

// Offsets after each explicit hyphen that has a letter on both sides.
std::vector<int> explicit_points(const std::vector<Char>& chars, Core core) {
    std::vector<int> points;
    for (std::size_t k = core.begin + 1; k + 1 < core.end; ++k)
        if (chars[k].cls == Cls::hyphen && is_letter(chars[k - 1].cls) && is_letter(chars[k + 1].cls))
            points.push_back(static_cast<int>(chars[k + 1].offset));
    return points;
}

// Frees what hnj_hyphen_hyphenate2 may allocate for non-standard patterns.
struct NonStandard {
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    int size = 0;
    ~NonStandard() {
        if (rep)
            for (int i = 0; i < size; ++i) std::free(rep[i]);
        std::free(rep);
        std::free(pos);
        std::free(cut);
    }
};

// The core in lower case (ASCII letters only; other bytes as they are).
std::string lower_core(std::string_view word, const std::vector<Char>& chars, Core core) {
    const std::size_t first = chars[core.begin].offset;
    const std::size_t last = core.end < chars.size() ? chars[core.end].offset : word.size();
    std::string lower(word.substr(first, last - first));
    for (char& ch : lower)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return lower;
}

// Digits in libhyphen's form from an exception: '1' after each character
// where the exception allows a break, '0' elsewhere. Empty when the word
// is not in the list. "research’s" is looked up as "research".
std::string exception_digits(const std::unordered_map<std::string, std::vector<std::size_t>>& exceptions,
                             std::string_view word, const std::vector<Char>& chars, Core core) {
    if (exceptions.empty()) return {};
    for (Core c = core; c.end > c.begin;) {
        const auto found = exceptions.find(lower_core(word, chars, c));
        if (found != exceptions.end()) {
            std::string digits(core.end - core.begin, '0');
            for (std::size_t at : found->second)
                if (at < digits.size()) digits[at] = '1';
            return digits;
        }
        std::size_t k = c.end;  // try again without an apostrophe ending
        while (k > c.begin && chars[k - 1].cls != Cls::apostrophe) --k;
        if (k == c.begin) break;
        c.end = k - 1;
    }
    return {};
}

// libhyphen's digits for the core, one per character (odd: a break after
// it), or empty when the dictionary cannot look the word up.
std::string pattern_digits(HyphenDict* dict, std::string_view word, const std::vector<Char>& chars,
                           Core core) {
    const std::size_t first = chars[core.begin].offset;
    const std::size_t last = core.end < chars.size() ? chars[core.end].offset : word.size();
    std::string lower(word.substr(first, last - first));  // NUL-terminated: libhyphen uses strstr
    bool ascii = true;
    for (char& ch : lower) {
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
    }
    if (!ascii && !dict->utf8) return {};  // an 8-bit dictionary cannot read UTF-8 letters
    // Digits come per byte, then (UTF-8 dictionaries) are compacted to one
    // per character by hnj_hyphen_norm; for ASCII both are the same.
    std::string digits(lower.size() + 5, '\0');
    NonStandard ns;
    ns.size = static_cast<int>(lower.size());
    if (hnj_hyphen_hyphenate2(dict, lower.c_str(), ns.size, digits.data(), nullptr, &ns.rep, &ns.pos,
                              &ns.cut))
        return {};
    return digits;
}

// Keeps the odd digits that leave enough letters on both sides. Margins are
// counted in letters between apostrophes, as TeX does: "credential’s" keeps
// three letters of "credential" after a break, the "’s" does not count.
std::vector<int> within_margins(const std::vector<Char>& chars, Core core, const std::string& digits, int before,
                                int after) {
    const std::size_t count = core.end - core.begin;
    std::vector<int> left(count), right(count);  // letters of the segment up to / from each character
    for (std::size_t i = 0; i < count; ++i)
        left[i] = chars[core.begin + i].cls == Cls::apostrophe ? 0 : (i > 0 ? left[i - 1] : 0) + 1;
    for (std::size_t i = count; i-- > 0;)
        right[i] = chars[core.begin + i].cls == Cls::apostrophe ? 0 : (i + 1 < count ? right[i + 1] : 0) + 1;
    std::vector<int> points;
    for (std::size_t i = 0; i + 1 < count; ++i) {
        const bool odd = (digits[i] - '0') % 2 == 1;
        if (odd && left[i] >= before && right[i + 1] >= after)
            points.push_back(static_cast<int>(chars[core.begin + i + 1].offset));
    }
    return points;
}

}  // namespace

void Hyphenator::Free::operator()(_HyphenDict* dict) const noexcept { hnj_hyphen_free(dict); }

Hyphenator::Hyphenator(const std::filesystem::path& dictionary, const std::vector<std::string>& exceptions) {
    for (std::string_view entry : exceptions) {
        std::string word;
        std::vector<std::size_t> after;  // character index after which a break is allowed
        std::size_t chars = 0;
        for (std::size_t i = 0; i < entry.size(); ++i) {
            const auto byte = static_cast<unsigned char>(entry[i]);
            if (entry[i] == '-') {
                if (chars > 0) after.push_back(chars - 1);
                continue;
            }
            word += entry[i];
            chars += (byte & 0xC0) != 0x80 ? 1 : 0;
        }
        for (char& ch : word)
            if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        exceptions_[word] = std::move(after);
    }
    std::error_code ec;
    if (std::filesystem::is_regular_file(dictionary, ec)) dict_.reset(hnj_hyphen_load(dictionary.c_str()));
    if (!dict_) throw std::runtime_error("cannot load hyphenation patterns: " + dictionary.string());
    // the language's margins (0: the file sets none)
    before_ = dict_->lhmin > 0 ? std::max<int>(dict_->lhmin, kMinLettersAroundHyphen) : kDefaultLettersBeforeHyphen;
    after_ = dict_->rhmin > 0 ? std::max<int>(dict_->rhmin, kMinLettersAroundHyphen) : kDefaultLettersAfterHyphen;
}

Hyphenator::~Hyphenator() = default;
Hyphenator::Hyphenator(Hyphenator&&) noexcept = default;
Hyphenator& Hyphenator::operator=(Hyphenator&&) noexcept = default;

std::vector<int> Hyphenator::points(std::string_view word) const {
    std::vector<Char> chars;
    if (!dict_ || word.size() > kMaxHyphenWordBytes || !decode(word, chars)) return {};
    const Core core = trim(chars);
    switch (judge(chars, core)) {
        case Verdict::leave_alone:
            return {};
        case Verdict::explicit_hyphens:
            return explicit_points(chars, core);
        case Verdict::patterns:
            break;
    }
    std::string digits = exception_digits(exceptions_, word, chars, core);
    if (digits.empty()) digits = pattern_digits(dict_.get(), word, chars, core);
    if (digits.empty()) return {};
    return within_margins(chars, core, digits, before_, after_);
}

std::filesystem::path default_hyphen_dictionary(std::string_view file) {
    static constexpr std::array<const char*, 4> kFolders = {
        "/usr/share/hyphen",           // Debian, Ubuntu, Fedora
        "/usr/local/share/hyphen",     // built from source
        "/opt/homebrew/share/hyphen",  // Homebrew on Apple silicon
        "/usr/share/myspell/dicts",    // older distributions
    };
    // a file name, never a path: strings files name patterns, not places
    if (file.empty() || file.find('/') != std::string_view::npos || file == "." || file == "..") return {};
    for (const char* folder : kFolders) {
        std::error_code ec;
        const std::filesystem::path path = std::filesystem::path(folder) / file;
        if (std::filesystem::is_regular_file(path, ec)) return path;
    }
    return {};
}

}  // namespace lerbrief::layout
