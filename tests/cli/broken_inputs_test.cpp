// The table of broken inputs: each tests/fixtures/broken/*.case file names a
// content file to replace in a copy of the bundled content, the bytes to put
// there, and the exact stderr and exit status `lerbrief --check` must give.
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
            auto r = t::run_lerbrief(args, dir.path());
            // messages naming a resolved icon path name the test's folder
            for (const auto& d : {fs::canonical(dir.path()).string(), dir.path().string()}) r.err = expand(r.err, d, "{dir}");
            if (update) {
                auto at = text.find("--- expected\n");
                t::write_file(f, text.substr(0, at) + "--- expected\n" + r.err);
                continue;
            }
            INFO(f.filename().string());
            CHECK(r.err == c.expected);
            CHECK(r.status == std::stoi(c.header["status"]));
            CHECK_FALSE(fs::exists(dir / "output"));
            if (c.header.count("written")) CHECK(fs::exists(dir / c.header["written"]));
        }
    }
}
