// write_atomically (src/app/atomic_file.h): the target is replaced whole or
// not at all, and no temporary file outlives a write.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <set>

#include "app/atomic_file.h"
#include "support/support.h"

namespace t = lerbrief::test;
namespace fs = std::filesystem;
using lerbrief::write_atomically;

namespace {

std::set<std::string> names(const fs::path& dir) {
    std::set<std::string> s;
    for (const auto& e : fs::directory_iterator(dir)) s.insert(e.path().filename().string());
    return s;
}

// A process id that no longer exists: a child that has exited and been reaped.
pid_t dead_pid() {
    pid_t pid = fork();
    if (pid == 0) _exit(0);
    waitpid(pid, nullptr, 0);
    return pid;
}

}  // namespace

TEST_CASE("atomic file: replaces the target whole and leaves nothing else in the folder") {
    t::TempDir dir;
    const std::string target = (dir / "out" / "b.pdf").string();
    REQUIRE_FALSE(write_atomically(target, "first").failed());
    REQUIRE_FALSE(write_atomically(target, std::string(3 * 1024 * 1024, 'x')).failed());  // several write(2) steps
    CHECK(t::read_file(target) == std::string(3 * 1024 * 1024, 'x'));
    CHECK(names(dir / "out") == std::set<std::string>{"b.pdf"});
    CHECK((fs::status(target).permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read));
}

TEST_CASE("atomic file: a failure leaves the previous file and no temporary file") {
    t::TempDir dir;
    SECTION("the target is a folder") {
        fs::create_directories(dir / "b.pdf");
        const auto why = write_atomically((dir / "b.pdf").string(), "new");
        CHECK(why.message == "cannot write " + (dir / "b.pdf").string() + ": it is a directory, not a file lerbrief wrote");
        CHECK(why.hint == "lerbrief replaces only regular files; name another path");
        CHECK(names(dir.path()) == std::set<std::string>{"b.pdf"});
    }
    SECTION("the file grows past the size a process may write (as on a full disk)") {
        t::write_file(dir / "b.pdf", "old and complete");
        // In a child: RLIMIT_FSIZE makes write(2) fail with EFBIG part-way
        // through, as ENOSPC does on a full disk (SIGXFSZ ignored, as it
        // would kill the process instead).
        pid_t pid = fork();
        if (pid == 0) {
            signal(SIGXFSZ, SIG_IGN);
            rlimit lim{64 * 1024, 64 * 1024};
            setrlimit(RLIMIT_FSIZE, &lim);
            const auto why = write_atomically((dir / "b.pdf").string(), std::string(1024 * 1024, 'x'));
            _exit(why.message == "cannot write " + (dir / "b.pdf").string() + ": File too large" ? 0 : 1);
        }
        int status = 0;
        waitpid(pid, &status, 0);
        CHECK(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
        CHECK(t::read_file(dir / "b.pdf") == "old and complete");
        CHECK(names(dir.path()) == std::set<std::string>{"b.pdf"});
    }
}

TEST_CASE("atomic file: temporary files of dead runs are removed, those of live runs kept") {
    t::TempDir dir;
    const std::string dead = ".b.pdf.tmp-" + std::to_string(dead_pid()) + "-1";
    const std::string live = ".b.pdf.tmp-" + std::to_string(getppid()) + "-1";  // our parent is alive
    const std::string other = ".c.pdf.tmp-" + std::to_string(dead_pid()) + "-1";  // another target's
    for (const auto& n : {dead, live, other}) t::write_file(dir / n, "partial");
    REQUIRE_FALSE(write_atomically((dir / "b.pdf").string(), "new").failed());
    CHECK(names(dir.path()) == std::set<std::string>{"b.pdf", live, other});
}

TEST_CASE("atomic file: a set is renamed only when every file of it is ready") {
    t::TempDir dir;
    t::write_file(dir / "a.pdf", "old a");
    fs::create_directories(dir / "c.pdf");
    const std::string a = (dir / "a.pdf").string(), b = (dir / "sub" / "b.pdf").string(), c = (dir / "c.pdf").string();
    const auto refused = lerbrief::write_set_atomically({{a, "new a"}, {b, "new b"}, {c, "new c"}});
    CHECK(refused.error.message == "cannot write " + c + ": it is a directory, not a file lerbrief wrote");
    CHECK(refused.error.hint == "lerbrief replaces only regular files; name another path");
    CHECK(t::read_file(a) == "old a");
    CHECK(names(dir.path()) == std::set<std::string>{"a.pdf", "c.pdf"});  // b's folder is made only for the renames
    fs::remove(dir / "c.pdf");
    REQUIRE_FALSE(lerbrief::write_set_atomically({{a, "new a"}, {b, "new b"}, {c, "new c"}}).error.failed());
    CHECK(t::read_file(a) == "new a");
    CHECK(t::read_file(b) == "new b");
    CHECK(t::read_file(c) == "new c");
    CHECK(names(dir.path()) == std::set<std::string>{"a.pdf", "c.pdf", "sub"});
}

TEST_CASE("atomic file: a staged file is written as its bytes come and renamed with its set") {
    t::TempDir dir;
    t::write_file(dir / "a.pdf", "old a");
    const std::string a = (dir / "a.pdf").string(), m = (dir / "m.txt").string();
    std::string big;
    {
        lerbrief::StagedFile staged(a);
        for (int i = 0; i < 5000; ++i) {  // ~190 KB in small pieces, as libharu saves a PDF
            const std::string piece = "piece " + std::to_string(i) + " of the file\n";
            big += piece;
            REQUIRE_FALSE(staged.append(piece).failed());
        }
        REQUIRE_FALSE(staged.finish().failed());
        CHECK(t::read_file(a) == "old a");  // nothing replaced before the set is renamed
        CHECK(names(dir.path()) == std::set<std::string>{"a.pdf"});
        REQUIRE_FALSE(lerbrief::write_set_atomically({{a, {}, &staged}, {m, "manifest"}}).error.failed());
    }
    CHECK(t::read_file(a) == big);
    CHECK(t::read_file(m) == "manifest");
    CHECK(names(dir.path()) == std::set<std::string>{"a.pdf", "m.txt"});
}

TEST_CASE("atomic file: a staged file that is never renamed leaves the target and the folder as they were") {
    t::TempDir dir;
    t::write_file(dir / "a.pdf", "old a");
    {
        lerbrief::StagedFile staged((dir / "a.pdf").string());
        REQUIRE_FALSE(staged.append(std::string(200 * 1024, 'x')).failed());
        REQUIRE_FALSE(staged.finish().failed());
    }  // a later document failed: the set is dropped
    CHECK(t::read_file(dir / "a.pdf") == "old a");
    CHECK(names(dir.path()) == std::set<std::string>{"a.pdf"});
    SECTION("a target that is not a regular file is refused at the first byte") {
        fs::create_directories(dir / "c.pdf");
        lerbrief::StagedFile staged((dir / "c.pdf").string());
        const auto why = staged.append("%PDF");
        CHECK(why.message == "cannot write " + (dir / "c.pdf").string() + ": it is a directory, not a file lerbrief wrote");
    }
}

TEST_CASE("atomic file: the folders a staged file needs are made only when its set is renamed") {
    t::TempDir dir;
    const std::string a = (dir / "new" / "deeper" / "a.pdf").string();
    {
        lerbrief::StagedFile dropped(a);
        REQUIRE_FALSE(dropped.append("never renamed").failed());
        REQUIRE_FALSE(dropped.finish().failed());
    }
    CHECK(names(dir.path()).empty());  // a failed run leaves no new folder
    lerbrief::StagedFile staged(a);
    REQUIRE_FALSE(staged.append("renamed").failed());
    REQUIRE_FALSE(staged.finish().failed());
    CHECK(names(dir.path()).empty());
    REQUIRE_FALSE(lerbrief::write_set_atomically({{a, {}, &staged}}).error.failed());
    CHECK(t::read_file(a) == "renamed");
    CHECK(names(dir / "new" / "deeper") == std::set<std::string>{"a.pdf"});
}
