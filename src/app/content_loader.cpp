#include "app/content_loader.h"

#include <filesystem>

#include "app/paths.h"
#include "load/load.h"
#include "load/strings_file.h"
#include "messages/website.h"

namespace lerbrief {

namespace {

// A website copy's introduction: its own intro.yaml (our schema) when a
// translated copy brings one; else the bundled one (same map, same text),
// in English. The site's own action-areas introduction, when it has one, is kept.
void website_intro(Content& c, const std::string& dir, const std::string& language, Diagnostics& diags) {
    std::error_code ec;
    const bool own = std::filesystem::is_regular_file(std::filesystem::path(dir) / "intro.yaml", ec);
    const Text site_areas_intro = c.intro.action_areas_intro;
    Diagnostics intro_diags;
    load::load_intro(own ? dir : bundled_data_dir(), c, intro_diags);
    if (!site_areas_intro.empty()) c.intro.action_areas_intro = site_areas_intro;
    diags.append(intro_diags);
    if (!own && !is_english(language)) msg::website_intro_in_english(diags, {dir, 0, 0}, language);
}

}  // namespace

Content load_for_job(const Options& options, Diagnostics& diags, Timings& timings) {
    const std::string dir = options.data_dir.empty() ? bundled_data_dir() : resolve_data_dir(options.data_dir);
    Content c = load::load_content(dir, diags, options.strict ? load::LintLevel::strict : load::LintLevel::warn);
    if (c.kind == SourceKind::website && !diags.has_errors()) {
        const std::string language = options.language.empty() ? c.meta.language : options.language;
        website_intro(c, dir, language, diags);
        // what the site does not say about itself, in the edition's language
        // (the strings file's own problems are reported when the job sets up)
        Diagnostics quiet;
        load::name_website(c, load::load_strings(strings_dir(), language, {}, quiet));
    }
    if (!options.base_url.empty()) c.meta.base_url = options.base_url;
    timings.mark("load");
    return c;
}

}  // namespace lerbrief
