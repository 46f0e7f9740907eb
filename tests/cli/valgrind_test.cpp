// Memcheck over a whole run (issue 7): `lerbrief --all` over the map
// website's data under valgrind --leak-check=full reports no error and no
// definite or indirect leak. Skipped when valgrind or the website data is
// absent, and in sanitizer builds (valgrind cannot run ASan binaries).
#include <catch2/catch.hpp>

#include "support/support.h"

namespace t = lerbrief::test;

TEST_CASE("valgrind: lerbrief --all over the website data has no memory error and no leak") {
#if defined(__SANITIZE_ADDRESS__)
    WARN("skipped: a sanitizer build (valgrind cannot run it)");
    return;
#else
    LERBRIEF_REQUIRE_WEBSITE(site);
    try {
        if (t::run_program({"valgrind", "--version"}).status != 0) throw std::runtime_error("no valgrind");
    } catch (const std::exception&) {
        WARN("skipped: valgrind is not installed (.ci/deps installs it)");
        return;
    }
    t::TempDir dir;
    // Definite and indirect leaks are errors; "possibly lost" and "still
    // reachable" are the caches fontconfig, glib and librsvg keep for the
    // life of the process.
    auto r = t::run_program({"valgrind", "--leak-check=full", "--errors-for-leak-kinds=definite,indirect",
                             "--show-leak-kinds=definite,indirect", "--error-exitcode=99", "-q",
                             "--soname-synonyms=somalloc=*jemalloc*",  // the executable's allocator, checked as malloc
                             t::binary().string(), "--all", "--data", site.string(), "--output",
                             (dir / "b.pdf").string()},
                            dir.path());
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.err.find("==") == std::string::npos);  // -q: valgrind prints only what it finds
#endif
}
