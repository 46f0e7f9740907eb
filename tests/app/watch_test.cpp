// The --watch loop (src/app/watch.h) with a stand-in build: what starts a
// build and what does not, how each rebuild is announced, and how the loop
// ends. The real builds are run in tests/cli/watch_test.cpp.
#include <catch2/catch.hpp>

#include <signal.h>

#include <sstream>
#include <string>
#include <vector>

#include "app/watch.h"
#include "support/support.h"

namespace t = lerbrief::test;
namespace fs = std::filesystem;
using lerbrief::ExitStatus;
using lerbrief::Options;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

// Saves as editors do: a temporary file beside the target, renamed over it.
void save(const fs::path& file, const std::string& text) {
    const fs::path tmp = file.parent_path() / ("." + file.filename().string() + ".swp");
    t::write_file(tmp, text);
    fs::rename(tmp, file);
}

// A content folder with a file at the top and one in a subfolder.
struct Folder {
    t::TempDir dir;
    Options options;
    Folder() {
        t::write_file(dir / "content" / "document.yaml", "title: x\n");
        t::write_file(dir / "content" / "stakeholders" / "employers.yaml", "id: employers\n");
        options.data_dir = (dir / "content").string();
        options.output = (dir / "out" / "b.pdf").string();
    }
    fs::path content() const { return dir / "content"; }
};

// Runs the loop with a build that counts and returns `statuses` in turn
// (the last one repeated); `step` acts after build n.
struct Run {
    std::ostringstream out, err;
    int builds = 0;
    ExitStatus result{};
};
Run run(const Options& o, int max_builds, const std::vector<ExitStatus>& statuses,
        const std::function<void(int)>& step) {
    Run r;
    lerbrief::WatchRun w;
    w.max_builds = max_builds;
    w.after_build = [&](int n, ExitStatus) { step(n); };
    r.result = lerbrief::watch(o, r.out, r.err, [&](std::ostream& out, std::ostream&) {
        const ExitStatus s = statuses[std::min<std::size_t>(r.builds, statuses.size() - 1)];
        ++r.builds;
        out << "build " << r.builds << "\n";
        return s;
    }, w);
    return r;
}

}  // namespace

TEST_CASE("watch: editors' temporary, swap and backup files and PDFs are no reason to build", "[watch]") {
    using lerbrief::ignored_name;
    for (const char* name : {".employers.yaml.swp", ".#employers.yaml", "employers.yaml~", "4913",
                             ".b.pdf.tmp-123-456", "employers.yaml.swp", "b.pdf", "B.PDF", ""})
        CHECK(ignored_name(name));
    for (const char* name : {"employers.yaml", "employers.svg", "picture.png", "attendees.csv", "4914"})
        CHECK_FALSE(ignored_name(name));
}

TEST_CASE("watch: the plan watches the content folder, the files named, and never the output folders", "[watch]") {
    Folder f;
    f.options.layout = (f.dir / "my-layout.yaml").string();
    f.options.event_file = (f.dir / "event" / "event.yaml").string();
    f.options.attendees_file = (f.dir / "event" / "people.csv").string();
    const auto plan = lerbrief::watch_plan(f.options);
    REQUIRE(plan.trees.size() == 1);
    CHECK(fs::path(plan.trees[0]) == f.content());
    REQUIRE(plan.files.size() == 3);
    CHECK(plan.files[0].name == "my-layout.yaml");
    CHECK(fs::path(plan.files[1].folder) == f.dir / "event");
    CHECK(plan.files[2].name == "people.csv");
    CHECK(std::count(plan.skipped.begin(), plan.skipped.end(), (f.dir / "out").string()) == 1);

    f.options.layout = "a4";  // lerbrief's own layout: not watched
    CHECK(lerbrief::watch_plan(f.options).files.size() == 2);
}

TEST_CASE("watch: a save in a subfolder rebuilds once, named, swap files and folders alike are ignored", "[watch]") {
    Folder f;
    auto r = run(f.options, 2, {ExitStatus::success}, [&](int n) {
        if (n == 1) {
            t::write_file(f.content() / ".employers.yaml.swp", "x");  // ignored
            t::write_file(f.content() / "stakeholders" / "employers.yaml~", "x");
            save(f.content() / "stakeholders" / "employers.yaml", "id: employers\nname: Employers\n");
        }
    });
    CHECK(r.builds == 2);
    CHECK(r.result == ExitStatus::success);
    CHECK(has(r.out.str(), "build 1\nwatching 2 folders for changes; Ctrl-C stops\n"));
    CHECK(has(r.out.str(), "— rebuilding (stakeholders/employers.yaml changed)\nbuild 2\n"));
    CHECK(r.err.str().empty());
}

TEST_CASE("watch: a new subfolder is watched from then on", "[watch]") {
    Folder f;
    auto r = run(f.options, 3, {ExitStatus::success}, [&](int n) {
        if (n == 1) fs::create_directory(f.content() / "icons");
        if (n == 2) t::write_file(f.content() / "icons" / "employers.svg", "<svg/>");
    });
    CHECK(r.builds == 3);
    CHECK(has(r.out.str(), "— rebuilding (icons changed)\nbuild 2\n"));
    CHECK(has(r.out.str(), "— rebuilding (icons/employers.svg changed)\nbuild 3\n"));
}

TEST_CASE("watch: what a build writes, even inside the content folder, starts no build", "[watch]") {
    Folder f;
    f.options.output = (f.content() / "out" / "b.pdf").string();
    fs::create_directories(f.content() / "out" / "factsheets");
    f.options.diagram_path = (f.content() / "map.svg").string();
    auto r = run(f.options, 2, {ExitStatus::success}, [&](int n) {
        if (n != 1) return;
        t::write_file(f.content() / "out" / "print-manifest.txt", "x");
        t::write_file(f.content() / "out" / "factsheets" / "employers.pdf", "x");
        t::write_file(f.content() / "map.svg", "<svg/>");  // the --diagram beside the content
        save(f.content() / "document.yaml", "title: y\n");
    });
    CHECK(r.builds == 2);
    CHECK(has(r.out.str(), "watching 2 folders"));  // the content and stakeholders/, not out/ nor out/factsheets/
    CHECK(has(r.out.str(), "— rebuilding (document.yaml changed)\n"));
}

TEST_CASE("watch: a failed build is followed by the next save's build", "[watch]") {
    Folder f;
    auto r = run(f.options, 2, {ExitStatus::content_error, ExitStatus::success}, [&](int n) {
        if (n == 1) save(f.content() / "document.yaml", "title: fixed\n");
    });
    CHECK(r.builds == 2);
    CHECK(r.result == ExitStatus::success);
}

TEST_CASE("watch: several files saved together make one build naming the first", "[watch]") {
    Folder f;
    auto r = run(f.options, 2, {ExitStatus::success}, [&](int n) {
        if (n != 1) return;
        save(f.content() / "document.yaml", "title: y\n");
        save(f.content() / "stakeholders" / "employers.yaml", "id: employers\n");
        t::write_file(f.content() / "stakeholders" / "funders.yaml", "id: funders\n");
    });
    CHECK(r.builds == 2);
    CHECK(count(r.out.str(), "— rebuilding") == 1);
    CHECK(has(r.out.str(), "— rebuilding (document.yaml and 2 more changed)\n"));
}

TEST_CASE("watch: the event file is watched by its name alone", "[watch]") {
    Folder f;
    t::write_file(f.dir / "event" / "event.yaml", "title: Convening\n");
    f.options.event_file = (f.dir / "event" / "event.yaml").string();
    auto r = run(f.options, 2, {ExitStatus::success}, [&](int n) {
        if (n != 1) return;
        t::write_file(f.dir / "event" / "notes.txt", "not an input");
        save(f.dir / "event" / "event.yaml", "title: Convening 2\n");
    });
    CHECK(r.builds == 2);
    CHECK(has(r.out.str(), "event.yaml changed)\n"));
    CHECK_FALSE(has(r.out.str(), "notes.txt"));
}

TEST_CASE("watch: SIGINT ends the loop with the last build's status, after the build it came in", "[watch]") {
    Folder f;
    auto r = run(f.options, 0, {ExitStatus::content_error}, [&](int) { ::raise(SIGINT); });
    CHECK(r.builds == 1);
    CHECK(r.result == ExitStatus::content_error);
    auto term = run(f.options, 0, {ExitStatus::success}, [&](int) { ::raise(SIGTERM); });
    CHECK(term.result == ExitStatus::success);
}

TEST_CASE("watch: a command line refused by the first build is not watched", "[watch]") {
    Folder f;
    auto r = run(f.options, 0, {ExitStatus::usage_error}, [&](int) {});
    CHECK(r.builds == 1);
    CHECK(r.result == ExitStatus::usage_error);
    CHECK_FALSE(has(r.out.str(), "watching"));
}
