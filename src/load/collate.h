#pragma once
// Sorting text by a language's collation (ICU's, Typography::collation):
// Spanish "nube, ñandú, oro" (ñ a letter after n), accents a secondary
// difference ("arbol", "árbol", "arce"), capitals after small letters only
// when all else is equal.
//
// Contract
// - `Collator` owns one ICU collator (RAII over UCollator). A locale ICU
//   does not know gets ICU's root collation (the Unicode default order), as
//   ICU itself falls back; when ICU cannot open even that (or its library,
//   loaded with dlopen at the first collator, cannot be loaded), compare() orders
//   by code point. Nothing throws except std::bad_alloc.
// - Threads: compare() is const; ICU's collators may compare from several
//   threads at once.
#include <memory>
#include <string_view>
#include <vector>

#include "model/content.h"
#include "model/diagnostic.h"
#include "model/strings.h"

struct UCollator;  // ICU's (unicode/ucol.h stays out of our headers)

namespace lerbrief::load {

class Collator {
public:
    explicit Collator(std::string_view locale);
    // <0, 0, >0 as `a` sorts before, with or after `b` (UTF-8).
    int compare(std::string_view a, std::string_view b) const;
    bool less(std::string_view a, std::string_view b) const { return compare(a, b) < 0; }

private:
    struct Close {
        void operator()(UCollator* c) const noexcept;
    };
    std::unique_ptr<UCollator, Close> coll_;
};

// The order of text that is printable ASCII alone (U+0020-U+007E), as
// ICU's root collation gives it (Unicode's default order, at ICU's default
// strength): space, punctuation and symbols, digits, then letters, a word
// that begins another before it, and at the first letter that differs only
// in case the small one first. <0, 0, >0 as Collator::compare; for other
// text the answer is meaningless (see is_printable_ascii).
int compare_printable_ascii(std::string_view a, std::string_view b);
bool is_printable_ascii(std::string_view text);
// True when `locale`'s collation orders printable ASCII as the root does:
// "en" or "es", alone or with a region (two letters or three digits: en-US,
// es_419), nothing else (en-US-POSIX, an extension: ICU's collation).
// tests/load/collate_test.cpp checks those against ICU.
bool orders_ascii_as_root(std::string_view locale);

// The glossary in the language's alphabetical order of its terms (as
// printed, markup aside); terms that compare equal keep the file's order.
// When every term is printable ASCII and the language orders it as the root
// does (orders_ascii_as_root), the order is compare_printable_ascii's, and
// ICU's collator is not opened: it maps and touches 1.9 MB of ICU's
// libraries and data, 7 % of the map's --all.
// When ICU is needed and cannot be loaded, the glossary is in code point
// order, with a warning in `diags`.
void sort_glossary(std::vector<GlossaryTerm>& glossary, const Strings& strings, Diagnostics& diags);

}  // namespace lerbrief::load
