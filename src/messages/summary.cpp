#include "messages/summary.h"

#include <fmt/format.h>

#include "messages/messages.h"
#include "model/markup.h"

namespace lerbrief::msg {

std::string wrote(std::string_view path, std::size_t pages) {
    return pages ? fmt::format("wrote {} ({} page{})\n", path, pages, plural(pages)) : fmt::format("wrote {}\n", path);
}

std::string files_written(std::size_t files, std::size_t pages, std::size_t warnings) {
    return fmt::format("{} file{}, {} pages, {} warning{}\n", files, plural(files), pages, warnings, plural(warnings));
}

std::string check_ok(std::string_view root, std::size_t groups, std::size_t areas, std::size_t terms,
                     std::size_t warnings) {
    return fmt::format("{}: ok — {} stakeholder groups, {} action areas, {} glossary terms, {} warning{}\n", root,
                       groups, areas, terms, warnings, plural(warnings));
}

std::string content_list(const Content& c, const std::vector<std::string>& layouts) {
    std::string out = fmt::format("stakeholder groups ({}):\n", c.stakeholders.size());
    for (const auto& s : c.stakeholders)
        out += fmt::format("  {:<32} {}{}\n", s.id, plain_text(s.name.value), s.has_content() ? "" : "  (name only)");
    out += fmt::format("action areas ({}):\n", c.action_areas.size());
    for (const auto& a : c.action_areas) out += fmt::format("  {:<32} {}\n", a.id, plain_text(a.title.value));
    out += fmt::format("phases ({}):\n", c.phases.size());
    for (const auto& p : c.phases) out += fmt::format("  {:<32} {}\n", p.id, plain_text(p.title.value));
    out += fmt::format("layouts ({}):\n", layouts.size());
    for (const auto& l : layouts) out += fmt::format("  {}\n", l);
    return out;
}

std::string init_done(std::string_view shown, std::string_view dir) {
    return fmt::format("wrote {}/ (content to start from; its comments explain every field)\n"
                       "next: lerbrief --all --data {}\n",
                       shown, dir);
}

std::string timing_line(std::string_view stage, double ms) { return fmt::format("timing: {:<10} {:8.2f} ms\n", stage, ms); }
std::string timing_total(double ms) { return timing_line("total", ms); }
std::string timing_raster_icon(std::string_view path, std::string_view why) {
    return fmt::format("timing: icon as a raster: {}: {} is not replayed as paths\n", path, why);
}

}  // namespace lerbrief::msg
