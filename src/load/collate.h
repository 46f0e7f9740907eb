#pragma once
// Sorting text by a language's collation (ICU's, Typography::collation):
// Spanish "nube, ñandú, oro" (ñ a letter after n), accents a secondary
// difference ("arbol", "árbol", "arce"), capitals after small letters only
// when all else is equal.
//
// Contract
// - `Collator` owns one ICU collator (RAII over UCollator). A locale ICU
//   does not know gets ICU's root collation (the Unicode default order), as
//   ICU itself falls back; when ICU cannot open even that, compare() orders
//   by code point. Nothing throws except std::bad_alloc.
// - Threads: compare() is const; ICU's collators may compare from several
//   threads at once.
#include <memory>
#include <string_view>
#include <vector>

#include "model/content.h"
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

// The glossary in the language's alphabetical order of its terms (as
// printed, markup aside); terms that compare equal keep the file's order.
void sort_glossary(std::vector<GlossaryTerm>& glossary, const Strings& strings);

}  // namespace lerbrief::load
