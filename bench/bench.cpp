// lerbrief's benchmark (docs/PERFORMANCE.md): runs the built lerbrief binary
// as a whole process over synthetic content of N groups and over the real
// website data, and prints a table of medians (ms per stage from
// --timings, pages, ms per page, bytes written, peak resident memory from
// wait4) and one JSON line per scenario. It measures; it never fails on
// speed. It fails (exit 1) only when a run did not succeed or produced no
// pages or no bytes — which is what the short mode in the test suite checks.
#include <fmt/format.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "synthetic.h"

namespace fs = std::filesystem;
using namespace lerbrief::bench;

namespace {

struct Config {
    std::string lerbrief = LERBRIEF_BENCH_BINARY;
    fs::path source = LERBRIEF_BENCH_SOURCE_DIR;
    fs::path work = "bench-work";
    fs::path website;  // empty: ../shared/ler-ecosystem-map-site when present
    std::vector<int> sizes{10, 100, 1000, 5000};
    int small_groups = 2000;  // the "small groups" scenario; 0: left out
    int runs = 5;
    bool short_mode = false;
};

struct Sample {
    double wall_ms = 0, maxrss_kb = 0, bytes = 0, pages = 0, files = 0;
    std::map<std::string, double> stages;  // --timings
};

struct Scenario {
    std::string name;
    std::vector<std::string> args;
    fs::path output;  // file or folder whose bytes are counted
    // Icons kept between runs (diagram/icon_cache.h): every scenario shares
    // one cache in the work folder, so that from its second run lerbrief
    // parses no icon; a cold scenario empties its own before each run.
    bool cold_icons = false;
};

std::string slurp(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}

double bytes_under(const fs::path& p) {
    std::error_code ec;
    if (fs::is_regular_file(p, ec)) return static_cast<double>(fs::file_size(p));
    double n = 0;
    if (fs::is_directory(p, ec))
        for (const auto& e : fs::recursive_directory_iterator(p))
            if (e.is_regular_file() && e.path().extension() == ".pdf") n += static_cast<double>(e.file_size());
    return n;
}

// Runs lerbrief once; stdout and stderr go to files in `work`.
Sample run_once(const Config& c, const Scenario& s) {
    std::error_code ec;
    fs::remove_all(s.output, ec);
    const fs::path out = c.work / "stdout.txt", err = c.work / "stderr.txt";
    const fs::path icons = c.work / (s.cold_icons ? "icon-cache-cold" : "icon-cache");
    if (s.cold_icons) fs::remove_all(icons, ec);
    std::vector<std::string> argv{c.lerbrief};
    argv.insert(argv.end(), s.args.begin(), s.args.end());
    argv.push_back("--timings");
    std::vector<char*> cargv;
    for (auto& a : argv) cargv.push_back(a.data());
    cargv.push_back(nullptr);

    const auto t0 = std::chrono::steady_clock::now();
    pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (o < 0 || e < 0) _exit(127);
        dup2(o, 1), dup2(e, 2);
        setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
        setenv("LERBRIEF_CACHE_DIR", icons.c_str(), 1);
        execv(cargv[0], cargv.data());
        _exit(127);
    }
    int status = 0;
    rusage ru{};
    if (wait4(pid, &status, 0, &ru) != pid) throw std::runtime_error("wait4 failed");
    const auto t1 = std::chrono::steady_clock::now();
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error(fmt::format("{}: lerbrief {} exited with status {}:\n{}", s.name,
                                             fmt::join(s.args, " "), WIFEXITED(status) ? WEXITSTATUS(status) : -1,
                                             slurp(err)));
    Sample r;
    r.wall_ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
    r.maxrss_kb = static_cast<double>(ru.ru_maxrss);
    r.bytes = bytes_under(s.output);
    std::istringstream so(slurp(out)), se(slurp(err));
    for (std::string line; std::getline(so, line);) {
        unsigned files = 0, pages = 0;
        if (std::sscanf(line.c_str(), "%u file%*[s], %u pages", &files, &pages) == 2 ||
            std::sscanf(line.c_str(), "%u file, %u pages", &files, &pages) == 2)
            r.files = files, r.pages = pages;
    }
    for (std::string line; std::getline(se, line);) {
        char name[64];
        double ms = 0;
        if (std::sscanf(line.c_str(), "timing: %63s %lf ms", name, &ms) == 2) r.stages[name] = ms;
    }
    if (r.pages < 1 || r.bytes < 1000)
        throw std::runtime_error(fmt::format("{}: no output ({} pages, {} bytes)", s.name, r.pages, r.bytes));
    return r;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

Sample median_of(const std::vector<Sample>& s) {
    auto med = [&](auto get) {
        std::vector<double> v;
        for (const auto& x : s) v.push_back(get(x));
        return median(v);
    };
    Sample m;
    m.wall_ms = med([](const Sample& x) { return x.wall_ms; });
    m.maxrss_kb = med([](const Sample& x) { return x.maxrss_kb; });
    m.bytes = med([](const Sample& x) { return x.bytes; });
    m.pages = med([](const Sample& x) { return x.pages; });
    m.files = med([](const Sample& x) { return x.files; });
    for (const auto& stage : s.front().stages) {
        const std::string& k = stage.first;  // a lambda may not capture a structured binding (clang 14)
        m.stages[k] = med([&](const Sample& x) { return x.stages.count(k) ? x.stages.at(k) : 0.0; });
    }
    return m;
}

std::string first_line_of(const fs::path& p, const std::string& key) {
    std::ifstream f(p);
    for (std::string line; std::getline(f, line);)
        if (line.rfind(key, 0) == 0) {
            auto c = line.find(':');
            std::string v = c == std::string::npos ? line : line.substr(c + 1);
            return v.erase(0, v.find_first_not_of(" \t"));
        }
    return "?";
}

void describe_machine(const Config& c) {
    utsname u{};
    uname(&u);
    double load[3] = {0, 0, 0};
    getloadavg(load, 3);
    std::cout << fmt::format("machine: {} ({} cores online), {}, {} {} {}\n",
                             first_line_of("/proc/cpuinfo", "model name"), sysconf(_SC_NPROCESSORS_ONLN),
                             first_line_of("/proc/meminfo", "MemTotal"), u.sysname, u.release, u.machine);
    std::cout << fmt::format("build: {} ({}), compiler {}\n", c.lerbrief, LERBRIEF_BENCH_BUILD_TYPE, __VERSION__);
    std::cout << fmt::format("load average at start: {:.2f} {:.2f} {:.2f}; {} runs each, medians\n", load[0], load[1],
                             load[2], c.runs);
}

double stage(const Sample& m, const std::string& k) { return m.stages.count(k) ? m.stages.at(k) : 0.0; }

void report(const Scenario& s, const Sample& m, const std::vector<Sample>& all) {
    const double layout = stage(m, "layout"), diagram = stage(m, "diagram"), render = stage(m, "render");
    std::cout << fmt::format("{:<22} {:>7.1f} {:>6.1f} {:>6.1f} {:>8.1f} {:>7.1f} {:>8.1f} {:>6.1f} {:>6.0f} {:>7.3f} {:>10.0f} {:>7.1f}\n",
                             s.name, m.wall_ms, stage(m, "load"), stage(m, "check"), layout, diagram, render,
                             stage(m, "write"), m.pages, m.wall_ms / m.pages, m.bytes, m.maxrss_kb / 1024);
    std::vector<double> walls;
    for (const auto& x : all) walls.push_back(x.wall_ms);
    std::string stages;
    for (const auto& [k, v] : m.stages) stages += fmt::format("{}\"{}\":{:.2f}", stages.empty() ? "" : ",", k, v);
    std::cout << fmt::format("json: {{\"scenario\":\"{}\",\"runs\":{},\"wall_ms\":{:.2f},\"wall_ms_runs\":[{:.2f}],"
                             "\"stages_ms\":{{{}}},\"pages\":{:.0f},\"files\":{:.0f},\"ms_per_page\":{:.4f},"
                             "\"bytes\":{:.0f},\"peak_rss_kib\":{:.0f}}}\n",
                             s.name, all.size(), m.wall_ms, fmt::join(walls, ","), stages, m.pages, m.files,
                             m.wall_ms / m.pages, m.bytes, m.maxrss_kb);
}

int usage() {
    std::cerr << "usage: lerbrief_bench [--short] [--runs R] [--sizes 10,100,…] [--small-groups N] [--work DIR] [--website DIR] "
                 "[--lerbrief PATH]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    Config c;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw std::invalid_argument(a + " needs a value");
            return argv[++i];
        };
        try {
            if (a == "--short") c.short_mode = true;
            else if (a == "--runs") c.runs = std::stoi(value());
            else if (a == "--work") c.work = value();
            else if (a == "--website") c.website = value();
            else if (a == "--lerbrief") c.lerbrief = value();
            else if (a == "--small-groups") c.small_groups = std::stoi(value());
            else if (a == "--sizes") {
                c.sizes.clear();
                std::stringstream ss(value());
                for (std::string n; std::getline(ss, n, ',');) c.sizes.push_back(std::stoi(n));
            } else return usage();
        } catch (const std::exception& e) {
            std::cerr << "lerbrief_bench: " << e.what() << '\n';
            return usage();
        }
    }
    if (c.short_mode) c.sizes = {10, 100}, c.small_groups = 0, c.runs = std::min(c.runs, 1);
    if (c.runs < 1) return usage();
    if (c.website.empty() && fs::is_directory(c.source / ".." / "shared" / "ler-ecosystem-map-site"))
        c.website = c.source / ".." / "shared" / "ler-ecosystem-map-site";
    try {
        fs::create_directories(c.work);
        c.work = fs::absolute(c.work);
        std::vector<Scenario> scenarios;
        for (int n : c.sizes) {
            const fs::path data = c.work / fmt::format("content-{}", n);
            write_synthetic_content(data, c.source / "data", {n, 1});
            const fs::path out = c.work / fmt::format("out-{}", n) / "booklet.pdf";
            scenarios.push_back({fmt::format("synthetic N={}", n), {"--booklet", "--data", data, "--output", out}, out});
        }
        if (c.small_groups > 0) {  // many groups with little text: memory and time per group
            const int n = c.small_groups;
            const fs::path data = c.work / fmt::format("content-small-{}", n);
            write_synthetic_content(data, c.source / "data", {n, 1, true});
            const fs::path out = c.work / fmt::format("out-small-{}", n) / "booklet.pdf";
            scenarios.push_back({fmt::format("small groups N={}", n), {"--booklet", "--data", data, "--output", out}, out});
        }
        {
            const fs::path out = c.work / "out-bundled";
            scenarios.push_back({"bundled --all", {"--all", "--output", out / "ler-briefing.pdf"}, out});
        }
        if (!c.website.empty()) {
            const std::string w = c.website.string();
            const fs::path out = c.work / "out-website";
            scenarios.push_back({"website booklet", {"--booklet", "--data", w, "--output", out / "booklet.pdf"}, out / "booklet.pdf"});
            scenarios.push_back({"website 1 fact sheet", {"--stakeholder", "employers", "--data", w, "--output", out / "employers.pdf"}, out / "employers.pdf"});
            scenarios.push_back({"website 1 sheet, cold", {"--stakeholder", "employers", "--data", w, "--output", out / "employers.pdf"}, out / "employers.pdf", true});
            scenarios.push_back({"website --all", {"--all", "--data", w, "--output", out / "all" / "ler-briefing.pdf"}, out / "all"});
        } else {
            std::cout << "website data not found (../shared/ler-ecosystem-map-site): its scenarios are skipped\n";
        }
        describe_machine(c);
        std::cout << fmt::format("{:<22} {:>7} {:>6} {:>6} {:>8} {:>7} {:>8} {:>6} {:>6} {:>7} {:>10} {:>7}\n", "scenario",
                                 "wall ms", "load", "check", "layout", "diagram", "render", "write", "pages", "ms/page",
                                 "bytes", "MiB");
        double last_pages = 0;
        for (const auto& s : scenarios) {
            std::vector<Sample> samples;
            for (int r = 0; r < c.runs; ++r) samples.push_back(run_once(c, s));
            const Sample m = median_of(samples);
            report(s, m, samples);
            std::cout.flush();
            // sanity: more groups, more pages (each group has a two-page fact sheet)
            if (s.name.rfind("synthetic", 0) == 0) {
                if (m.pages <= last_pages)
                    throw std::runtime_error(fmt::format("{}: {} pages, not more than the smaller content's {}", s.name,
                                                         m.pages, last_pages));
                last_pages = m.pages;
            }
        }
    } catch (const std::exception& e) {
        std::cerr << "lerbrief_bench: error: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
