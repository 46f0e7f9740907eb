// Diagnostics (model/diagnostic.h): a run keeps at most
// limits::kMaxDiagnostics of them and counts the rest, so that hostile
// content cannot make lerbrief hold (and print) an error per value it holds.
#include <catch2/catch.hpp>

#include <string>

#include "model/diagnostic.h"
#include "model/limits.h"

using lerbrief::Diagnostics;
using lerbrief::SourcePos;
namespace limits = lerbrief::limits;

TEST_CASE("diagnostics: past the limit they are counted, not kept, and one line says how many more") {
    Diagnostics d;
    const std::size_t n = limits::kMaxDiagnostics + 500;
    for (std::size_t i = 0; i < n; ++i) d.error(SourcePos{}, "error " + std::to_string(i));
    d.warning(SourcePos{}, "late warning");
    CHECK(d.items().size() == limits::kMaxDiagnostics);
    CHECK(d.items().back().message == "error " + std::to_string(limits::kMaxDiagnostics - 1));
    CHECK(d.error_count() == n);
    CHECK(d.warning_count() == 1);
    CHECK(d.has_errors());
    const std::string all = format_all(d);
    CHECK(all.rfind("lerbrief: error: error 0\n", 0) == 0);
    const std::string last = "lerbrief: 500 more errors and 1 more warning not shown (the first " +
                             std::to_string(limits::kMaxDiagnostics) + " are)\n";
    CHECK(all.size() > last.size());
    CHECK(all.substr(all.size() - last.size()) == last);

    // appended, the counts go along
    Diagnostics whole;
    whole.warning(SourcePos{}, "first");
    whole.append(d);
    CHECK(whole.error_count() == n);
    CHECK(whole.warning_count() == 2);
    CHECK(whole.items().size() == limits::kMaxDiagnostics);
}

TEST_CASE("diagnostics: under the limit every one is printed and no count line is added") {
    Diagnostics d;
    d.error(SourcePos{}, "one", "a hint");
    d.warning(SourcePos{}, "two");
    CHECK(format_all(d) == "lerbrief: error: one\nhint: a hint\nlerbrief: warning: two\n");
    CHECK(d.dropped() == 0);
}
