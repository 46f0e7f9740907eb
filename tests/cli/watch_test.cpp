// --watch and --open as a user meets them: lerbrief --watch runs in the
// background, rebuilds when a content file is saved (and says which), keeps
// the earlier file when a save breaks the content, and stops on Ctrl-C
// (SIGINT) leaving no temporary file; --open opens the file written with
// xdg-open, or says where it is when there is no desktop. No assertion on
// speed: each wait gives up after 60 s.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "support/support.h"

namespace t = lerbrief::test;
namespace fs = std::filesystem;

extern char** environ;

namespace {

constexpr auto kPatience = std::chrono::seconds(60);

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

// Waits until `ready` holds, at most kPatience; whether it did.
template <class F>
bool eventually(F ready) {
    const auto until = std::chrono::steady_clock::now() + kPatience;
    while (!ready()) {
        if (std::chrono::steady_clock::now() > until) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return true;
}

// lerbrief started in the background, its stdout and stderr in files.
class Background {
public:
    Background(const std::vector<std::string>& args, const fs::path& cwd) : out_(cwd / "stdout"), err_(cwd / "stderr") {
        std::vector<std::string> argv{t::binary().string()};
        argv.insert(argv.end(), args.begin(), args.end());
        std::vector<char*> cargs;
        for (auto& a : argv) cargs.push_back(a.data());
        cargs.push_back(nullptr);
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&fa, 1, out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        posix_spawn_file_actions_addopen(&fa, 2, err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const std::string dir = cwd.string();
        posix_spawn_file_actions_addchdir_np(&fa, dir.c_str());
        const int rc = posix_spawn(&pid_, cargs[0], &fa, nullptr, cargs.data(), environ);
        posix_spawn_file_actions_destroy(&fa);
        REQUIRE(rc == 0);
    }
    ~Background() {
        if (pid_ > 0) {  // a failed test: not left running
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
    }
    std::string out() const { return t::read_file(out_); }
    std::string err() const { return t::read_file(err_); }
    // Sends `sig` and waits for the exit: the status, 128+signal when killed, -1 when it never ended.
    int stop(int sig) {
        ::kill(pid_, sig);
        int status = 0;
        if (!eventually([&] { return ::waitpid(pid_, &status, WNOHANG) == pid_; })) return -1;
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }

private:
    fs::path out_, err_;
    pid_t pid_ = -1;
};

// Saves as editors do: a temporary file beside the target, renamed over it.
void save(const fs::path& file, const std::string& text) {
    const fs::path tmp = file.parent_path() / ("." + file.filename().string() + ".swp");
    t::write_file(tmp, text);
    fs::rename(tmp, file);
}

}  // namespace

TEST_CASE("watch: a save rebuilds, a broken save keeps the earlier file, Ctrl-C stops cleanly", "[watch]") {
    t::TempDir dir;
    t::copy_tree(t::source_dir() / "data", dir / "content");
    const fs::path sheet = dir / "out" / "employers.pdf";
    const fs::path yaml = dir / "content" / "stakeholders" / "employers.yaml";
    const std::string good = t::read_file(yaml);
    Background run({"--watch", "--data", "content", "--stakeholder", "employers", "--output", "out/employers.pdf"},
                   dir.path());
    auto wait_for = [&](auto ready) {
        if (!eventually(ready)) FAIL("gave up waiting; stdout:\n" << run.out() << "stderr:\n" << run.err());
    };
    wait_for([&] { return has(run.out(), "watching"); });
    CHECK(count(run.out(), "wrote out/employers.pdf") == 1);

    save(yaml, good + "\n");  // saved unchanged, as an editor may
    wait_for([&] { return count(run.out(), "wrote out/employers.pdf") == 2; });
    CHECK(has(run.out(), "— rebuilding (stakeholders/employers.yaml changed)\n"));
    const std::string second = t::read_file(sheet);

    save(yaml, good + "\n  - [unclosed\n");  // a mistake: errors, nothing written
    wait_for([&] { return has(run.err(), "nothing written"); });
    CHECK(has(run.err(), "employers.yaml:"));
    CHECK(t::read_file(sheet) == second);

    save(yaml, good);  // mended
    wait_for([&] { return count(run.out(), "wrote out/employers.pdf") == 3; });
    CHECK(count(run.out(), "— rebuilding") == 3);

    CHECK(run.stop(SIGINT) == 0);  // the last build succeeded
    std::vector<std::string> left;
    for (const auto& e : fs::directory_iterator(dir / "out")) left.push_back(e.path().filename().string());
    CHECK(left == std::vector<std::string>{"employers.pdf"});  // no temporary file
}

TEST_CASE("watch: --watch and --open with a mode that writes nothing are usage errors", "[watch]") {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"--check", "--watch"}, {"--list", "--watch"}, {"--check", "--open"}}) {
        auto r = t::run_lerbrief(args);
        CHECK(r.status == 2);
        CHECK(has(r.err, "goes with a build"));
        CHECK(r.out.empty());
    }
}

TEST_CASE("open: without a desktop, a note says where the file is, and the run succeeds", "[open]") {
    t::TempDir dir;
    auto r = t::run_lerbrief({"--diagram", (dir / "map.svg").string(), "--open"}, {},
                             {"DISPLAY=", "WAYLAND_DISPLAY="});
    CHECK(r.status == 0);
    CHECK(has(r.err, "--open: no desktop viewer (neither DISPLAY nor WAYLAND_DISPLAY is set); the file is at " +
                         (dir / "map.svg").string()));
    CHECK(fs::exists(dir / "map.svg"));
}

TEST_CASE("open: with a desktop, xdg-open is started on the file written", "[open]") {
    t::TempDir dir;
    const fs::path log = dir / "xdg-open.log";
    t::write_file(dir / "bin" / "xdg-open", "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"" + log.string() + ".tmp\"\nmv \"" +
                                                log.string() + ".tmp\" \"" + log.string() + "\"\n");
    fs::permissions(dir / "bin" / "xdg-open", fs::perms::owner_all);
    const char* path = std::getenv("PATH");
    auto r = t::run_lerbrief({"--stakeholder", "employers", "--open"}, dir.path(),
                             {"DISPLAY=:99", "PATH=" + (dir / "bin").string() + ":" + (path ? path : "/usr/bin:/bin")});
    CHECK(r.status == 0);
    CHECK_FALSE(has(r.err, "--open"));
    REQUIRE(eventually([&] { return fs::exists(log); }));  // detached: it may run after lerbrief exits
    CHECK(t::read_file(log) == (dir / "output" / "factsheets" / "employers.pdf").string() + "\n");
}
