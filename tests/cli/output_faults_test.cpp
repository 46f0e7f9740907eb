// Output is never lost (issue 7): a full disk, a read-only folder, a process
// killed while writing and two runs writing the same file at once each leave
// either the previous complete file or the new complete file, and no
// temporary file. The faults need things a sandbox may not allow (mount
// namespaces, another user, ptrace); each test says it is skipped when it
// cannot set its fault up.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "output_files.h"
#include "support/support.h"

namespace t = lerbrief::test;
namespace fs = std::filesystem;

extern char** environ;

using t::content_copy, t::listing, t::reference_output, t::tool_works;

namespace {

const std::string kOld = "%PDF-1.4 yesterday's handout, complete\n";

// Every regular file under `out` is the old file or one of the complete new
// ones; nothing else (no temporary file) is there.
void check_only_complete_files(const fs::path& out, const std::vector<std::map<std::string, std::string>>& news) {
    for (const auto& name : listing(out)) {
        INFO(name);
        if (fs::is_directory(out / name)) {
            CHECK(name == "factsheets");
            continue;
        }
        const std::string bytes = t::read_file(out / name);
        bool known = name == "b.pdf" && bytes == kOld;
        for (const auto& n : news) known = known || (n.count(name) && n.at(name) == bytes);
        CHECK(known);
    }
}

pid_t spawn_lerbrief(const std::vector<std::string>& args, const fs::path& log) {
    std::vector<std::string> argv{t::binary().string()};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> cargs;
    for (auto& a : argv) cargs.push_back(a.data());
    cargs.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    pid_t pid = -1;
    int rc = posix_spawn(&pid, cargs[0], &fa, nullptr, cargs.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    REQUIRE(rc == 0);
    return pid;
}

int wait_for(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

TEST_CASE("output faults: a full disk leaves the previous file and no temporary file") {
    if (!tool_works({"unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"})) {
        WARN("skipped: cannot mount a small tmpfs in a mount namespace here (needs root and unshare -m)");
        return;
    }
    t::TempDir dir;
    content_copy(dir, "content");
    const auto fresh = reference_output(dir, "content");
    // Room for the old file but not for the new booklet.
    const std::size_t room = std::max<std::size_t>(64 * 1024, fresh.at("b.pdf").size() / 2 / 4096 * 4096);
    fs::create_directories(dir / "disk");
    const std::string out = (dir / "disk").string();
    const std::string script =
        "mount -t tmpfs -o size=" + std::to_string(room) + " tmpfs '" + out + "' || exit 99\n" +
        "printf '%s' \"$OLD\" > '" + out + "/b.pdf'\n" +
        "'" + t::binary().string() + "' --all --data '" + (dir / "content").string() + "' --output '" + out +
        "/b.pdf' 2>&1\n" +
        "echo \"status=$?\"\n"
        "cd '" + out + "' && ls -A . && cat b.pdf\n";
    auto r = t::run_program({"unshare", "-m", "sh", "-c", script}, dir.path(), {"OLD=" + kOld});
    REQUIRE(r.status == 0);
    CHECK(r.out == "lerbrief: error: cannot write " + out + "/b.pdf: No space left on device\n"
                   "lerbrief: no file replaced; earlier output intact\n"
                   "status=3\n"
                   "b.pdf\n" + kOld);
}

TEST_CASE("output faults: a folder the run may not write in leaves the previous file") {
    t::TempDir dir;
    content_copy(dir, "content");
    fs::create_directories(dir / "out");
    t::write_file(dir / "out" / "b.pdf", kOld);
    std::vector<std::string> argv;
    if (::geteuid() == 0) {
        // root ignores permission bits: run as nobody, in a folder nobody may not write to
        if (!tool_works({"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "true"})) {
            WARN("skipped: running as root, and setpriv cannot switch to the user nobody here");
            return;
        }
        fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                        fs::perms::others_read | fs::perms::others_exec);
        argv = {"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
    }
    fs::permissions(dir / "out", fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                     fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
    argv.insert(argv.end(), {t::binary().string(), "--all", "--data", (dir / "content").string(), "--output",
                             (dir / "out" / "b.pdf").string()});
    auto r = t::run_program(argv, dir.path());
    CHECK(r.err == "lerbrief: error: cannot write in " + (dir / "out").string() + ": Permission denied\n"
                   "lerbrief: no file replaced; earlier output intact\n");
    CHECK(r.status == 3);
    CHECK(listing(dir / "out") == std::set<std::string>{"b.pdf"});
    CHECK(t::read_file(dir / "out" / "b.pdf") == kOld);
}

TEST_CASE("output faults: killed while writing, at each step, the previous or the new file stays, nothing else") {
    if (!tool_works({"strace", "-f", "-o", "/dev/null", "true"})) {
        WARN("skipped: strace cannot trace processes here (no ptrace)");
        return;
    }
    t::TempDir dir;
    content_copy(dir, "content");
    const auto fresh = reference_output(dir, "content");
    const fs::path out = dir / "out";
    // SIGKILL on entering the Nth write(2) (the booklet, ~230 KB, is written 64 KiB at
    // a time, so the second write is inside it), when naming the finished
    // temporary file (linkat) and on the rename itself.
    const std::vector<std::string> faults = {"write:signal=SIGKILL:when=1", "write:signal=SIGKILL:when=2",
                                             "write:signal=SIGKILL:when=6", "linkat:signal=SIGKILL",
                                             "rename:signal=SIGKILL"};
    for (const auto& fault : faults) {
        DYNAMIC_SECTION(fault) {
            fs::remove_all(out);
            t::write_file(out / "b.pdf", kOld);
            auto r = t::run_program({"strace", "-f", "-o", "/dev/null", "-e", "inject=" + fault, t::binary().string(),
                                     "--all", "--data", (dir / "content").string(), "--output", (out / "b.pdf").string()},
                                    // no icon cache: its writes and renames would be counted first
                                    dir.path(), {"ASAN_OPTIONS=detect_leaks=0", "LERBRIEF_CACHE_DIR="});
            CHECK(r.status == 128 + SIGKILL);
            if (fault.rfind("rename", 0) == 0) {
                // Killed at the first rename, when every file of the set is
                // complete and named as temporary: every target is as it was,
                // and the next run removes the temporary files.
                CHECK(t::read_file(out / "b.pdf") == kOld);
                for (const auto& name : listing(out)) {
                    INFO(name);
                    CHECK((name == "b.pdf" || name == "factsheets" || name.find(".tmp-") != std::string::npos));
                }
                CHECK(listing(out).size() > 2);
                auto again = t::run_lerbrief({"--all", "--data", (dir / "content").string(), "--output",
                                              (out / "b.pdf").string()});
                REQUIRE(again.status == 0);
                std::set<std::string> expected{"factsheets"};
                for (const auto& [name, bytes] : fresh) expected.insert(name);
                CHECK(listing(out) == expected);
            } else {
                check_only_complete_files(out, {fresh});
                CHECK(listing(out).count("b.pdf"));
            }
        }
    }
}

TEST_CASE("output faults: killed at random moments, the previous or the new file stays, nothing else") {
    t::TempDir dir;
    content_copy(dir, "content");
    const auto fresh = reference_output(dir, "content");
    const fs::path out = dir / "out";
    const std::vector<std::string> args{"--all", "--data", (dir / "content").string(), "--output", (out / "b.pdf").string()};
    // How long a whole run takes here, then kills spread over that time.
    auto start = std::chrono::steady_clock::now();
    REQUIRE(wait_for(spawn_lerbrief(args, dir / "log")) == 0);
    const auto whole = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
    std::mt19937 rng(7);
    for (int i = 0; i < 8; ++i) {
        fs::remove_all(out);
        t::write_file(out / "b.pdf", kOld);
        pid_t pid = spawn_lerbrief(args, dir / "log");
        std::this_thread::sleep_for(whole * (0.5 + 0.6 * std::uniform_real_distribution<>(0, 1)(rng)));
        ::kill(pid, SIGKILL);
        wait_for(pid);
        check_only_complete_files(out, {fresh});
    }
}

TEST_CASE("output faults: two runs writing the same files at once leave one complete set of files") {
    t::TempDir dir;
    content_copy(dir, "a");
    content_copy(dir, "b", "Another Briefing");
    const auto from_a = reference_output(dir, "a"), from_b = reference_output(dir, "b");
    REQUIRE(from_a.at("b.pdf") != from_b.at("b.pdf"));
    const fs::path out = dir / "out";
    for (int round = 0; round < 3; ++round) {
        fs::remove_all(out);
        t::write_file(out / "b.pdf", kOld);
        pid_t pa = spawn_lerbrief({"--all", "--data", (dir / "a").string(), "--output", (out / "b.pdf").string()},
                                  dir / "log-a");
        pid_t pb = spawn_lerbrief({"--all", "--data", (dir / "b").string(), "--output", (out / "b.pdf").string()},
                                  dir / "log-b");
        CHECK(wait_for(pa) == 0);
        CHECK(wait_for(pb) == 0);
        check_only_complete_files(out, {from_a, from_b});
        CHECK(listing(out).size() == from_a.size() + 1);  // every file, the factsheets folder, nothing more
        CHECK(t::read_file(out / "b.pdf") != kOld);
    }
}
