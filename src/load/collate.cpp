#include "load/collate.h"

#include <unicode/ucol.h>

#include <algorithm>
#include <climits>
#include <string>

#include "model/markup.h"

namespace lerbrief::load {

void Collator::Close::operator()(UCollator* c) const noexcept { ucol_close(c); }

Collator::Collator(std::string_view locale) {
    UErrorCode status = U_ZERO_ERROR;
    const std::string name(locale);  // NUL-terminated for ICU
    UCollator* c = ucol_open(name.c_str(), &status);
    if (U_FAILURE(status)) {
        if (c) ucol_close(c);
        return;  // code point order
    }
    coll_.reset(c);
}

int Collator::compare(std::string_view a, std::string_view b) const {
    if (coll_ && a.size() <= INT32_MAX && b.size() <= INT32_MAX) {
        UErrorCode status = U_ZERO_ERROR;
        const UCollationResult r = ucol_strcollUTF8(coll_.get(), a.data(), static_cast<int32_t>(a.size()), b.data(),
                                                    static_cast<int32_t>(b.size()), &status);
        if (U_SUCCESS(status)) return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
    }
    return a.compare(b) < 0 ? -1 : a == b ? 0 : 1;  // UTF-8 bytes sort as code points
}

void sort_glossary(std::vector<GlossaryTerm>& glossary, const Strings& strings) {
    const Collator collator(strings.typography.collation);
    std::vector<std::pair<std::string, GlossaryTerm>> keyed;  // the term as read, once
    keyed.reserve(glossary.size());
    for (auto& g : glossary) keyed.emplace_back(plain_text(g.term.value), std::move(g));
    std::stable_sort(keyed.begin(), keyed.end(),
                     [&](const auto& x, const auto& y) { return collator.less(x.first, y.first); });
    for (std::size_t i = 0; i < keyed.size(); ++i) glossary[i] = std::move(keyed[i].second);
}

}  // namespace lerbrief::load
