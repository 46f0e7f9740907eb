// Nothing replaced that is not ours (issue 14): --output and --diagram
// naming a named pipe, a device (through a link: /dev/null itself is never
// put at risk), a socket or a folder are refused with exit 3 and left as they
// were; temporary files of killed --diagram runs are removed by later runs.
#include <catch2/catch.hpp>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>

#include "output_files.h"
#include "support/support.h"

namespace t = lerbrief::test;
namespace fs = std::filesystem;

namespace {

struct stat stat_of(const fs::path& p, bool follow) {
    struct stat st {};
    REQUIRE((follow ? ::stat(p.c_str(), &st) : ::lstat(p.c_str(), &st)) == 0);
    return st;
}

// --output PATH for the booklet, or --diagram PATH.
t::RunResult write_to(const std::string& option, const fs::path& path) {
    if (option == "--diagram") return t::run_lerbrief({"--diagram", path.string()});
    return t::run_lerbrief({"--booklet", "--output", path.string()});
}

const char* const kOptions[] = {"--output", "--diagram"};

}  // namespace

TEST_CASE("output targets: a named pipe is refused and left as it was") {
    for (const std::string option : kOptions) {
        DYNAMIC_SECTION(option) {
            t::TempDir dir;
            const fs::path target = dir / (option == "--diagram" ? "d.png" : "b.pdf");
            REQUIRE(::mkfifo(target.c_str(), 0644) == 0);
            auto r = write_to(option, target);
            CHECK(r.err == "lerbrief: error: cannot write " + target.string() +
                               ": it is a named pipe (FIFO), not a file lerbrief wrote\n"
                               "hint: lerbrief replaces only regular files; name another path\n"
                               "lerbrief: no file replaced; earlier output intact\n");
            CHECK(r.status == 3);
            CHECK(S_ISFIFO(stat_of(target, false).st_mode));
            CHECK(t::listing(dir.path()) == std::set<std::string>{target.filename().string()});
        }
    }
}

TEST_CASE("output targets: a link to a device is refused, the link and the device stay") {
    const struct stat null_before = stat_of("/dev/null", false);
    REQUIRE(S_ISCHR(null_before.st_mode));
    for (const std::string option : kOptions) {
        DYNAMIC_SECTION(option) {
            t::TempDir dir;
            const fs::path target = dir / (option == "--diagram" ? "d.svg" : "b.pdf");
            fs::create_symlink("/dev/null", target);
            auto r = write_to(option, target);
            CHECK(r.err == "lerbrief: error: cannot write " + target.string() +
                               ": it is a symbolic link, not a file lerbrief wrote\n"
                               "hint: lerbrief replaces only regular files, never a link; remove the link or name "
                               "the file it points to\n"
                               "lerbrief: no file replaced; earlier output intact\n");
            CHECK(r.status == 3);
            CHECK(fs::is_symlink(target));
            CHECK(fs::read_symlink(target) == "/dev/null");
            const struct stat null_after = stat_of("/dev/null", false);
            CHECK(S_ISCHR(null_after.st_mode));
            CHECK(null_after.st_ino == null_before.st_ino);
            CHECK(null_after.st_rdev == null_before.st_rdev);
        }
    }
}

TEST_CASE("output targets: a socket or a folder is refused and left as it was") {
    for (const std::string option : kOptions) {
        DYNAMIC_SECTION(option) {
            t::TempDir dir;
            const fs::path sock = dir / (option == "--diagram" ? "s.pdf" : "s-b.pdf");
            int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
            REQUIRE(fd >= 0);
            sockaddr_un addr{};
            addr.sun_family = AF_UNIX;
            REQUIRE(sock.string().size() < sizeof addr.sun_path);
            std::strcpy(addr.sun_path, sock.c_str());
            REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
            auto r = write_to(option, sock);
            ::close(fd);
            CHECK(r.err.find(": it is a socket, not a file lerbrief wrote\n") != std::string::npos);
            CHECK(r.status == 3);
            CHECK(S_ISSOCK(stat_of(sock, false).st_mode));

            const fs::path folder = dir / "f.pdf";
            fs::create_directories(folder / "inside");
            r = write_to(option, folder);
            CHECK(r.err == "lerbrief: error: cannot write " + folder.string() +
                               ": it is a directory, not a file lerbrief wrote\n"
                               "hint: lerbrief replaces only regular files; name another path\n"
                               "lerbrief: no file replaced; earlier output intact\n");
            CHECK(r.status == 3);
            CHECK(t::listing(folder) == std::set<std::string>{"inside"});
        }
    }
}

TEST_CASE("output targets: temporary files of killed --diagram runs are removed by the next run") {
    t::TempDir dir;
    pid_t pid = fork();  // a process id that no longer exists
    if (pid == 0) _exit(0);
    waitpid(pid, nullptr, 0);
    const std::string dead = ".d.png.tmp-" + std::to_string(pid) + "-7";
    const std::string live = ".d.png.tmp-" + std::to_string(getppid()) + "-7";  // our parent is alive
    t::write_file(dir / dead, "half a PNG");
    t::write_file(dir / live, "a PNG being written");
    auto r = t::run_lerbrief({"--diagram", (dir / "d.png").string(), "--dpi", "50"});
    REQUIRE(r.status == 0);
    CHECK(t::listing(dir.path()) == std::set<std::string>{live, "d.png"});
}
