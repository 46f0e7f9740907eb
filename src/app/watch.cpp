#include "app/watch.h"

#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
#include <set>

#include "app/document_plan.h"
#include "app/paths.h"
#include "messages/watch.h"
#include "model/diagnostic.h"

#include "model/limits.h"

namespace lerbrief {

namespace fs = std::filesystem;

namespace {

constexpr uint32_t kMask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF |
                           IN_MOVE_SELF | IN_ONLYDIR;

// A path compared with others: absolute and normal, whether or not it exists.
std::string normal(const fs::path& p) {
    std::error_code ec;
    fs::path n = fs::weakly_canonical(fs::absolute(p, ec), ec);
    return (ec ? fs::absolute(p).lexically_normal() : n).string();
}

// --- signals -------------------------------------------------------------

volatile sig_atomic_t g_stop = 0;
extern "C" void on_stop_signal(int) { g_stop = 1; }

// SIGINT and SIGTERM blocked (a build is never cut short) and caught; `waiting`
// is the mask to wait with, in which they are not blocked. Restores both.
class StopSignals {
public:
    StopSignals() {
        g_stop = 0;
        struct sigaction sa {};
        sa.sa_handler = on_stop_signal;
        sigemptyset(&sa.sa_mask);
        ::sigaction(SIGINT, &sa, &old_int_);
        ::sigaction(SIGTERM, &sa, &old_term_);
        sigset_t block;
        sigemptyset(&block);
        sigaddset(&block, SIGINT);
        sigaddset(&block, SIGTERM);
        ::pthread_sigmask(SIG_BLOCK, &block, &old_mask_);
        waiting_ = old_mask_;
        sigdelset(&waiting_, SIGINT);
        sigdelset(&waiting_, SIGTERM);
    }
    ~StopSignals() {
        // One that came during the last build, when a test's build count ended the loop: taken, not left to
        // the restored handlers.
        sigset_t ours;
        sigemptyset(&ours);
        sigaddset(&ours, SIGINT);
        sigaddset(&ours, SIGTERM);
        const timespec zero{0, 0};
        while (::sigtimedwait(&ours, nullptr, &zero) > 0) {
        }
        ::pthread_sigmask(SIG_SETMASK, &old_mask_, nullptr);
        ::sigaction(SIGINT, &old_int_, nullptr);
        ::sigaction(SIGTERM, &old_term_, nullptr);
    }
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;
    const sigset_t* waiting() const { return &waiting_; }
    bool stopped() const { return g_stop != 0; }

private:
    struct sigaction old_int_ {}, old_term_ {};
    sigset_t old_mask_{}, waiting_{};
};

// --- inotify -------------------------------------------------------------

class Inotify {
public:
    Inotify() : fd_(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)), errno_(fd_ < 0 ? errno : 0) {}
    ~Inotify() {
        if (fd_ >= 0) ::close(fd_);
    }
    Inotify(const Inotify&) = delete;
    Inotify& operator=(const Inotify&) = delete;
    int fd() const { return fd_; }
    int init_errno() const { return errno_; }

private:
    int fd_;
    int errno_;
};

// One watched folder: every name in it (a folder of the content tree), or
// only some (the folder of a file named on the command line).
struct Watched {
    std::string folder;
    std::string shown;  // how a file in it is named in "rebuilding (…)": "stakeholders/" or its display path
    bool tree = false;
    std::set<std::string> names;  // when not `tree`: the file names that count
};

// The folders watched, kept in step with the plan and the disk by sync().
class Watches {
public:
    Watches(const Inotify& ino, WatchPlan plan) : ino_(ino), plan_(std::move(plan)) {
        for (const auto& s : plan_.skipped) skipped_.insert(normal(s));
        for (const auto& f : plan_.outputs) ignored_files_.insert(normal(f));
    }

    // Adds watches for the folders wanted now (new subfolders included) and
    // drops those of folders gone. Warnings go to `diags`, the limit's once.
    void sync(Diagnostics& diags) {
        std::map<std::string, Watched> wanted;  // by folder
        std::size_t budget = limits::kMaxWatchedFolders;
        for (const auto& f : plan_.files) {
            auto& w = wanted[f.folder];
            w.folder = f.folder;
            w.shown = display_path(f.folder);
            w.names.insert(f.name);
        }
        budget -= std::min(budget, wanted.size());
        for (const auto& root : plan_.trees) add_tree(root, wanted, budget, diags);
        std::map<int, Watched> now;
        for (auto& [folder, w] : wanted) {
            const int wd = ::inotify_add_watch(ino_.fd(), folder.c_str(), kMask);
            if (wd < 0) {
                if (!failed_.count(folder)) msg::cannot_watch_folder(diags, folder, std::strerror(errno), errno == ENOSPC);
                failed_.insert(folder);
                continue;
            }
            failed_.erase(folder);
            auto [it, fresh] = now.emplace(wd, w);
            if (!fresh) {  // one folder reached by two paths (a link)
                it->second.tree = it->second.tree || w.tree;
                it->second.names.insert(w.names.begin(), w.names.end());
            }
        }
        for (const auto& [wd, w] : by_wd_)
            if (!now.count(wd)) ::inotify_rm_watch(ino_.fd(), wd);
        by_wd_ = std::move(now);
    }

    std::size_t size() const { return by_wd_.size(); }

    // What an event is about, as "rebuilding (…)" names it; nullopt when it
    // is no reason to build. `resync`: the folders watched must be looked at again.
    std::optional<std::string> change(const inotify_event& e, bool& resync) const {
        if (e.mask & IN_IGNORED) {
            resync = true;
            return std::nullopt;
        }
        const auto it = by_wd_.find(e.wd);
        if (it == by_wd_.end()) return std::nullopt;
        const Watched& w = it->second;
        if (e.mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
            resync = true;
            return w.tree ? std::optional<std::string>(display_path(w.folder)) : std::nullopt;
        }
        if (e.len == 0) return std::nullopt;
        const std::string name = e.name;
        if (!w.tree && !w.names.count(name)) return std::nullopt;
        const fs::path full = fs::path(w.folder) / name;
        if (e.mask & IN_ISDIR) {
            if (!w.tree || name.front() == '.' || skipped_.count(normal(full))) return std::nullopt;
            resync = true;  // a new folder is watched, a gone one dropped
        } else if (ignored_name(name) || ignored_files_.count(normal(full))) {
            return std::nullopt;
        }
        return w.tree ? w.shown + name : display_path(full.string());
    }

private:
    // The folder `root` and its subfolders, in a stable order, as long as
    // the budget lasts; hidden folders and the output folders are left out.
    void add_tree(const std::string& root, std::map<std::string, Watched>& wanted, std::size_t& budget,
                  Diagnostics& diags) {
        std::error_code ec;
        if (!fs::is_directory(root, ec)) return;  // the loader says so at each build
        std::vector<fs::path> queue{fs::path(root)};
        for (std::size_t i = 0; i < queue.size(); ++i) {
            const fs::path& dir = queue[i];
            if (budget == 0) {
                if (!warned_limit_) msg::too_many_watched_folders(diags, root, limits::kMaxWatchedFolders);
                warned_limit_ = true;
                return;
            }
            --budget;
            auto& w = wanted[dir.string()];
            w.folder = dir.string();
            w.tree = true;
            const fs::path rel = dir.lexically_relative(root);
            w.shown = rel == "." || rel.empty() ? "" : rel.generic_string() + "/";
            std::vector<fs::path> subs;
            for (auto e = fs::directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
                 !ec && e != fs::directory_iterator(); e.increment(ec)) {
                const std::string name = e->path().filename().string();
                if (name.empty() || name.front() == '.' || !e->is_directory(ec) || e->is_symlink(ec)) continue;
                if (skipped_.count(normal(e->path()))) continue;
                subs.push_back(e->path());
            }
            std::sort(subs.begin(), subs.end());
            queue.insert(queue.end(), subs.begin(), subs.end());
        }
    }

    const Inotify& ino_;
    WatchPlan plan_;
    std::set<std::string> skipped_;        // normal paths of the output folders
    std::set<std::string> ignored_files_;  // normal paths of outputs that may land in a watched folder
    std::map<int, Watched> by_wd_;
    std::set<std::string> failed_;  // folders already warned about
    bool warned_limit_ = false;
};

void print(std::ostream& err, const Diagnostics& diags, bool color) {
    err << format_all(diags, color);
}

// Reads what the kernel has queued: the changes that count, in order, no
// name twice. `overflow`: the kernel dropped events (a change anyway).
void drain(const Inotify& ino, const Watches& w, std::vector<std::string>& changed, bool& overflow, bool& resync) {
    alignas(inotify_event) char buf[64 * 1024];
    for (;;) {
        const ssize_t n = ::read(ino.fd(), buf, sizeof buf);
        if (n <= 0) return;  // EAGAIN: nothing more for now
        for (ssize_t i = 0; i < n;) {
            const auto* e = reinterpret_cast<const inotify_event*>(buf + i);
            i += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
            if (e->mask & IN_Q_OVERFLOW) {
                overflow = resync = true;
                continue;
            }
            if (auto c = w.change(*e, resync); c && std::find(changed.begin(), changed.end(), *c) == changed.end())
                changed.push_back(std::move(*c));
        }
    }
}

// Waits for a change, then for `quiet` without one (at most kMaxDelay in
// all). nullopt when SIGINT or SIGTERM came instead.
std::optional<std::vector<std::string>> wait_for_change(const Inotify& ino, Watches& w, const StopSignals& signals,
                                                        std::chrono::milliseconds quiet, bool& resync) {
    using Clock = std::chrono::steady_clock;
    std::vector<std::string> changed;
    bool overflow = false;
    std::optional<Clock::time_point> first, last;
    for (;;) {
        if (signals.stopped()) return std::nullopt;
        timespec ts{};
        const timespec* timeout = nullptr;  // none: wait for the first change
        if (first) {
            const auto deadline = std::min(*last + quiet, *first + kMaxDelay);
            const auto left = std::chrono::duration_cast<std::chrono::nanoseconds>(deadline - Clock::now());
            if (left.count() <= 0) break;
            ts.tv_sec = static_cast<time_t>(left.count() / 1'000'000'000);
            ts.tv_nsec = static_cast<long>(left.count() % 1'000'000'000);
            timeout = &ts;
        }
        pollfd p{ino.fd(), POLLIN, 0};
        const int r = ::ppoll(&p, 1, timeout, signals.waiting());
        if (r < 0) {
            if (errno == EINTR) continue;  // a stop signal, seen above
            return std::nullopt;           // cannot happen with a valid descriptor
        }
        if (r == 0) continue;  // the quiet time passed: the deadline check breaks
        const std::size_t before = changed.size();
        const bool overflow_before = overflow;
        drain(ino, w, changed, overflow, resync);
        if (changed.size() != before || overflow != overflow_before) {
            last = Clock::now();
            if (!first) first = last;
        }
    }
    if (overflow) changed.clear();  // "files changed": the names seen are not all of them
    return changed;
}

}  // namespace

bool ignored_name(std::string_view name) {
    if (name.empty() || name.front() == '.') return true;  // .x.swp, .#x, .NAME.tmp-… (atomic_file.cpp)
    if (name.back() == '~') return true;                   // backup files
    if (name == "4913") return true;                       // vim's probe of the folder
    const auto ends = [&](std::string_view s) {
        if (name.size() < s.size()) return false;
        std::string tail(name.substr(name.size() - s.size()));
        std::transform(tail.begin(), tail.end(), tail.begin(), [](unsigned char c) { return std::tolower(c); });
        return tail == s;
    };
    return ends(".swp") || ends(".swx") || ends(".tmp") || ends(".pdf");
}

WatchPlan watch_plan(const Options& o) {
    WatchPlan plan;
    const std::string data = o.data_dir.empty() ? bundled_data_dir() : resolve_data_dir(o.data_dir);
    fs::path tree = fs::absolute(data).lexically_normal();
    if (!tree.has_filename() && tree.has_parent_path()) tree = tree.parent_path();  // "content/" is "content"
    plan.trees.push_back(tree.string());
    auto file = [&](const std::string& path) {
        if (path.empty()) return;
        const fs::path p = fs::absolute(path).lexically_normal();
        plan.files.push_back({p.parent_path().string(), p.filename().string()});
    };
    if (!o.layout.empty() && names_a_layout_file(o.layout)) file(o.layout);
    file(o.event_file);
    file(o.attendees_file);
    // Where the build writes: never watched, so writing never starts a build.
    const fs::path booklet = o.output.empty() ? fs::path(kDefaultBookletPath) : fs::path(o.output);
    plan.skipped.push_back(fs::path(kDefaultBookletPath).parent_path().string());
    plan.skipped.push_back((fs::path(kDefaultBookletPath).parent_path() / "factsheets").string());
    if (o.mode == Mode::stakeholders && !o.output.empty()) {
        plan.skipped.push_back(o.stakeholders.size() == 1 ? booklet.parent_path().string() : o.output);
    } else if (!o.output.empty()) {
        plan.skipped.push_back(booklet.parent_path().string());
        plan.skipped.push_back((booklet.parent_path() / "factsheets").string());
    }
    if (!o.diagram_path.empty()) plan.skipped.push_back(fs::path(o.diagram_path).parent_path().string());
    // Files written beside the content when an output folder is the content folder itself.
    if (!o.diagram_path.empty()) plan.outputs.push_back(o.diagram_path);
    plan.outputs.push_back((booklet.parent_path() / "print-manifest.txt").string());
    plan.outputs.push_back((booklet.parent_path() / "print-manifest.json").string());
    for (auto& s : plan.skipped)
        if (s.empty()) s = ".";
    return plan;
}

ExitStatus watch(const Options& o, std::ostream& out, std::ostream& err, const Build& build, const WatchRun& run) {
    Inotify ino;
    if (ino.fd() < 0) {
        Diagnostics diags;
        msg::cannot_watch_at_all(diags, std::strerror(ino.init_errno()));
        print(err, diags, o.color);
        return ExitStatus::io_error;
    }
    StopSignals signals;
    WatchPlan plan = watch_plan(o);
    Watches watches(ino, plan);
    // Watched before the first build, so a file saved while it runs starts the next.
    {
        Diagnostics diags;
        watches.sync(diags);
        print(err, diags, o.color);
    }
    int builds = 0;
    auto build_once = [&] {
        const ExitStatus s = build(out, err);
        ++builds;
        out.flush();
        err.flush();
        if (run.after_build) run.after_build(builds, s);
        return s;
    };
    ExitStatus status = build_once();
    if (status == ExitStatus::usage_error) return status;  // no save mends the command line
    out << msg::watching(watches.size()) << std::endl;
    for (;;) {
        if (run.max_builds > 0 && builds >= run.max_builds) return status;
        bool resync = false;
        auto changed = wait_for_change(ino, watches, signals, run.quiet, resync);
        if (!changed) return status;
        if (resync) {
            Diagnostics diags;
            watches.sync(diags);
            print(err, diags, o.color);
        }
        out << msg::rebuilding(*changed) << std::endl;
        status = build_once();
    }
}

}  // namespace lerbrief
