#pragma once
// What the map website prints around its _data/, read from its pages with
// libxml2's HTML parser (never by pattern matching):
//   lers-explained.md               "LERs explained": Jekyll front matter,
//                                   then HTML; each <h1> starts a section, its
//                                   <p> are the text, <ul><li> the bullets,
//                                   and each <img> + <h3> + <p> a step
//   _includes/action-areas-intro.html the action areas' introduction
//   about.md                        which licence the content is under
// A page that is absent (older copies of the site have none) gives nothing
// and says nothing; one that is not what the site prints gives a warning and
// is read as far as it makes sense. Malformed HTML never stops a build.
#include <optional>
#include <string>
#include <vector>

#include "model/content.h"
#include "model/diagnostic.h"

namespace lerbrief::load {

std::vector<ExplainerSection> read_explainer(const std::string& dir, Diagnostics& diags);

// The paragraph of _includes/action-areas-intro.html, or nullopt.
std::optional<Text> read_action_areas_intro(const std::string& dir, Diagnostics& diags);

// Whether about.md puts the content under Creative Commons Attribution 4.0.
bool about_says_cc_by(const std::string& dir);

}  // namespace lerbrief::load
