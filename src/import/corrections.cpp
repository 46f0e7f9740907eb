// corrections.yaml (hand-written, in the target folder):
//   source: {name, repository, commit, date, license}
//   corrections: [{file, find, replace, why}]
#include <filesystem>

#include "import/import.h"
#include "load/contained.h"
#include "load/fields.h"

namespace lerbrief::import {

namespace fs = std::filesystem;
using load::Fields;
using load::Need;

Corrections read_corrections(const std::string& dir, Diagnostics& diags) {
    Corrections out;
    const std::string file = (fs::path(dir) / "corrections.yaml").string();
    if (!load::has_entry(file)) return out;
    out.present = true;
    auto root = load::read_content_file(dir, file, "corrections", diags);
    if (!root) return out;
    Fields f(*root, "", "corrections.yaml", {"source", "corrections"}, diags);
    if (const load::YNode* s = f.mapping("source", Need::optional)) {
        Fields sf(*s, "source", "source", {"name", "repository", "commit", "date", "license"}, diags);
        SourceBlock& b = out.source;
        if (auto t = sf.plain("name", Need::required)) b.name = *t;
        if (auto t = sf.plain("repository", Need::optional)) b.repository = *t;
        if (auto t = sf.plain("commit", Need::optional)) b.commit = *t;
        if (auto t = sf.plain("date", Need::optional)) b.date = *t;
        if (auto t = sf.plain("license", Need::optional)) b.license = *t;
        sf.finish();
    }
    load::each_mapping(f, "corrections", Need::optional, "a correction", {"file", "find", "replace", "why"},
                       [&](Fields& e, const load::YNode& n) {
                           Correction c;
                           c.pos = n.pos;
                           if (auto t = e.plain("file", Need::required)) c.file = *t;
                           // find and replace are matched against the written YAML as it
                           // is: never given typographic quotes
                           if (const load::YNode* fnd = e.node("find", Need::required))
                               if (auto t = load::as_text(*fnd, e.field("find"), diags)) c.find = t->value;
                           if (const load::YNode* r = e.node("replace", Need::required))
                               if (auto t = load::as_text(*r, e.field("replace"), diags)) c.replace = t->value;
                           if (auto t = e.text("why", Need::required)) c.why = t->value;
                           if (!c.file.empty() && !c.find.empty()) out.items.push_back(std::move(c));
                       });
    f.finish();
    return out;
}

}  // namespace lerbrief::import
