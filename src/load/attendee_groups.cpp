// An attendee's group, as written, → a stakeholder group's id
// (load::resolve_attendee_groups).
#include <map>

#include "load/event_file.h"
#include "messages/event.h"
#include "messages/messages.h"
#include "model/markup.h"
#include "model/utf8.h"

#include "model/limits.h"

namespace lerbrief::load {

namespace {

// The form groups are compared in: ASCII letters lowercased, runs of blanks
// one space, no blanks around, typographic quotes straight (a group's name
// has them from the loader; a CSV has what was typed).
std::string folded(std::string_view s) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < s.size();) {
        const char32_t cp = utf8::next(s, i);
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        if (cp >= 'A' && cp <= 'Z') out += static_cast<char>(cp - 'A' + 'a');
        else if (cp == 0x2018 || cp == 0x2019 || cp == 0x2032) out += '\'';
        else if (cp == 0x201C || cp == 0x201D || cp == 0x2033) out += '"';
        else if (cp == utf8::kInvalid) out += '?';
        else utf8::append(out, cp);
    }
    return out;
}

struct Unknown {
    Attendee* first = nullptr;
    std::size_t others = 0;
};

}  // namespace

void resolve_attendee_groups(std::vector<Attendee>& attendees, const Content& content, Diagnostics& diags) {
    // Every way of writing each group (id, name, short-name), folded → id;
    // and the names as shown, for "did you mean".
    std::map<std::string, std::string> ids;
    std::vector<std::string> names;            // folded
    std::map<std::string, std::string> shown;  // folded → as printed
    for (const auto& s : content.stakeholders) {
        const std::string name = plain_text(s.name.value);
        for (const std::string& way : {s.id, name, plain_text(s.short_name.value)}) {
            if (way.empty()) continue;
            const std::string key = folded(way);
            if (ids.emplace(key, s.id).second) {
                names.push_back(key);
                shown.emplace(key, name.empty() ? s.id : name);
            }
        }
    }
    std::vector<std::pair<std::string, Unknown>> unknown;  // in the order first met
    std::map<std::string, std::size_t> unknown_at;
    for (auto& a : attendees) {
        a.group.clear();
        if (a.group_as_written.empty()) continue;
        const std::string key = folded(a.group_as_written);
        if (auto it = ids.find(key); it != ids.end()) {
            a.group = it->second;
            continue;
        }
        auto [it, added] = unknown_at.emplace(key, unknown.size());
        if (added) unknown.push_back({key, Unknown{&a, 0}});
        else ++unknown[it->second].second.others;
    }
    std::size_t more_groups = 0, more_attendees = 0;
    for (std::size_t i = 0; i < unknown.size(); ++i) {
        const auto& [key, u] = unknown[i];
        if (i >= limits::kMaxUnknownGroupWarnings) {
            ++more_groups;
            more_attendees += 1 + u.others;
            continue;
        }
        const std::string near = msg::did_you_mean(key, names);
        msg::unknown_attendee_group(diags, u.first->pos, u.first->group_as_written, u.others,
                                    near.empty() ? std::string() : shown[near]);
    }
    if (more_groups > 0)
        msg::more_unknown_attendee_groups(diags, unknown[limits::kMaxUnknownGroupWarnings].second.first->pos, more_groups,
                                          more_attendees);
}

}  // namespace lerbrief::load
