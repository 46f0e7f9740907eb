#include "load/collate.h"

#include <dlfcn.h>
#include <unicode/ucol.h>
#include <unicode/uvernum.h>

#include <algorithm>
#include <cctype>
#include <array>
#include <cstdint>
#include <climits>
#include <string>

#include "messages/setup.h"
#include "model/markup.h"

namespace lerbrief::load {

namespace {

// ICU's collation library, loaded the first time a collator is made (dlopen),
// not when lerbrief starts: linked, it mapped and relocated 1.2 MB of
// libicui18n in every run, and most runs sort no glossary with it
// (sort_glossary). Its calls carry ICU's version in their names
// (ucol_open_72): the header's renaming gives them.
#define LERBRIEF_ICU_NAME(f) LERBRIEF_ICU_STRING(f)
#define LERBRIEF_ICU_STRING(f) #f

struct IcuCalls {
    decltype(&ucol_open) open = nullptr;
    decltype(&ucol_close) close = nullptr;
    decltype(&ucol_strcollUTF8) strcoll_utf8 = nullptr;
};

IcuCalls load_icu() {
    // never closed: a collator may be in use while the process exits
    void* lib = dlopen(LERBRIEF_ICU_I18N_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    if (!lib) lib = dlopen("libicui18n.so." LERBRIEF_ICU_NAME(U_ICU_VERSION_MAJOR_NUM), RTLD_NOW | RTLD_LOCAL);
    IcuCalls c;
    if (!lib) return c;
    c.open = reinterpret_cast<decltype(c.open)>(dlsym(lib, LERBRIEF_ICU_NAME(ucol_open)));
    c.close = reinterpret_cast<decltype(c.close)>(dlsym(lib, LERBRIEF_ICU_NAME(ucol_close)));
    c.strcoll_utf8 = reinterpret_cast<decltype(c.strcoll_utf8)>(dlsym(lib, LERBRIEF_ICU_NAME(ucol_strcollUTF8)));
    if (!c.open || !c.close || !c.strcoll_utf8) return {};
    return c;
}

#undef LERBRIEF_ICU_STRING
#undef LERBRIEF_ICU_NAME

// Null when ICU cannot be loaded: collators then order by code point.
const IcuCalls* icu() {
    static const IcuCalls calls = load_icu();
    return calls.open ? &calls : nullptr;
}

}  // namespace

void Collator::Close::operator()(UCollator* c) const noexcept { icu()->close(c); }

Collator::Collator(std::string_view locale) {
    const IcuCalls* calls = icu();
    if (!calls) return;  // code point order
    UErrorCode status = U_ZERO_ERROR;
    const std::string name(locale);  // NUL-terminated for ICU
    UCollator* c = calls->open(name.c_str(), &status);
    if (U_FAILURE(status)) {
        if (c) calls->close(c);
        return;  // code point order
    }
    coll_.reset(c);
}

int Collator::compare(std::string_view a, std::string_view b) const {
    if (coll_ && a.size() <= INT32_MAX && b.size() <= INT32_MAX) {
        UErrorCode status = U_ZERO_ERROR;
        const UCollationResult r = icu()->strcoll_utf8(coll_.get(), a.data(), static_cast<int32_t>(a.size()), b.data(),
                                                    static_cast<int32_t>(b.size()), &status);
        if (U_SUCCESS(status)) return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
    }
    return a.compare(b) < 0 ? -1 : a == b ? 0 : 1;  // UTF-8 bytes sort as code points
}

namespace {

// Printable ASCII in the root collation's order; a capital sorts with its
// small letter at the first level.
constexpr std::string_view kRootOrder = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz";

struct RootRanks {
    std::array<std::uint8_t, 128> rank{};
    RootRanks() {
        for (std::size_t i = 0; i < kRootOrder.size(); ++i) {
            const auto c = static_cast<unsigned char>(kRootOrder[i]);
            rank[c] = static_cast<std::uint8_t>(i + 1);
            if (c >= 'a' && c <= 'z') rank[c - 'a' + 'A'] = rank[c];
        }
    }
};

int sign(int v) { return v < 0 ? -1 : v > 0 ? 1 : 0; }

}  // namespace

bool is_printable_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c <= 0x7e; });
}

int compare_printable_ascii(std::string_view a, std::string_view b) {
    static const RootRanks ranks;
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {  // first level: letters whatever their case
        const int d = ranks.rank[static_cast<unsigned char>(a[i]) & 0x7f] - ranks.rank[static_cast<unsigned char>(b[i]) & 0x7f];
        if (d != 0) return sign(d);
    }
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    for (std::size_t i = 0; i < n; ++i)  // third level: the same letters, in another case
        if (a[i] != b[i]) return a[i] >= 'a' && a[i] <= 'z' ? -1 : 1;
    return 0;
}

bool orders_ascii_as_root(std::string_view locale) {
    const std::string_view language = locale.substr(0, 2);
    if (language != "en" && language != "es") return false;
    if (locale.size() == 2) return true;
    if (locale[2] != '-' && locale[2] != '_') return false;
    const std::string_view region = locale.substr(3);
    auto all = [&](int (*is)(int)) {
        return std::all_of(region.begin(), region.end(), [is](char c) { return is(static_cast<unsigned char>(c)) != 0; });
    };
    return (region.size() == 2 && all(isalpha)) || (region.size() == 3 && all(isdigit));
}

void sort_glossary(std::vector<GlossaryTerm>& glossary, const Strings& strings, Diagnostics& diags) {
    std::vector<std::pair<std::string, GlossaryTerm>> keyed;  // the term as read, once
    keyed.reserve(glossary.size());
    for (auto& g : glossary) keyed.emplace_back(plain_text(g.term.value), std::move(g));
    if (orders_ascii_as_root(strings.typography.collation) &&
        std::all_of(keyed.begin(), keyed.end(), [](const auto& k) { return is_printable_ascii(k.first); })) {
        std::stable_sort(keyed.begin(), keyed.end(),
                         [](const auto& x, const auto& y) { return compare_printable_ascii(x.first, y.first) < 0; });
    } else {
        if (!icu() && glossary.size() > 1) msg::no_collation_library(diags, LERBRIEF_ICU_I18N_LIBRARY);
        const Collator collator(strings.typography.collation);
        std::stable_sort(keyed.begin(), keyed.end(),
                         [&](const auto& x, const auto& y) { return collator.less(x.first, y.first); });
    }
    for (std::size_t i = 0; i < keyed.size(); ++i) glossary[i] = std::move(keyed[i].second);
}

}  // namespace lerbrief::load
