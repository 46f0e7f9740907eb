// The event file's agenda and attendees, the attendees file (CSV) and the
// attendees' groups (load/event_file.cpp, load/attendees_csv.cpp,
// load/attendee_groups.cpp).
#include <catch2/catch.hpp>

#include "load/event_file.h"
#include "model/limits.h"
#include "support/support.h"

using namespace lerbrief;
namespace t = lerbrief::test;

namespace {

std::string said(const Diagnostics& d) {
    std::string out;
    for (const auto& x : d.items()) out += format(x) + "\n";
    return out;
}

std::optional<std::vector<Attendee>> csv(std::string_view text, Diagnostics& d) {
    return load::read_attendees_csv_text(text, "a.csv", d);
}

Content groups() {
    Content c;
    Stakeholder e;
    e.id = "employers", e.name.value = "Employers";
    Stakeholder l;
    l.id = "learners-earners", l.name.value = "Learners & Earners";
    Stakeholder w;
    w.id = "workers-orgs", w.name.value = "Workers\u2019 *Organizations*", w.short_name.value = "Unions";
    c.stakeholders = {e, l, w};
    return c;
}

}  // namespace

TEST_CASE("event file: the agenda's items with their fields, and the attendees", "[event]") {
    t::TempDir dir;
    t::write_file(dir / "event.yaml",
                  "title: Convening\n"
                  "agenda:\n"
                  "  - time: \"9:00\"\n"
                  "    title: Welcome and 'why we're here'\n"
                  "    room: Hall A\n"
                  "    speaker: Ana O'Brien\n"
                  "    note: Coffee from 8:30\n"
                  "  - {time: 10:00-10:45, title: Tables by group}\n"
                  "attendees:\n"
                  "  - {name: Ana Ruiz, organization: Acme, group: employers}\n"
                  "  - name: Bo Li\n");
    Diagnostics d;
    auto ev = load::read_event_file((dir / "event.yaml").string(), d);
    INFO(said(d));
    REQUIRE(ev);
    CHECK(d.empty());
    REQUIRE(ev->agenda.size() == 2);
    const auto& a = ev->agenda[0];
    CHECK(a.time == "9:00");
    CHECK(a.title == "Welcome and \u2018why we\u2019re here\u2019");  // typographic quotes, as on every page
    CHECK(a.room == "Hall A");
    CHECK(a.speaker == "Ana O\u2019Brien");
    CHECK(a.note == "Coffee from 8:30");
    CHECK(a.pos.line == 3);
    CHECK(ev->agenda[1].time == "10:00-10:45");
    CHECK(ev->agenda[1].room.empty());
    REQUIRE(ev->attendees.size() == 2);
    CHECK(ev->attendees[0].name == "Ana Ruiz");
    CHECK(ev->attendees[0].organization == "Acme");
    CHECK(ev->attendees[0].group_as_written == "employers");
    CHECK(ev->attendees[0].group.empty());  // resolved later, against the content
    CHECK(ev->attendees[1].pos.line == 11);
}

TEST_CASE("event file: a missing time, a control character, an unknown key", "[event]") {
    t::TempDir dir;
    t::write_file(dir / "event.yaml",
                  "agenda:\n"
                  "  - title: Lunch\n"
                  "  - {time: \"12:00\", title: \"Panel \\e\"}\n"
                  "  - {time: \"13:00\", title: Talk, speeker: Jo}\n"
                  "attendees:\n"
                  "  - organization: Acme\n");
    Diagnostics d;
    auto ev = load::read_event_file((dir / "event.yaml").string(), d);
    const std::string all = said(d);
    INFO(all);
    CHECK_FALSE(ev);
    const std::string f = (dir / "event.yaml").string();
    CHECK(all.find(f + ":2:5: error: missing required field 'time' in an agenda item") != std::string::npos);
    CHECK(all.find(f + ":3:28: error: agenda[2].title: control character U+001B cannot be printed") !=
          std::string::npos);
    CHECK(all.find(f + ":4:34: warning: unknown field 'speeker' is ignored\nhint: did you mean 'speaker'?") !=
          std::string::npos);
    CHECK(all.find(f + ":6:5: error: missing required field 'name' in an attendee") != std::string::npos);
}

TEST_CASE("event file: more agenda items or attendees than the limits is an error naming the limit", "[event]") {
    t::TempDir dir;
    std::string agenda = "agenda:\n";
    for (std::size_t i = 0; i <= limits::kMaxAgendaItems; ++i) agenda += "  - {time: t, title: x}\n";
    t::write_file(dir / "agenda.yaml", agenda);
    Diagnostics d;
    CHECK_FALSE(load::read_event_file((dir / "agenda.yaml").string(), d));
    CHECK(said(d).find(":2:3: error: agenda: 201 items, more than the limit of 200\n") != std::string::npos);

    std::string people = "attendees:\n";
    for (std::size_t i = 0; i <= limits::kMaxAttendees; ++i) people += "- {name: n}\n";
    t::write_file(dir / "people.yaml", people);
    Diagnostics p;
    CHECK_FALSE(load::read_event_file((dir / "people.yaml").string(), p));
    CHECK(said(p).find(":2:1: error: attendees: 5001 attendees, more than the limit of 5000\n") != std::string::npos);
}

TEST_CASE("attendees file: header in any order and case, quoting, CRLF, a byte order mark", "[event]") {
    Diagnostics d;
    auto people = csv("\xEF\xBB\xBF Group ,NAME,Organisation\r\n"
                      "employers,\"Ruiz, Ana\",\"The \"\"Hub\"\"\"\r\n"
                      "\r\n"
                      ",Bo Li,\"Two\r\nlines\"\r\n"
                      ",,\n"
                      "  funders , Cy O'Neil ,\n",
                      d);
    INFO(said(d));
    REQUIRE(people);
    CHECK(d.empty());
    REQUIRE(people->size() == 3);
    CHECK((*people)[0].name == "Ruiz, Ana");
    CHECK((*people)[0].organization == "The \u201CHub\u201D");
    CHECK((*people)[0].group_as_written == "employers");
    CHECK((*people)[0].pos.line == 2);
    CHECK((*people)[1].name == "Bo Li");
    CHECK((*people)[1].organization == "Two lines");  // a line break inside a field is a space on the badge
    CHECK((*people)[1].pos.line == 4);
    CHECK((*people)[2].name == "Cy O\u2019Neil");
    CHECK((*people)[2].group_as_written == "funders");
    CHECK((*people)[2].pos.line == 7);

    Diagnostics only_names;
    auto names = csv("name\nAna\nBo", only_names);  // no line break at the end
    REQUIRE(names);
    CHECK(names->size() == 2);
    CHECK((*names)[1].organization.empty());
}

TEST_CASE("attendees file: an unknown column is a warning, no name column is an error at 1:1", "[event]") {
    Diagnostics d;
    auto people = csv("name,email,grup\nAna,a@x,employers\n", d);
    REQUIRE(people);
    CHECK(said(d) == "a.csv:1:6: warning: unknown column 'email' is ignored\n"
                     "hint: known columns: name, organization, group\n"
                     "a.csv:1:12: warning: unknown column 'grup' is ignored\n"
                     "hint: did you mean 'group'?\n");
    CHECK((*people)[0].group_as_written.empty());

    Diagnostics n;
    CHECK_FALSE(csv("full name,organization\nAna,Acme\n", n));
    CHECK(said(n).find("a.csv:1:1: error: the header row has no 'name' column\n"
                       "hint: the first row names the columns, like: name,organization,group") != std::string::npos);
    Diagnostics e;
    CHECK_FALSE(csv("\n\n", e));
    CHECK(said(e).find("a.csv: error: attendees file is empty") != std::string::npos);
    Diagnostics twice;
    CHECK_FALSE(csv("name,Name\nA,B\n", twice));
    CHECK(said(twice).find("a.csv:1:6: error: column 'name' is named twice (first as column 1)") != std::string::npos);
}

TEST_CASE("attendees file: errors at file:line:col, several in one file", "[event]") {
    Diagnostics d;
    CHECK_FALSE(csv("name,organization,group\n"
                    "Ana,Acme, Inc.,employers\n"
                    "Bo,Acme\n"
                    "Cy \"the\" Hub,x,y\n"
                    "\"Di\"x,y,z\n"
                    ",Acme,employers\n"
                    "Ed \x1b,,\n",
                    d));
    const std::string all = said(d);
    INFO(all);
    CHECK(all.find("a.csv:2:1: error: row has 4 fields, expected 3 (as the header row has)\n"
                   "hint: a value holding a comma must be quoted: \"Smith, Jones & Co\"\n") != std::string::npos);
    CHECK(all.find("a.csv:3:1: error: row has 2 fields, expected 3") != std::string::npos);
    CHECK(all.find("a.csv:4:4: error: quote inside an unquoted field") != std::string::npos);
    CHECK(all.find("a.csv:5:5: error: text after a quoted field's closing quote") != std::string::npos);
    CHECK(all.find("a.csv:6:1: error: name: expected a value, found nothing") != std::string::npos);
    CHECK(all.find("a.csv:7:1: error: name: control character U+001B cannot be printed") != std::string::npos);
    CHECK(d.error_count() == 6);
}

TEST_CASE("attendees file: not UTF-8, a quote left open, the error cap", "[event]") {
    Diagnostics u;
    CHECK_FALSE(csv("name\nJos\xE9\n", u));
    CHECK(said(u) == "a.csv:2:4: error: invalid UTF-8 (byte 0xe9)\n"
                     "hint: save the file as UTF-8 (in a spreadsheet: \"CSV UTF-8\")\n");
    Diagnostics q;
    CHECK_FALSE(csv("name,organization\nAna,\"Acme\nBo,Beta\n", q));
    CHECK(said(q).find("a.csv:2:5: error: quoted field is never closed") != std::string::npos);
    CHECK(q.error_count() == 1);

    std::string many = "name,organization\n";
    for (int i = 0; i < 50; ++i) many += "a,b,c\n";
    Diagnostics m;
    CHECK_FALSE(csv(many, m));
    CHECK(m.error_count() == limits::kMaxAttendeesCsvErrors + 1);
    CHECK(said(m).find("a.csv: error: stopped reading after 20 errors") != std::string::npos);
}

TEST_CASE("attendees file: the limits of rows and bytes", "[event]") {
    std::string rows = "name\n";
    for (std::size_t i = 0; i < limits::kMaxAttendees; ++i) rows += "n\n";
    Diagnostics ok;
    auto all = csv(rows, ok);
    REQUIRE(all);
    CHECK(all->size() == limits::kMaxAttendees);
    rows += "one too many\n";
    Diagnostics d;
    CHECK_FALSE(csv(rows, d));
    CHECK(said(d).find(":5002:1: error: more than the limit of 5000 attendees") != std::string::npos);

    Diagnostics big;
    CHECK_FALSE(csv(std::string(limits::kMaxAttendeesFileBytes + 1, 'x'), big));
    CHECK(said(big).find("a.csv: error: attendees file is 2097153 bytes, over the limit of 2 MiB") !=
          std::string::npos);

    t::TempDir dir;
    Diagnostics missing;
    CHECK_FALSE(load::read_attendees_csv((dir / "none.csv").string(), missing));
    CHECK(said(missing).find("error: cannot read file: no such file") != std::string::npos);
}

TEST_CASE("attendees' groups: id, name or short-name in any case, unknown ones warn once with a suggestion",
          "[event]") {
    const Content c = groups();
    std::vector<Attendee> people(7);
    const char* written[] = {"employers", "  LEARNERS  &   earners ", "workers' organizations", "unions",
                             "Employrs", "employrs", ""};
    for (std::size_t i = 0; i < people.size(); ++i) {
        people[i].name = "P" + std::to_string(i);
        people[i].group_as_written = written[i];
        people[i].pos = {"a.csv", static_cast<int>(i + 2), 1};
    }
    Diagnostics d;
    load::resolve_attendee_groups(people, c, d);
    CHECK(people[0].group == "employers");
    CHECK(people[1].group == "learners-earners");
    CHECK(people[2].group == "workers-orgs");
    CHECK(people[3].group == "workers-orgs");
    CHECK(people[4].group.empty());
    CHECK(people[5].group.empty());
    CHECK(people[6].group.empty());
    CHECK(said(d) == "a.csv:6:1: warning: group 'Employrs' is not a stakeholder group: the badges show no group "
                     "(and 1 more attendee)\n"
                     "hint: did you mean 'Employers'?\n");

    std::vector<Attendee> far(1);
    far[0].group_as_written = "zzz";
    Diagnostics none;
    load::resolve_attendee_groups(far, c, none);
    CHECK(said(none) == "lerbrief: warning: group 'zzz' is not a stakeholder group: the badge shows no group\n"
                        "hint: write a group's name or id; lerbrief --list shows them\n");

    std::vector<Attendee> lots(limits::kMaxUnknownGroupWarnings + 3);
    for (std::size_t i = 0; i < lots.size(); ++i) lots[i].group_as_written = "unknown-" + std::to_string(i);
    Diagnostics capped;
    load::resolve_attendee_groups(lots, c, capped);
    CHECK(capped.warning_count() == limits::kMaxUnknownGroupWarnings + 1);
    CHECK(said(capped).find("3 more groups that name no stakeholder group (3 attendees)") != std::string::npos);
}

TEST_CASE("attendees CSV: classic Mac line ends, a header alone, a value too long", "[event]") {
    SECTION("CR alone ends rows in a file without LF (Excel for Mac's CSV)") {
        Diagnostics d;
        auto people = csv("name,organization,group\rAda,X,employers\rBob,Y,funders\r", d);
        INFO(said(d));
        REQUIRE(people);
        REQUIRE(people->size() == 2);
        CHECK((*people)[1].name == "Bob");
        CHECK((*people)[1].group_as_written == "funders");
        CHECK((*people)[1].pos.line == 3);
        CHECK(d.empty());
    }
    SECTION("a header and nobody: a warning that no badges are made") {
        Diagnostics d;
        auto people = csv("name,organization,group\n\n", d);
        REQUIRE(people);
        CHECK(people->empty());
        CHECK(said(d) == "a.csv: warning: attendees file lists nobody: no badges are made\n"
                         "hint: add a row per attendee under the header name,organization,group\n");
    }
    SECTION("a value over the scalar limit is an error at its cell") {
        Diagnostics d;
        const std::string text = "name,organization\nAda," + std::string(limits::kMaxScalarBytes + 1, 'x') + "\n";
        CHECK_FALSE(csv(text, d));
        CHECK(said(d).rfind("a.csv:2:5: error: organization: ", 0) == 0);
    }
}
