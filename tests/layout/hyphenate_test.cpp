// Hyphenation points from the system's en_US patterns (hyphen-en-us), with
// our rules on top. Expected splits were checked by hand against a
// dictionary's syllables; they are what hyph_en_US.dic 2.8.8 gives.
#include "layout/hyphenate.h"

#include <catch2/catch.hpp>
#include <cctype>
#include <string>
#include <thread>
#include <vector>

#include "load/strings_file.h"
#include "support/support.h"

using lerbrief::layout::default_hyphen_dictionary;
using lerbrief::layout::Hyphenator;

namespace {

// English as lerbrief sets it: the patterns and strings/en.yaml's exceptions.
const Hyphenator& en_us() {
    static const Hyphenator h = [] {
        lerbrief::Diagnostics d;
        const auto s = lerbrief::load::load_strings(lerbrief::test::source_dir() / "strings", "en-US", {}, d);
        return Hyphenator(default_hyphen_dictionary(s.typography.hyphenation), s.typography.hyphen_exceptions);
    }();
    return h;
}

// "hy-phen-ation": the word with '-' at every point (for readable failures).
std::string split(const std::string& word) {
    std::string out;
    std::size_t from = 0;
    for (int at : en_us().points(word)) {
        out += word.substr(from, static_cast<std::size_t>(at) - from) + "|";
        from = static_cast<std::size_t>(at);
    }
    return out + word.substr(from);
}

bool on_char_boundary(const std::string& word, int offset) {
    return offset > 0 && static_cast<std::size_t>(offset) < word.size() &&
           (static_cast<unsigned char>(word[static_cast<std::size_t>(offset)]) & 0xC0) != 0x80;
}

}  // namespace

TEST_CASE("the en_US dictionary is found and loads") {
    const auto path = default_hyphen_dictionary();
    REQUIRE_FALSE(path.empty());
    CHECK(path.filename() == "hyph_en_US.dic");
    CHECK_NOTHROW(Hyphenator(path));
}

TEST_CASE("a missing dictionary throws with its path") {
    try {
        Hyphenator h("/nonexistent/hyph_xx.dic");
        FAIL("no exception");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()) == "cannot load hyphenation patterns: /nonexistent/hyph_xx.dic");
    }
    CHECK_THROWS_AS(Hyphenator("/tmp"), std::runtime_error);  // a folder
}

TEST_CASE("known words split where the en_US patterns say") {
    CHECK(en_us().points("hyphenation") == std::vector<int>{2, 6});
    CHECK(split("hyphenation") == "hy|phen|ation");
    CHECK(split("credential") == "cre|den|tial");
    CHECK(split("employment") == "em|ploy|ment");
    CHECK(split("typesetting") == "type|set|ting");
    CHECK(split("organizations") == "or|ga|ni|za|tions");
    CHECK(split("interoperability") == "in|ter|op|er|abil|ity");
    CHECK(split("microcredential") == "mi|cro|cre|den|tial");
}

TEST_CASE("capitalised words (proper names) are not hyphenated") {
    // The patterns alone give "Foun-da-tion", "Brook-ings".
    CHECK(split("foundation") == "foun|da|tion");
    for (const char* word : {"Foundation", "Brookings", "Lumina", "Credentials", "(Foundation),", "\xE2\x80\x9C" "Foundation",
                             "Institution\xE2\x80\x99s"}) {
        INFO(word);
        CHECK(en_us().points(word).empty());
    }
    // An explicit hyphen still breaks: "Skills-|based".
    CHECK(split("Skills-based") == "Skills-|based");
}

TEST_CASE("the exceptions list overrides the patterns") {
    // Patterns alone: "re-search", "ca-reer", "equi-table".
    CHECK(split("research") == "research");
    CHECK(split("researchers") == "research|ers");
    CHECK(split("research\xE2\x80\x99s") == "research\xE2\x80\x99s");
    CHECK(split("(research),") == "(research),");
    CHECK(split("career") == "career");
    CHECK(split("careers") == "careers");
    CHECK(split("equitable") == "eq|ui|ta|ble");
    CHECK(split("inequitable") == "in|eq|ui|ta|ble");
    // The margins still apply to an exception: "eq-" keeps 2 letters, "-ble" 3.
    for (int at : en_us().points("equitable")) {
        CHECK(at >= 2);
        CHECK(at <= 6);
    }
    // Without a table (another language), the patterns decide.
    const Hyphenator plain(default_hyphen_dictionary());
    CHECK(plain.points("research") == std::vector<int>{2});
}

TEST_CASE("every break keeps 2 letters before it and 3 after, apostrophes aside") {
    for (const char* word :
         {"credential\xE2\x80\x99s", "organization's", "don't", "shouldn't", "learners\xE2\x80\x99", "employers'",
          "interoperability", "o'clock", "rock'n'roll", "accreditation", "unemployment", "ecosystems"}) {
        const std::string w = word;
        for (int at : en_us().points(w)) {
            int before = 0, after = 0;
            for (std::size_t i = static_cast<std::size_t>(at); i-- > 0 && std::isalpha(static_cast<unsigned char>(w[i]));)
                ++before;
            for (std::size_t i = static_cast<std::size_t>(at); i < w.size() && std::isalpha(static_cast<unsigned char>(w[i])); ++i)
                ++after;
            INFO(split(w));
            CHECK(before >= 2);
            CHECK(after >= 3);
        }
    }
}

TEST_CASE("surrounding punctuation is ignored and offsets account for it") {
    CHECK(split("(hyphenation),") == "(hy|phen|ation),");
    CHECK(split("\xE2\x80\x9C"
                "credential"
                "\xE2\x80\x9D.") ==
          "\xE2\x80\x9C"
          "cre|den|tial"
          "\xE2\x80\x9D.");
}

TEST_CASE("short words, acronyms, digits and inner punctuation are left alone") {
    for (const char* word :
         {"learn", "skill", "data", "a", "", "LERs", "LERS", "1EdTech", "EdTech", "HYPHENATION", "web3native",
          "2024", "and/or", "example.com", "someone@example", "hyphen_ation",
          "cred\xC2\xB2"
          "ential"}) {
        INFO(word);
        CHECK(en_us().points(word).empty());
    }
}

TEST_CASE("a word with explicit hyphens breaks only after them") {
    CHECK(split("skills-based") == "skills-|based");
    CHECK(split("skills-based,") == "skills-|based,");
    CHECK(split("employer-recognised-credential") == "employer-|recognised-|credential");
    CHECK(split("e-mail") == "e-|mail");
    CHECK(en_us().points("-based").empty());
    CHECK(en_us().points("pre-").empty());
    CHECK(en_us().points("2023-2024").empty());
}

TEST_CASE("margins below 2 letters are raised to 2, and the minimum length applies whatever the dictionary allows") {
    // A fixture dictionary that allows a break before every letter but 'a',
    // with libhyphen's own margins set to 1: a lone letter never ends or
    // starts a line, so 2 and 2 apply.
    const Hyphenator every(lerbrief::test::fixtures_dir() / "linebreak/every_letter.dic");
    CHECK(every.letters_before() == 2);
    CHECK(every.letters_after() == 2);
    CHECK(every.points("abcdefgh") == std::vector<int>{2, 3, 4, 5, 6});  // ab|c|d|e|f|gh
    CHECK(every.points("abcdef") == std::vector<int>{2, 3, 4});          // ab|c|d|ef
    CHECK(every.points("abcde").empty());                                // under 6 letters
    // é is two bytes: offsets after it move by one.
    CHECK(every.points("abcd\xC3\xA9"
                       "fgh") == std::vector<int>{2, 3, 4, 6, 7});
    // Apostrophes are not letters: "abcdef’s" keeps "ef’s" (2 letters) after its last break.
    CHECK(every.points("abcdef\xE2\x80\x99s") == std::vector<int>{2, 3, 4});
}

TEST_CASE("the English margins are the dictionary's 2 and 3") {
    CHECK(en_us().letters_before() == 2);
    CHECK(en_us().letters_after() == 3);
}

TEST_CASE("an 8-bit dictionary hyphenates ASCII words only") {
    const Hyphenator latin1(lerbrief::test::fixtures_dir() / "linebreak/latin1.dic");
    CHECK(latin1.points("abcdefgh") == std::vector<int>{2, 3, 4, 5, 6});
    CHECK(latin1
              .points("abcd\xC3\xA9"
                      "fgh")
              .empty());
}

TEST_CASE("non-ASCII words give offsets on character boundaries") {
    const std::string possessive = "credential\xE2\x80\x99s";  // credential’s
    CHECK(split(possessive) == "cre|den|tial\xE2\x80\x99s");
    for (int at : en_us().points(possessive)) CHECK(on_char_boundary(possessive, at));

    const std::string cooperation = "co\xC3\xB6peration";  // coöperation
    const auto points = en_us().points(cooperation);
    CHECK(points == std::vector<int>{7, 8});  // coöper-a-tion: offsets after the two-byte ö
    for (int at : points) CHECK(on_char_boundary(cooperation, at));
}

TEST_CASE("invalid UTF-8 and overlong words give no points") {
    CHECK(en_us()
              .points("hyphen\xFF"
                      "ation")
              .empty());
    CHECK(en_us().points("hyphen\xC3").empty());
    std::string huge;
    for (int i = 0; i < 40; ++i) huge += "hyphenation";
    CHECK(en_us().points(huge).empty());
}

TEST_CASE("one Hyphenator serves several threads") {
    const std::vector<std::string> words = {"hyphenation",   "credential", "interoperability",
                                            "organizations", "employment", "co\xC3\xB6peration",
                                            "skills-based"};
    std::vector<std::vector<int>> expected;
    for (const auto& w : words) expected.push_back(en_us().points(w));
    std::vector<int> mismatches(4, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int round = 0; round < 500; ++round)
                for (std::size_t i = 0; i < words.size(); ++i)
                    if (en_us().points(words[i]) != expected[i]) ++mismatches[static_cast<std::size_t>(t)];
        });
    for (auto& th : threads) th.join();
    CHECK(mismatches == std::vector<int>(4, 0));
}
