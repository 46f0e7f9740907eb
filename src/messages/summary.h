#pragma once
// What a run reports on stdout when it succeeds (the files written, --check's
// "ok" line, --list, --init's two lines) and --timings' lines on stderr.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/content.h"

namespace lerbrief::msg {

// "wrote PATH\n", or "wrote PATH (N pages)\n" when `pages` is not 0.
std::string wrote(std::string_view path, std::size_t pages = 0);
// The last line of a build: "3 files, 40 pages, 0 warnings\n".
std::string files_written(std::size_t files, std::size_t pages, std::size_t warnings);
// --check: "ROOT: ok — N stakeholder groups, … , W warnings\n".
std::string check_ok(std::string_view root, std::size_t groups, std::size_t areas, std::size_t terms,
                     std::size_t warnings);
// --list: the content's groups, action areas and phases, and the layouts.
std::string content_list(const Content&, const std::vector<std::string>& layouts);
// --init DIR: what it wrote (`shown`: the folder as displayed) and the command to run next.
std::string init_done(std::string_view shown, std::string_view dir);
// --timings: one stage's line, and the total's.
std::string timing_line(std::string_view stage, double ms);
std::string timing_total(double ms);
// --timings' note of an icon drawn as a raster, not as vector art: "timing: icon as a raster: PATH: WHY is not replayed as paths\n".
std::string timing_raster_icon(std::string_view path, std::string_view why);

}  // namespace lerbrief::msg
