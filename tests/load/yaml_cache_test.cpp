// Parsed YAML kept between runs (load/yaml_cache.h): a file read again is the
// tree its parse made, every position in the path it is read by now; a file
// that said anything is parsed afresh each time; an entry that is not one
// the reader could have made is a miss, and is written again.
#include <catch2/catch.hpp>
#include <sys/stat.h>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "load/yaml_cache.h"
#include "load/yaml_tree.h"
#include "model/cache_epoch.h"
#include "model/disk_cache.h"
#include "model/limits.h"
#include "support/support.h"

using namespace lerbrief;
using namespace lerbrief::load;
namespace fs = std::filesystem;

namespace {

// Two trees alike in every node: kind, quoting, position (its path too), text.
bool same_tree(const YNode& a, const YNode& b) {
    if (a.kind != b.kind || a.plain != b.plain || a.scalar != b.scalar || a.pos.line != b.pos.line ||
        a.pos.col != b.pos.col || !(a.pos.file == b.pos.file) || a.items.size() != b.items.size() ||
        a.entries.size() != b.entries.size())
        return false;
    for (std::size_t i = 0; i < a.items.size(); ++i)
        if (!same_tree(a.items[i], b.items[i])) return false;
    for (std::size_t i = 0; i < a.entries.size(); ++i)
        if (!same_tree(a.entries[i].first, b.entries[i].first) || !same_tree(a.entries[i].second, b.entries[i].second))
            return false;
    return true;
}

std::size_t count_nodes(const YNode& n) {
    std::size_t c = 1;
    for (const auto& i : n.items) c += count_nodes(i);
    for (const auto& [k, v] : n.entries) c += count_nodes(k) + count_nodes(v);
    return c;
}

// The YAML files a run reads: the bundled content, strings and layouts, and
// the website's when the shared folder is there.
std::vector<fs::path> yaml_files() {
    std::vector<fs::path> out;
    std::vector<fs::path> roots = {test::source_dir() / "data", test::source_dir() / "strings",
                                   test::source_dir() / "layouts"};
    const fs::path site = test::source_dir() / ".." / "shared" / "ler-ecosystem-map-site" / "_data";
    if (fs::is_directory(site)) roots.push_back(site);
    for (const auto& root : roots)
        for (const auto& e : fs::recursive_directory_iterator(root))
            if (e.is_regular_file() && (e.path().extension() == ".yaml" || e.path().extension() == ".yml"))
                out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

const char* const kSample =
    "title: \"A quoted title\"\n"
    "groups:\n"
    "  - id: employers\n"
    "    name: Employers\n"
    "    bullets: [one, 'two', three]\n"
    "  - id: learners\n"
    "    empty:\n"
    "    text: |\n"
    "      Two lines,\n"
    "      kept.\n";

}  // namespace

TEST_CASE("yaml cache: every file a run reads is the same tree written out and read back", "[load][yaml]") {
    const auto files = yaml_files();
    REQUIRE(files.size() >= 10);
    std::size_t nodes = 0;
    for (const auto& f : files) {
        INFO(f.string());
        Diagnostics d;
        const auto parsed = read_yaml_file(f.string(), d);
        REQUIRE(parsed);
        const auto back = yaml_tree_from_text(yaml_tree_text(*parsed), f.string());
        REQUIRE(back);
        CHECK(same_tree(*parsed, *back));
        nodes += count_nodes(*parsed);
    }
    CHECK(nodes > 1000);
}

TEST_CASE("yaml cache: a file read again is its entry's tree, in the path it is read by now", "[load][yaml]") {
    test::DiskCacheIn cache;
    Diagnostics d;
    const auto first = read_yaml(kSample, "a/content.yaml", d);
    REQUIRE(first);
    CHECK(d.reports() == 0);
    REQUIRE(cache.entries(".yaml").size() == 1);
    const auto again = read_yaml(kSample, "a/content.yaml", d);
    REQUIRE(again);
    CHECK(same_tree(*first, *again));
    CHECK(d.reports() == 0);
    // the same bytes by another path: the positions name it
    const auto moved = read_yaml(kSample, "b/copy.yaml", d);
    REQUIRE(moved);
    CHECK(moved->get("title")->pos.file == std::string("b/copy.yaml"));
    CHECK(moved->get("groups")->items[1].get("text")->pos.line == 8);
    CHECK_FALSE(moved->get("title")->plain);
    CHECK(moved->get("groups")->items[1].get("empty")->is_null());
    CHECK(cache.entries(".yaml").size() == 1);

    // read from the entry, not parsed and stored again: the same file (a
    // store writes a new file and renames it over the entry)
    const fs::path entry = cache.entries(".yaml").front();
    struct stat before{}, after{};
    REQUIRE(::stat(entry.c_str(), &before) == 0);
    REQUIRE(read_yaml(kSample, "a/content.yaml", d));
    REQUIRE(::stat(entry.c_str(), &after) == 0);
    CHECK(after.st_ino == before.st_ino);
}

TEST_CASE("yaml cache: a mapping with an empty key is stored and read back", "[load][yaml]") {
    test::DiskCacheIn cache;
    const std::string yaml = "~: tilde\nplain: 1\n";
    Diagnostics d;
    const auto first = read_yaml(yaml, "k.yaml", d);
    REQUIRE(first);
    REQUIRE(d.reports() == 0);
    const auto back = yaml_tree_from_text(yaml_tree_text(*first), "k.yaml");
    REQUIRE(back);
    CHECK(same_tree(*first, *back));
}

TEST_CASE("yaml cache: a file that says anything is never stored, and says it again", "[load][yaml]") {
    test::DiskCacheIn cache;
    const std::string warns = "a: 1\ntext: #1 in the state\nc: 2\n";
    Diagnostics first;
    REQUIRE(read_yaml(warns, "w.yaml", first));
    REQUIRE(first.warning_count() == 1);
    CHECK(cache.entries(".yaml").empty());
    // the same Diagnostics: the warning is repeated (kept once), still not stored
    REQUIRE(read_yaml(warns, "w.yaml", first));
    CHECK(first.warning_count() == 1);
    CHECK(cache.entries(".yaml").empty());
    Diagnostics second;
    REQUIRE(read_yaml(warns, "w.yaml", second));
    CHECK(second.warning_count() == 1);

    const std::string broken = "a: 1\na: 2\n";
    for (int i = 0; i < 2; ++i) {
        Diagnostics d;
        CHECK_FALSE(read_yaml(broken, "e.yaml", d));
        CHECK(d.error_count() == 1);
    }
    CHECK(cache.entries(".yaml").empty());
}

TEST_CASE("yaml cache: an entry that is not one the reader could have made is parsed afresh and rewritten",
          "[load][yaml]") {
    test::DiskCacheIn cache;
    Diagnostics d;
    const auto parsed = read_yaml(kSample, "s.yaml", d);
    REQUIRE(parsed);
    REQUIRE(cache.entries(".yaml").size() == 1);
    const fs::path entry = cache.entries(".yaml").front();
    const std::string good = test::read_file(entry);
    const std::string tree = yaml_tree_text(*parsed);
    REQUIRE(good.ends_with(tree));
    // an entry of this program for the sample's bytes holding `t`, named by its hash
    const std::string stamp = good.substr(0, good.find("\nyaml ") + 1);
    auto with_tree = [&](const std::string& t) {
        return stamp + fmt::format("yaml {} {:016x}\n", std::string_view(kSample).size(), disk_cache::hash64(t)) +
               kSample + "\n" + t;
    };
    REQUIRE(with_tree(tree) == good);

    // a tree nested past the reader's depth: a list in each list
    auto nested = [&](std::string t) {
        std::string s;
        for (int i = 0; i < 40; ++i) s += "lp1 1 1\n";
        return s + t;
    };
    const std::vector<std::pair<std::string, std::string>> damaged = {
        {"cut short", good.substr(0, good.size() - 3)},
        {"a byte more", good + "x"},
        {"empty", ""},
        {"another program", "lerbrief yaml cache 1\nstamp another\n" + good.substr(good.find('\n', 22) + 1)},
        {"another kind", "lerbrief icon cache 2\n" + good.substr(22)},
        {"another file's bytes", [&] {
             std::string s = good;
             s.replace(s.find("A quoted"), 1, "B");
             return s;
         }()},
        {"a text changed in the tree", [&] {
             std::string s = good;  // the same length: a tree still, with another word
             s.replace(s.rfind("Employers"), 9, "Employees");
             return s;
         }()},
        {"another tree hash", [&] {
             std::string s = good;
             const auto at = s.find("\nyaml ") + 6;
             const auto hash = s.find(' ', at) + 1;
             s[hash] = s[hash] == '0' ? '1' : '0';
             return s;
         }()},
        {"a kind no node has", with_tree("x" + tree.substr(1))},
        {"a quoting no node has", with_tree(tree.substr(0, 1) + "z" + tree.substr(2))},
        {"a count one more", [&] {
             std::string t = tree;  // the first list's size, one more
             const auto at = t.find("\nlp") + 1;
             const auto end = t.find('\n', at), space = t.rfind(' ', end);
             return with_tree(t.replace(space + 1, end - space - 1, std::to_string(std::stoul(t.substr(space + 1)) + 1)));
         }()},
        {"nested too deep", with_tree(nested("sp1 1 1\nx\n"))},
        {"a null root", with_tree("np1 1 0\n")},
        {"a list key", with_tree("mp1 1 1\nlp1 1 0\nsp1 1 1\nx\n")},
        {"a line past any file", with_tree("sp99999999999 1 1\nx\n")},
        {"a text without its newline", with_tree("sp1 1 1\nx")},
    };
    for (const auto& [what, bytes] : damaged) {
        INFO(what);
        test::write_file(entry, bytes);
        Diagnostics again;
        const auto read = read_yaml(kSample, "s.yaml", again);
        REQUIRE(read);
        CHECK(same_tree(*parsed, *read));
        CHECK(test::read_file(entry) == good);
    }
}

TEST_CASE("yaml cache: only a build's first files use the folder, a new build's first files again", "[load][yaml]") {
    test::DiskCacheIn cache;
    auto file = [](std::size_t i) { return "n: " + std::to_string(i) + "\n"; };
    for (std::size_t i = 0; i < limits::kMaxYamlCachedFiles + 10; ++i) {
        Diagnostics d;
        REQUIRE(read_yaml(file(i), "f.yaml", d));
    }
    CHECK(cache.entries(".yaml").size() == limits::kMaxYamlCachedFiles);
    // the same build: a file past the first is neither stored nor found
    Diagnostics d;
    REQUIRE(read_yaml(file(0), "f.yaml", d));
    CHECK(cache.entries(".yaml").size() == limits::kMaxYamlCachedFiles);
    start_cache_epoch();
    REQUIRE(read_yaml(file(limits::kMaxYamlCachedFiles + 20), "f.yaml", d));
    CHECK(cache.entries(".yaml").size() == limits::kMaxYamlCachedFiles + 1);
}
