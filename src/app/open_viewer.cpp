#include "app/open_viewer.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string_view>
#include <vector>

#include "app/document_plan.h"
#include "app/paths.h"
#include "messages/watch.h"

namespace lerbrief {

namespace fs = std::filesystem;

namespace {


bool set(const char* name) {
    const char* v = std::getenv(name);
    return v && *v;
}

// xdg-open's path in PATH, when it is there and executable.
std::optional<std::string> find_xdg_open() {
    const char* path = std::getenv("PATH");
    if (!path) return std::nullopt;
    std::string_view rest = path;
    for (;;) {
        const auto colon = rest.find(':');
        std::string dir(rest.substr(0, colon));
        if (dir.empty()) dir = ".";
        const std::string candidate = (fs::path(dir) / "xdg-open").string();
        std::error_code ec;
        if (fs::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0) return candidate;
        if (colon == std::string_view::npos) return std::nullopt;
        rest.remove_prefix(colon + 1);
    }
}

}  // namespace

std::string main_output(const Options& o) {
    switch (o.mode) {
        case Mode::diagram:
            return o.diagram_path;
        case Mode::stakeholders: {
            const std::string id = o.stakeholders.empty() ? std::string() : o.stakeholders.front();
            if (o.output.empty()) return (fs::path("output") / "factsheets" / (id + ".pdf")).string();
            return o.stakeholders.size() == 1 ? o.output : (fs::path(o.output) / (id + ".pdf")).string();
        }
        default:
            return o.output.empty() ? kDefaultBookletPath : o.output;
    }
}

void open_in_viewer(const std::string& path, std::ostream& err) {
    const std::string shown = display_path(path);
    if (!set("DISPLAY") && !set("WAYLAND_DISPLAY")) {
        err << msg::no_viewer(msg::no_display(), shown) << '\n';
        return;
    }
    const auto xdg_open = find_xdg_open();
    if (!xdg_open) {
        err << msg::no_viewer(msg::no_xdg_open(), shown) << '\n';
        return;
    }
    // Everything the child needs is made before fork: after it, only
    // async-signal-safe calls. The child forks the viewer and exits at once,
    // so the viewer belongs to init and never waits as a zombie for us.
    std::string program = *xdg_open, file = fs::absolute(path).string();
    std::vector<char*> argv{program.data(), file.data(), nullptr};
    sigset_t none;  // --watch blocks SIGINT and SIGTERM; the viewer gets them back
    sigemptyset(&none);
    const pid_t child = ::fork();
    if (child < 0) {
        err << msg::no_viewer(msg::cannot_start(std::strerror(errno)), shown) << '\n';
        return;
    }
    if (child == 0) {
        if (::fork() != 0) ::_exit(0);
        ::setsid();
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        const int null = ::open("/dev/null", O_RDWR);
        if (null >= 0) {
            ::dup2(null, 0);
            ::dup2(null, 1);
            ::dup2(null, 2);
            if (null > 2) ::close(null);
        }
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
}

}  // namespace lerbrief
