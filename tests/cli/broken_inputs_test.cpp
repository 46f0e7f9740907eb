// The table of broken inputs: each tests/fixtures/broken/*.case file names a
// content file to replace in a copy of the bundled content, the bytes to put
// there, and the exact stderr and exit status `lerbrief --check` must give.
// The contract (#13): each case runs through both `--check` and the build,
// which must give the same stderr and status, and --check writes nothing.
// A case whose args say --check is built with `--all --output OUT/b.pdf`
// instead; a case that builds (--all, --booklet, --kit) is checked with its mode
// replaced by --check. A case whose command cannot be checked that way
// (--stakeholder, --diagram, --init) says `build-only: yes`.
//
// Case file format (see tests/fixtures/broken/README.md):
//   # comment lines
//   file: stakeholders/employers.yaml     (relative to the content folder)
//   status: 1
//   escapes: yes                          (optional: \xHH and \r in the input are decoded)
//   fill: COUNT TEXT                      (optional: @FILL@ in the input becomes TEXT × COUNT;
//                                          \n in TEXT is a line break)
//   link: PATH TARGET                     (optional: a symbolic link PATH → TARGET in the content)
//   kind: directory | missing | file-for-folder | fifo  (optional: what to put at `file` instead)
//   blob: PATH BYTES                      (optional: a file of BYTES bytes at PATH in the content)
//   also: PATH                            (optional: the `--- also` section is written at PATH)
//   written: PATH                         (optional: a file the command must have written, relative to the test's folder)
//   build-only: yes                       (optional: the command is run as it is, not also as --check or a build)
//   --- input
//   …the file's new content…
//   --- also                              (with `also:` only)
//   …a second file's content, as is (a stakeholder naming an icon given as input)…
//   --- expected
//   …the exact stderr…
// Update the expected sections after a deliberate change of wording with
//   LERBRIEF_UPDATE_GOLDENS=1 build/test/tests/tests_cli "broken inputs*"
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <map>

#include "support/support.h"

namespace t = lerbrief::test;
namespace fs = std::filesystem;

namespace {

struct Case {
    std::map<std::string, std::string> header;
    std::string input, also, expected;
};

Case parse_case(const std::string& text) {
    Case c;
    enum { head, input, also, expected } part = head;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t nl = text.find('\n', i);
        std::string line = text.substr(i, nl == std::string::npos ? std::string::npos : nl - i);
        i = nl == std::string::npos ? text.size() : nl + 1;
        if (line == "--- input") {
            part = input;
            continue;
        }
        if (line == "--- also") {
            part = also;
            continue;
        }
        if (line == "--- expected") {
            part = expected;
            continue;
        }
        if (part == head) {
            if (line.empty() || line[0] == '#') continue;
            auto colon = line.find(':');
            c.header[line.substr(0, colon)] = line.substr(colon + 2);
        } else {
            (part == input ? c.input : part == also ? c.also : c.expected) += line + "\n";
        }
    }
    return c;
}

std::string decode_escapes(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 3 < s.size() && s[i + 1] == 'x') {
            out += static_cast<char>(std::stoi(s.substr(i + 2, 2), nullptr, 16));
            i += 3;
        } else if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == 'r') {
            out += '\r';
            ++i;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::string expand(std::string s, const std::string& key, const std::string& value) {
    for (auto p = s.find(key); p != std::string::npos; p = s.find(key, p + value.size())) s.replace(p, key.size(), value);
    return s;
}

// Every path under `dir` with its size: what a command wrote shows as a difference.
std::map<std::string, std::uintmax_t> tree(const fs::path& dir) {
    std::map<std::string, std::uintmax_t> out;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const auto st = it->symlink_status(ec);
        out[it->path().string()] = fs::is_regular_file(st) ? it->file_size(ec) : 0;
    }
    return out;
}

// The other side of the contract: the build for a --check command, the check for a build.
// Empty when the command is neither.
std::vector<std::string> counterpart(const std::vector<std::string>& args, const fs::path& out_dir) {
    std::vector<std::string> other;
    bool found = false;
    for (const auto& a : args) {
        if (a == "--check") {
            other.insert(other.end(), {"--all", "--output", (out_dir / "b.pdf").string()});
            found = true;
        } else if (a == "--all" || a == "--booklet" || a == "--kit") {
            other.push_back("--check");
            found = true;
        } else {
            other.push_back(a);
        }
    }
    return found ? other : std::vector<std::string>{};
}

bool is_check(const std::vector<std::string>& args) {
    return std::find(args.begin(), args.end(), "--check") != args.end();
}

}  // namespace

TEST_CASE("broken inputs: each case gives its exact message and exit status, and writes nothing") {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(t::fixtures_dir() / "broken"))
        if (e.path().extension() == ".case") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 40);
    const bool update = std::getenv("LERBRIEF_UPDATE_GOLDENS") != nullptr;
    for (const auto& f : files) {
        const std::string text = t::read_file(f);
        Case c = parse_case(text);
        DYNAMIC_SECTION(f.filename().string()) {
            t::TempDir dir;
            t::copy_tree(t::source_dir() / "data", dir / "content");
            const std::string target = c.header["file"];
            std::string bytes = c.input;
            if (c.header["escapes"] == "yes") bytes = decode_escapes(bytes);
            if (c.header.count("size")) bytes = std::string(std::stoul(c.header["size"]), 'x');
            if (c.header.count("fill")) {
                const std::string& fill = c.header["fill"];
                const auto sp = fill.find(' ');
                const std::string unit = expand(fill.substr(sp + 1), "\\n", "\n");
                std::string many;
                for (unsigned long k = std::stoul(fill.substr(0, sp)); k > 0; --k) many += unit;
                bytes = expand(bytes, "@FILL@", many);
            }
            for (const char* extra : {"link", "blob"}) {
                if (!c.header.count(extra)) continue;
                const std::string& h = c.header[extra];
                const auto sp = h.find(' ');
                const fs::path at = dir / "content" / h.substr(0, sp);
                fs::create_directories(at.parent_path());
                if (std::string(extra) == "link") {
                    fs::remove(at);  // a link in place of a bundled file
                    fs::create_symlink(h.substr(sp + 1), at);
                }
                else t::write_file(at, std::string(std::stoul(h.substr(sp + 1)), ' '));
            }
            if (c.header["kind"] == "directory") {
                fs::remove(dir / "content" / target);
                fs::create_directories(dir / "content" / target);
            } else if (c.header["kind"] == "file-for-folder") {
                fs::remove_all(dir / "content" / target);
                t::write_file(dir / "content" / target, bytes);
            } else if (c.header["kind"] == "fifo") {
                fs::remove(dir / "content" / target);
                REQUIRE(::mkfifo((dir / "content" / target).c_str(), 0644) == 0);
            } else if (c.header["kind"] == "missing") {
                fs::remove(dir / "content" / target);
            } else {
                t::write_file(dir / "content" / target, bytes);
            }
            if (c.header.count("also")) t::write_file(dir / "content" / c.header["also"], c.also);
            std::vector<std::string> args{"--check", "--data", "content"};
            if (c.header.count("args")) {
                args.clear();
                std::string a = expand(c.header["args"], "{dir}", dir.path().string());
                for (std::size_t p = 0; p < a.size();) {
                    auto sp = a.find(' ', p);
                    args.push_back(a.substr(p, sp == std::string::npos ? sp : sp - p));
                    p = sp == std::string::npos ? a.size() : sp + 1;
                }
            }
            const fs::path build_out = dir / "build-out";
            const bool build_only = c.header["build-only"] == "yes";
            const std::vector<std::string> other = build_only ? std::vector<std::string>{} : counterpart(args, build_out);
            INFO(f.filename().string());
            if (!build_only) REQUIRE_FALSE(other.empty());  // the case says what it runs
            // --check first: it must write nothing at all
            const auto& check_args = other.empty() || is_check(args) ? args : other;
            const auto before = tree(dir.path());
            auto r = t::run_lerbrief(check_args, dir.path());
            // messages naming a resolved icon path name the test's folder
            auto unfold = [&](std::string s) {
                for (const auto& d : {fs::canonical(dir.path()).string(), dir.path().string()}) s = expand(s, d, "{dir}");
                return s;
            };
            r.err = unfold(r.err);
            if (update) {
                auto at = text.find("--- expected\n");
                t::write_file(f, text.substr(0, at) + "--- expected\n" + r.err);
                continue;
            }
            CHECK(r.err == c.expected);
            CHECK(r.status == std::stoi(c.header["status"]));
            CHECK(r.status != 4);
            if (!build_only) CHECK(tree(dir.path()) == before);
            CHECK_FALSE(fs::exists(dir / "output"));
            if (other.empty()) {
                if (c.header.count("written")) CHECK(fs::exists(dir / c.header["written"]));
                continue;
            }
            // then the build: the same messages and status
            auto b = t::run_lerbrief(is_check(args) ? other : args, dir.path());
            INFO("the build: " + std::string(is_check(args) ? "--all --output build-out/b.pdf" : c.header["args"]));
            CHECK(unfold(b.err) == c.expected);
            CHECK(b.status == std::stoi(c.header["status"]));
            CHECK_FALSE(fs::exists(dir / "output"));
            if (c.header.count("written")) CHECK(fs::exists(dir / c.header["written"]));
            if (b.status != 0) CHECK_FALSE(fs::exists(build_out));
        }
    }
}
