#pragma once
// Where lerbrief finds its own files (fonts/, layouts/, data/, starter/,
// starter-<language>/, schema/): under <prefix>/share/lerbrief when the binary is installed in
// <prefix>/bin (found from /proc/self/exe, so a tree extracted anywhere works),
// in the source tree when run from a build folder (named by the file
// lerbrief-source-tree that CMake writes at the top of the build folder), or
// in $LERBRIEF_HOME. No path of the build machine is compiled in.
//
// The Debian package installs share/lerbrief/fonts/*.ttf as symlinks to
// fonts-liberation2's files (cmake/install.cmake); they are opened through
// the symlinks like any file.
#include <string>
#include <vector>

namespace lerbrief {

// The folder holding fonts/, layouts/ and data/.
std::string resource_dir();
std::string bundled_data_dir();
std::string fonts_dir();
std::string layouts_dir();
std::string strings_dir();  // strings/<language>.yaml (model/strings.h)
// The content folder --init copies for a language (BCP 47): starter/ for
// English (and for no language), starter-<primary subtag>/ for the others
// ("es", "es-MX": starter-es/). The folder may be missing: starter_languages()
// says which exist.
std::string starter_dir(const std::string& language = {});
// The primary subtags that have a starter folder, "en" first: {"en", "es"}.
std::vector<std::string> starter_languages();
std::string schema_dir();   // the JSON Schemas (docs/schema in the source tree)

// Where icons are kept between runs (diagram/icon_cache.h): $LERBRIEF_CACHE_DIR
// (set and empty, or relative: no cache), else $XDG_CACHE_HOME/lerbrief/icons
// (an absolute path), else $HOME/.cache/lerbrief/icons when $HOME is an
// existing folder; "" (no cache) otherwise. Only a path: the cache makes the
// folder when it first stores an icon.
std::string icon_cache_dir();

// --data NAME|DIR: an existing folder is used as it is; otherwise a name of
// the content lerbrief ships ("bundled", "starter") gives its folder. Anything
// else is returned unchanged (the loader then says it is not a folder).
std::string resolve_data_dir(const std::string& name_or_dir);
const std::vector<std::string>& data_names();

// The layout names in layouts/ (file names without .yaml), sorted.
std::vector<std::string> layout_names();

// Whether --layout's value names a file rather than a layout in layouts/: it
// holds a / or ends in .yaml or .yml (as load::load_layout reads it).
bool names_a_layout_file(const std::string& name_or_path);

// A path shown to the user: relative to the working directory when it is
// below it, as given otherwise.
std::string display_path(const std::string& path);

}  // namespace lerbrief
