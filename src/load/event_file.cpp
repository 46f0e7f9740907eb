#include "load/event_file.h"

#include "load/fields.h"
#include "load/typography.h"
#include "messages/event.h"
#include "model/limits.h"

namespace lerbrief::load {

namespace {

// A printed value of an agenda item or an attendee, as the agenda and the
// badges set it: surrounding blanks trimmed, typographic quotes and
// apostrophes (O'Brien → O’Brien, as the content's text gets them), no other
// markup. A control character is an error at the value (`ok` turns false).
std::string printed_value(Fields& f, std::string_view key, Need need, bool& ok) {
    auto t = f.text(key, need);
    if (!t) return {};
    std::string v = trim(t->value);
    if (!check_value(v, t->pos, f.field(key), TextKind::line, f.diags())) ok = false;
    return v;
}

// A group as written: matched, not printed, so left as typed.
std::string group_value(Fields& f, bool& ok) {
    auto v = f.plain("group", Need::optional);
    if (!v) return {};
    const YNode* n = f.node("group", Need::optional);
    if (n && !check_value(*v, n->pos, f.field("group"), TextKind::line, f.diags())) ok = false;
    return *v;
}

void read_agenda(Fields& f, std::vector<AgendaItem>& out) {
    const YNode* list = f.list("agenda", Need::optional);
    if (!list) return;
    if (list->items.size() > limits::kMaxAgendaItems) {
        msg::too_many_agenda_items(f.diags(), list->pos, list->items.size());
        return;
    }
    each_mapping(f, "agenda", Need::optional, "an agenda item", {"time", "title", "room", "speaker", "note"},
                 [&](Fields& item, const YNode& n) {
                     bool ok = true;
                     AgendaItem a;
                     a.pos = n.pos;
                     a.time = printed_value(item, "time", Need::required, ok);
                     a.title = printed_value(item, "title", Need::required, ok);
                     a.room = printed_value(item, "room", Need::optional, ok);
                     a.speaker = printed_value(item, "speaker", Need::optional, ok);
                     a.note = printed_value(item, "note", Need::optional, ok);
                     if (ok && !a.time.empty() && !a.title.empty()) out.push_back(std::move(a));
                 });
}

void read_attendees(Fields& f, std::vector<Attendee>& out) {
    const YNode* list = f.list("attendees", Need::optional);
    if (!list) return;
    if (list->items.size() > limits::kMaxAttendees) {
        msg::too_many_attendees(f.diags(), list->pos, list->items.size());
        return;
    }
    each_mapping(f, "attendees", Need::optional, "an attendee", {"name", "organization", "group"},
                 [&](Fields& item, const YNode& n) {
                     bool ok = true;
                     Attendee a;
                     a.pos = n.pos;
                     a.name = printed_value(item, "name", Need::required, ok);
                     a.organization = printed_value(item, "organization", Need::optional, ok);
                     a.group_as_written = group_value(item, ok);
                     if (ok && !a.name.empty()) out.push_back(std::move(a));
                 });
}

}  // namespace

std::optional<EventFile> read_event_file(const std::string& path, Diagnostics& diags) {
    auto root = read_mapping_file(path, "event file", diags);
    if (!root) return std::nullopt;
    const std::size_t errors = diags.error_count();
    EventFile ev;
    Fields f(*root, "", "an event file", {"title", "date", "place", "agenda", "attendees"}, diags);
    ev.title = f.plain("title", Need::optional);
    ev.date = f.plain("date", Need::optional);
    ev.place = f.plain("place", Need::optional);
    read_agenda(f, ev.agenda);
    read_attendees(f, ev.attendees);
    f.finish();
    ev.positions = event_file_positions(*root);
    if (diags.error_count() > errors) return std::nullopt;
    return ev;
}

}  // namespace lerbrief::load
