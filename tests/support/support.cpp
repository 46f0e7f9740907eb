#include "support/support.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

extern char** environ;

#include "model/cache_epoch.h"
#include "model/disk_cache.h"

namespace lerbrief::test {

fs::path source_dir() { return LERBRIEF_SOURCE_DIR; }
fs::path fixtures_dir() { return fs::path(LERBRIEF_TEST_DIR) / "fixtures"; }
fs::path binary() { return LERBRIEF_BINARY; }

fs::path website_dir() {
    fs::path p = fs::path(LERBRIEF_SHARED_DIR) / "ler-ecosystem-map-site";
    std::error_code ec;
    if (fs::exists(p / "_data" / "stakeholders-list.yml", ec)) return fs::canonical(p);
    return {};
}

RunResult run_program(const std::vector<std::string>& argv, const fs::path& cwd,
                      const std::vector<std::string>& env) {
    // stdout and stderr go to temporary files so a large output cannot block.
    TempDir tmp;
    fs::path out_path = tmp / "out", err_path = tmp / "err";

    std::vector<std::string> envs;
    for (char** e = environ; *e; ++e) envs.emplace_back(*e);
    for (const auto& e : env) {
        auto name = e.substr(0, e.find('=') + 1);
        std::erase_if(envs, [&](const std::string& x) { return x.rfind(name, 0) == 0; });
        envs.push_back(e);
    }
    std::vector<char*> cenv;
    for (auto& e : envs) cenv.push_back(e.data());
    cenv.push_back(nullptr);
    std::vector<std::string> args = argv;
    std::vector<char*> cargs;
    for (auto& a : args) cargs.push_back(a.data());
    cargs.push_back(nullptr);

    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&fa, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    fs::path dir = cwd.empty() ? source_dir() : cwd;
    std::string dirs = dir.string();
    posix_spawn_file_actions_addchdir_np(&fa, dirs.c_str());
    pid_t pid;
    int rc = posix_spawnp(&pid, cargs[0], &fa, nullptr, cargs.data(), cenv.data());
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) throw std::runtime_error("cannot start " + argv[0]);
    int status = 0;
    struct rusage usage {};
    wait4(pid, &status, 0, &usage);
    RunResult r;
    r.max_rss_kib = usage.ru_maxrss;
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = read_file(out_path);
    r.err = read_file(err_path);
    return r;
}

RunResult run_lerbrief(const std::vector<std::string>& args, const fs::path& cwd,
                       const std::vector<std::string>& env) {
    std::vector<std::string> argv{binary().string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_program(argv, cwd, env);
}

TempDir::TempDir() {
    static std::mt19937_64 rng{std::random_device{}()};
    fs::path base = fs::temp_directory_path();
    for (int i = 0; i < 100; ++i) {
        fs::path p = base / ("lerbrief-test-" + std::to_string(rng()));
        std::error_code ec;
        if (fs::create_directory(p, ec)) {
            path_ = p;
            return;
        }
    }
    throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir() {
    std::error_code ec;
    // Make read-only folders writable again so they can be removed.
    for (auto it = fs::recursive_directory_iterator(path_, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
        if (it->is_directory(ec)) fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path_, ec);
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_file(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << text;
}

void copy_tree(const fs::path& from, const fs::path& to) {
    fs::create_directories(to);
    fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

DiskCacheIn::DiskCacheIn() {
    disk_cache::use(folder.string(), "test");
    start_cache_epoch();
}

DiskCacheIn::~DiskCacheIn() { disk_cache::use("", ""); }

std::vector<fs::path> DiskCacheIn::entries(const std::string& ending) const {
    std::vector<fs::path> out;
    if (fs::exists(folder))
        for (const auto& e : fs::directory_iterator(folder))
            if (e.path().filename().string().ends_with(ending)) out.push_back(e.path());
    return out;
}

}  // namespace lerbrief::test
