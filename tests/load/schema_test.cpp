// docs/schema/*.json, the editor schemas, held to what lerbrief reads: every
// bundled file (data/, layouts/, starter/) validates, a broken file fails
// naming its fields, and the keys the loader accepts in each mapping are
// exactly the properties of the schema there. The JSON side is checked by
// tests/load/schema_check.py with Debian's python3-jsonschema.
#include <catch2/catch.hpp>

#include <fstream>

#include "load/event_file.h"
#include "load/fields.h"
#include "load/layout_file.h"
#include "load/load.h"
#include "support/support.h"

namespace t = lerbrief::test;
namespace fs = std::filesystem;
using namespace lerbrief;

namespace {

constexpr const char* kPython = "/usr/bin/python3";

fs::path schema_dir() { return t::source_dir() / "docs/schema"; }
fs::path checker() { return t::source_dir() / "tests/load/schema_check.py"; }

std::vector<std::string> yaml_files_under(const fs::path& dir) {
    std::vector<std::string> files;
    for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it)
        if (it->path().extension() == ".yaml") files.push_back(it->path().string());
    std::sort(files.begin(), files.end());
    return files;
}

t::RunResult validate(const std::vector<std::string>& files) {
    std::vector<std::string> argv{kPython, checker().string(), "validate", schema_dir().string()};
    argv.insert(argv.end(), files.begin(), files.end());
    return t::run_program(argv);
}

std::ofstream* g_dump = nullptr;

void record(const std::string& file, const std::string& path, const std::vector<std::string>& known) {
    *g_dump << file << '\t' << path << '\t';
    for (std::size_t i = 0; i < known.size(); ++i) *g_dump << (i ? "," : "") << known[i];
    *g_dump << '\n';
}

}  // namespace

TEST_CASE("schema: every bundled content and layout file validates") {
    std::vector<std::string> files;
    for (const char* dir : {"data", "layouts", "starter"}) {
        auto more = yaml_files_under(t::source_dir() / dir);
        CHECK(!more.empty());
        files.insert(files.end(), more.begin(), more.end());
    }
    t::TempDir tmp;  // with-icon.yaml is a stakeholder file: give it that place
    fs::create_directories(tmp / "stakeholders");
    fs::copy_file(t::fixtures_dir() / "schema/with-icon.yaml", tmp / "stakeholders/with-icon.yaml");
    files.push_back((tmp / "stakeholders/with-icon.yaml").string());
    files.push_back((t::fixtures_dir() / "schema/event.yaml").string());
    auto r = validate(files);
    INFO(r.out << r.err);
    CHECK(r.status == 0);
    CHECK(r.out == "ok\n");
    CHECK(files.size() >= 20);
}

TEST_CASE("schema: a broken file fails, naming each field") {
    auto r = validate({(t::fixtures_dir() / "schema/broken/stakeholders/broken.yaml").string()});
    INFO(r.out << r.err);
    CHECK(r.status == 1);
    CHECK(r.out.find("broken.yaml: error: name: ['Broken', 'Group'] is not of type") != std::string::npos);
    CHECK(r.out.find("broken.yaml: error: quote: Additional properties are not allowed ('atribution' was unexpected)") !=
          std::string::npos);
    CHECK(r.out.find("2 problems\n") != std::string::npos);

    // A layout with a wrong length and an unknown style field.
    t::TempDir tmp;
    fs::create_directories(tmp / "layouts");
    t::write_file(tmp / "layouts/bad.yaml", "extends: letter\npage:\n  margins: {top: 2 furlongs}\n"
                                             "styles:\n  body: {sise: 10}\n");
    auto l = validate({(tmp / "layouts/bad.yaml").string()});
    INFO(l.out);
    CHECK(l.status == 1);
    CHECK(l.out.find("page.margins.top:") != std::string::npos);
    CHECK(l.out.find("'sise' was unexpected") != std::string::npos);
}

TEST_CASE("schema: the keys the loaders accept are the schemas' properties, mapping by mapping") {
    t::TempDir tmp;
    t::copy_tree(t::source_dir() / "starter", tmp / "content");
    fs::copy_file(t::fixtures_dir() / "schema/with-icon.yaml", tmp / "content/stakeholders/with-icon.yaml");
    fs::copy_file(t::fixtures_dir() / "schema/lers-explained.yaml", tmp / "content/lers-explained.yaml");
    const fs::path dump = tmp / "fields.tsv";
    {
        std::ofstream out(dump);
        g_dump = &out;
        load::set_fields_observer(record);
        Diagnostics d;
        load::load_ours((tmp / "content").string(), d);
        load::load_ours((t::source_dir() / "data").string(), d);
        load::load_layout("a4", (t::source_dir() / "layouts").string(), (t::source_dir() / "fonts").string(), d);
        load::read_event_file((t::fixtures_dir() / "schema/event.yaml").string(), d);
        load::set_fields_observer(nullptr);
        g_dump = nullptr;
        std::string said;
        for (const auto& x : d.items()) said += format(x) + "\n";
        INFO(said);
        CHECK(!d.has_errors());
    }
    auto r = t::run_program({kPython, checker().string(), "fields", schema_dir().string(), dump.string()});
    INFO(r.out << r.err);
    CHECK(r.status == 0);
    CHECK(r.out == "ok\n");

    // The check bites: a key the schema lacks, and a mapping it does not describe.
    t::write_file(tmp / "bad.tsv", (tmp / "content/stakeholders/colleges.yaml").string() + "\tquote\ttext,attribution,source\n" +
                                       (tmp / "content/document.yaml").string() + "\tcolophon\tnote\n");
    auto bad = t::run_program({kPython, checker().string(), "fields", schema_dir().string(), (tmp / "bad.tsv").string()});
    INFO(bad.out);
    CHECK(bad.status == 1);
    CHECK(bad.out.find("the loader accepts 'source' at 'quote' but stakeholder.schema.json has no such property") !=
          std::string::npos);
    CHECK(bad.out.find("reads a mapping at 'colophon' that document.schema.json does not describe") != std::string::npos);
}
