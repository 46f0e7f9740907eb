#pragma once
// Where a word may be hyphenated, from a libhyphen pattern dictionary
// (hyph_en_US.dic: Liang's TeX patterns converted for LibreOffice).
//
// Contract
// - `Hyphenator` owns one loaded dictionary (RAII over libhyphen's
//   HyphenDict). The constructor throws std::runtime_error naming the path
//   when the file cannot be read or parsed; nothing else throws except
//   std::bad_alloc.
// - `points(word)` returns byte offsets into `word`, ascending: the word may
//   be broken between word[0, off) and word[off, end). When word[off - 1] is
//   '-' the break is after an explicit hyphen and no hyphen is to be added;
//   otherwise the caller draws a hyphen at the end of the line.
// - Threads: one Hyphenator may be used from several threads at once.
//   hnj_hyphen_hyphenate2 (libhyphen 2.8.8) only reads the dictionary's
//   states, allocates its work buffers per call and keeps no static state;
//   `points` is const and touches nothing else. Do not destroy or move a
//   Hyphenator while another thread is using it.
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct _HyphenDict;  // libhyphen's dictionary (hyphen.h stays out of our headers)

namespace lerbrief::layout {

// Words shorter than this (in letters) are never hyphenated: a five-letter
// word split 2+3 saves little and reads badly.
inline constexpr int kMinHyphenWordLetters = 6;
// Letters kept on the line before a break ("hy-") and carried to the next line
// after it: the dictionary's LEFTHYPHENMIN and RIGHTHYPHENMIN, the language's
// own rule (hyph_en_US.dic: 2 and 3, TeX's English \lefthyphenmin and
// \righthyphenmin: "-ing" is fine, "-ly" is not; hyph_es_ES.dic: 2 and 2,
// "cre-den-cia-les"). A dictionary that sets none gets TeX's English 2 and 3;
// one that asks for fewer than 2 gets 2: a lone letter never ends or starts a
// line.
inline constexpr int kDefaultLettersBeforeHyphen = 2;
inline constexpr int kDefaultLettersAfterHyphen = 3;
inline constexpr int kMinLettersAroundHyphen = 2;
// Longer "words" are URLs, hashes or garbage: left alone.
inline constexpr std::size_t kMaxHyphenWordBytes = 256;

class Hyphenator {
public:
    // Loads a libhyphen .dic file, with `exceptions`: words the patterns
    // break badly, written the way TeX's \hyphenation{} takes them
    // ("re-search-er" breaks only at its hyphens; "career" never breaks),
    // matched against the lower-cased word without surrounding punctuation
    // and without an "’s" ending. The language's strings file lists them
    // (model/strings.h, Typography). Throws std::runtime_error with the path.
    explicit Hyphenator(const std::filesystem::path& dictionary, const std::vector<std::string>& exceptions = {});
    ~Hyphenator();
    Hyphenator(Hyphenator&&) noexcept;
    Hyphenator& operator=(Hyphenator&&) noexcept;
    Hyphenator(const Hyphenator&) = delete;
    Hyphenator& operator=(const Hyphenator&) = delete;

    // Byte offsets where `word` (UTF-8, one word, possibly with surrounding
    // punctuation such as "(credentials," which is ignored) may be broken.
    // Empty for: invalid UTF-8; words with digits or inner punctuation
    // ("and/or", "1EdTech", URLs); capitals after the first letter ("LERs",
    // "EdTech") or a capital first letter (proper names: "Foundation"; a
    // sentence's first word too); words under kMinHyphenWordLetters letters.
    // A word in the exceptions list breaks only where the list says. A word with an
    // explicit hyphen ("skills-based") breaks only after its hyphen(s).
    // Apostrophes (' and U+2019) may appear inside a word; the margins count
    // letters between apostrophes ("cre-den-tial’s", never "credenti-al’s").
    // Capitals are those of ASCII, Latin-1 and Latin Extended-A ("Árbol",
    // "Ñandú" are names or a sentence's first word); ¿ ¡ « » are punctuation.
    // Case is folded for ASCII only; other letters go to the patterns as they are.
    std::vector<int> points(std::string_view word) const;

    // The margins in force: letters kept before a break and carried after it.
    int letters_before() const { return before_; }
    int letters_after() const { return after_; }

private:
    struct Free {
        void operator()(_HyphenDict* dict) const noexcept;
    };
    std::unique_ptr<_HyphenDict, Free> dict_;
    // Exception word (lower case, no hyphens) → characters after which it may break.
    std::unordered_map<std::string, std::vector<std::size_t>> exceptions_;
    int before_ = kDefaultLettersBeforeHyphen, after_ = kDefaultLettersAfterHyphen;
};

// The pattern file `file` ("hyph_es_ES.dic") from the first of the places
// Debian, Fedora and Homebrew install them that has it; empty when none has,
// or when `file` is not a plain file name.
std::filesystem::path default_hyphen_dictionary(std::string_view file = "hyph_en_US.dic");

}  // namespace lerbrief::layout
