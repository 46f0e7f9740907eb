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
    CHECK(d.items().size() == limits::kMaxDiagnostics);
    CHECK(d.items().back().message == "error " + std::to_string(limits::kMaxDiagnostics - 1));
    CHECK(d.error_count() == n);
    CHECK(d.has_errors());
    const std::string all = format_all(d);
    CHECK(all.rfind("lerbrief: error: error 0\n", 0) == 0);
    const std::string last =
        "lerbrief: 500 more errors not shown (the first " + std::to_string(limits::kMaxDiagnostics) + " are)\n";
    REQUIRE(all.size() > last.size());
    CHECK(all.substr(all.size() - last.size()) == last);

    // appended, the counts go along
    Diagnostics whole;
    whole.warning(SourcePos{}, "first");
    whole.append(d);
    CHECK(whole.error_count() == n);
    CHECK(whole.warning_count() == 1);
    CHECK(whole.items().size() == limits::kMaxDiagnostics + 1);
}

TEST_CASE("diagnostics: errors and warnings have a limit each: an error after a thousand warnings is printed") {
    Diagnostics d;
    for (std::size_t i = 0; i <= limits::kMaxDiagnostics; ++i) d.warning(SourcePos{}, "placeholder " + std::to_string(i));
    d.error(SourcePos{}, "the sheet does not fit");
    CHECK(d.error_count() == 1);
    CHECK(d.warning_count() == limits::kMaxDiagnostics + 1);
    const std::string all = format_all(d);
    CHECK(all.find("lerbrief: error: the sheet does not fit\n") != std::string::npos);
    CHECK(all.find("lerbrief: 1 more warning not shown (the first " + std::to_string(limits::kMaxDiagnostics) +
                   " are)\n") != std::string::npos);
}

TEST_CASE("diagnostics: a warning given twice is counted once, past the limit too") {
    Diagnostics d;
    for (std::size_t i = 0; i < limits::kMaxDiagnostics; ++i) d.warning(SourcePos{}, "w " + std::to_string(i));
    d.warning(SourcePos{}, "w 0");  // kept before
    d.warning(SourcePos{}, "late");
    d.warning(SourcePos{}, "late");  // only counted, once
    CHECK(d.warning_count() == limits::kMaxDiagnostics + 1);
    Diagnostics other;
    other.append(d);
    other.append(d);  // the same again: nothing new
    CHECK(other.warning_count() == limits::kMaxDiagnostics + 1);
    CHECK(other.warnings_dropped() == 1);
}

TEST_CASE("diagnostics: under the limit every one is printed and no count line is added") {
    Diagnostics d;
    d.error(SourcePos{}, "one", "a hint");
    d.warning(SourcePos{}, "two");
    CHECK(format_all(d) == "lerbrief: error: one\nhint: a hint\nlerbrief: warning: two\n");
    CHECK(d.dropped() == 0);
}
