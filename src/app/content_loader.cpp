#include "app/content_loader.h"

#include "app/paths.h"
#include "load/load.h"

namespace lerbrief {

Content load_for_job(const Options& options, Diagnostics& diags, Timings& timings) {
    const std::string dir = options.data_dir.empty() ? bundled_data_dir() : resolve_data_dir(options.data_dir);
    Content c = load::load_content(dir, diags, options.strict ? load::LintLevel::strict : load::LintLevel::warn);
    if (c.kind == SourceKind::website && !diags.has_errors()) {
        // The site's pages hold no introduction: the bundled one (same map,
        // same text) stands in, but the site's own action-areas
        // introduction, when it has one, is kept.
        Diagnostics intro_diags;
        const Text site_areas_intro = c.intro.action_areas_intro;
        load::load_intro(bundled_data_dir(), c, intro_diags);
        if (!site_areas_intro.empty()) c.intro.action_areas_intro = site_areas_intro;
        diags.append(intro_diags);
    }
    if (!options.base_url.empty()) c.meta.base_url = options.base_url;
    timings.mark("load");
    return c;
}

}  // namespace lerbrief
