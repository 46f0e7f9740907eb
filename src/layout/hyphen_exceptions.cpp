// The exceptions table (see hyphen_exceptions.h). Found by reviewing every
// hyphenated word of the bundled booklet and fact sheets and the website's
// (Letter and A4) against Merriam-Webster's syllables: the patterns gave
// "re-search", "ca-reer" and "equi-table", which read as other words.
#include "layout/hyphen_exceptions.h"

#include <array>

namespace lerbrief::layout {
namespace {

constexpr std::array<std::string_view, 12> kEnglish = {
    // "re-search" reads as searching again.
    "research", "researched", "research-er", "research-ers", "research-es", "research-ing",
    // "ca-reer" reads as the verb "career".
    "career", "careers",
    // "equi-table" reads as "equi table"; "eq-ui-ty" is the syllabification.
    "eq-ui-ta-ble", "in-eq-ui-ta-ble", "eq-ui-ty", "in-eq-ui-ty",
};

}  // namespace

std::span<const std::string_view> hyphen_exceptions(std::string_view language) {
    if (language == "en") return kEnglish;
    return {};
}

}  // namespace lerbrief::layout
