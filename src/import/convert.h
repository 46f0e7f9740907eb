#pragma once
// One function a file: the content model as the YAML of our schema
// (docs/CONTENT.md). The text of each file starts with a comment saying who
// writes it. Icons and pictures are renamed into icons/ and pictures/; the
// files to copy are added to `copies`.
#include <string>
#include <vector>

#include "import/import.h"
#include "model/content.h"

namespace lerbrief::import {

std::string phases_yaml(const Content& c);
std::string action_areas_yaml(const Content& c, const Content* existing);
std::string stakeholder_yaml(const Stakeholder& s, const Content& site, const Content* existing,
                             std::vector<CopyFile>& copies);
std::string glossary_yaml(const Content& c);
std::string resources_yaml(const Content& c);
// Hand-written files, written only when the folder has none.
std::string intro_yaml(const Content& c);
std::string document_yaml(const Content& c);
std::string explainer_yaml(const Content& c, std::vector<CopyFile>& copies);

// Where a file of the content (an icon, a picture) lies: `path` as the
// content names it (relative to its folder) or resolved by the checks.
std::string source_file(const Content& c, const std::string& path);
// "icons/" + the file's name.
std::string renamed(const std::string& folder, const std::string& path);

}  // namespace lerbrief::import
