#include "render/tounicode.h"

#include <catch2/catch.hpp>

using lerbrief::render::tounicode_cmap;

TEST_CASE("ToUnicode CMap: runs within one high byte become bfrange, the rest bfchar", "[render][cmap]") {
    std::set<char32_t> codes{0x20, 0x21, 0x22, 0xE9, 0xFF, 0x100, 0x2014, 0x201C, 0x201D};
    std::string cmap = tounicode_cmap(codes);
    CHECK(cmap.find("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n") != std::string::npos);
    // 0xFF and 0x100 follow on but differ in the high byte: not one range.
    CHECK(cmap.find("2 beginbfrange\n<0020> <0022> <0020>\n<201C> <201D> <201C>\nendbfrange\n") !=
          std::string::npos);
    CHECK(
        cmap.find("4 beginbfchar\n<00E9> <00E9>\n<00FF> <00FF>\n<0100> <0100>\n<2014> <2014>\nendbfchar\n") !=
        std::string::npos);
    CHECK(cmap.find("cidrange") == std::string::npos);
    CHECK(cmap.find("/CMapType 2 def") != std::string::npos);
    CHECK(cmap.rfind("end\nend\n") == cmap.size() - 8);
}

TEST_CASE("ToUnicode CMap: at most 100 entries per block", "[render][cmap]") {
    std::set<char32_t> codes;
    for (char32_t c = 0x100; c < 0x100 + 2 * 250; c += 2) codes.insert(c);  // 250 lone codes
    std::string cmap = tounicode_cmap(codes);
    CHECK(cmap.find("100 beginbfchar") != std::string::npos);
    CHECK(cmap.find("50 beginbfchar") != std::string::npos);
    std::size_t blocks = 0;
    for (auto at = cmap.find("endbfchar"); at != std::string::npos; at = cmap.find("endbfchar", at + 1))
        ++blocks;
    CHECK(blocks == 3);
}
