// The convening kit as a screen reader gets it (issue 17): in every kit
// document the headings start at H1 and never skip a level, what a reader
// needs is tagged (only footers, running heads and a tent's turned far face
// are left as artifacts), the agenda is a table with the times as row
// headers, a worksheet's bullets a list, a tent's name read once, and a
// badge's name, organisation and group in that order.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "compose/compose.h"
#include "compose_setup.h"

using namespace lerbrief;
using layout::Role;
using layout::StructNode;

namespace {

// What one page gives a reader: its elements in the order their content is
// first drawn, each one's text, and the characters of untagged text.
struct PageRead {
    std::vector<const StructNode*> order;
    std::map<const StructNode*, std::string> text;
    std::size_t artifact_chars = 0;
    std::string artifact_text;

    void see(const layout::Tag& t, const std::string& s = {}) {
        if (!t) return;
        if (!text.count(t.get())) order.push_back(t.get());
        auto& x = text[t.get()];
        if (!s.empty()) x += (x.empty() ? "" : " ") + s;
    }
    void walk(const layout::Frame& f) {
        for (const auto& item : f.items) {
            if (const auto* ti = std::get_if<layout::TextItem>(&item)) {
                if (!ti->tag) artifact_chars += ti->text.size(), artifact_text += ti->text + " / ";
                see(ti->tag, ti->text);
            } else if (const auto* g = std::get_if<layout::GroupItem>(&item)) {
                if (g->tag)
                    see(g->tag);
                else if (g->frame)
                    walk(*g->frame);
            } else {
                std::visit([&](const auto& i) { see(i.tag); }, item);
            }
        }
    }
    std::vector<const StructNode*> with_role(Role r) const {
        std::vector<const StructNode*> out;
        for (const auto* e : order)
            if (e->role == r) out.push_back(e);
        return out;
    }
    // Ancestors too: elements that exist through their children.
    std::vector<const StructNode*> ancestors_with_role(Role r) const {
        std::vector<const StructNode*> out;
        for (const auto* e : order)
            for (const auto* p = e; p; p = p->parent.get())
                if (p->role == r && std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
        return out;
    }
};

std::vector<PageRead> read(const compose::Composed& c) {
    std::vector<PageRead> out;
    for (const auto& p : c.doc.pages) {
        out.emplace_back();
        out.back().walk(p.frame);
    }
    return out;
}

int heading_level(Role r) {
    switch (r) {
        case Role::h1: return 1;
        case Role::h2: return 2;
        case Role::h3: return 3;
        case Role::h4: return 4;
        case Role::h5: return 5;
        case Role::h6: return 6;
        default: return 0;
    }
}

// Headings in reading order start at H1 and go down one level at most; no
// page has more untagged text than a footer and a running head.
void check_reading(const compose::Composed& c, const std::string& what) {
    REQUIRE(!c.doc.pages.empty());
    CHECK(c.doc.tagged);
    int previous = 0;
    const auto pages = read(c);
    for (std::size_t p = 0; p < pages.size(); ++p) {
        INFO(what << ", page " << p + 1);
        for (const auto* e : pages[p].order) {
            const int level = heading_level(e->role);
            if (level == 0) continue;
            CHECK(level <= previous + 1);
            previous = level;
        }
        INFO("untagged: " << pages[p].artifact_text);
        CHECK(pages[p].artifact_chars <= 160);
        CHECK(!pages[p].order.empty());
    }
}

std::vector<AgendaItem> programme() {
    std::vector<AgendaItem> out;
    const char* const titles[] = {"Registration and coffee", "Welcome", "Table work: action areas", "Lunch",
                                  "Report back from the tables", "Commitments and next steps"};
    for (int i = 0; i < 6; ++i) {
        AgendaItem a;
        a.time = std::to_string(9 + i) + ":00";
        a.title = titles[i];
        if (i % 2 == 0) a.room = "Room A";
        if (i == 1) a.speaker = "Dr. Jordan Rivera";
        if (i == 2) a.note = "Bring the worksheet of your table.";
        out.push_back(a);
    }
    out[3].time.clear();  // an item without a time keeps its row's two cells
    return out;
}

}  // namespace

TEST_CASE("kit structure: the agenda is a title, then a table with the times heading the rows", "[kit][tags]") {
    test::ComposeSetup s("letter", {}, "Regional LER Convening", "1 December 2026", "Denver, CO");
    s.in.event.agenda = programme();
    const auto c = compose::agenda(s.in);
    check_reading(c, "agenda");
    const auto pages = read(c);
    const auto& p = pages.front();
    const auto h1 = p.with_role(Role::h1);
    REQUIRE(h1.size() == 1);
    CHECK(p.text.at(h1.front()) == "Regional LER Convening");
    const auto tables = p.ancestors_with_role(Role::table);
    REQUIRE(tables.size() == 1);
    const auto rows = p.ancestors_with_role(Role::tr);
    REQUIRE(rows.size() == s.in.event.agenda.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::vector<const StructNode*> cells;
        for (const auto* e : p.order)
            if (e->parent.get() == rows[i]) cells.push_back(e);
        REQUIRE(cells.size() == 2);
        CHECK(cells[0]->role == Role::th);
        CHECK(cells[0]->scope == layout::Scope::row);
        CHECK(p.text.at(cells[0]) == s.in.event.agenda[i].time);
        CHECK(cells[1]->role == Role::td);
        CHECK(p.text.at(cells[1]).find(s.in.event.agenda[i].title) == 0);
    }
    CHECK(p.text.at(p.with_role(Role::td)[2]).find("Bring the worksheet") != std::string::npos);
}

TEST_CASE("kit structure: a worksheet is its area's H1, H2 sections and the bullets as a list", "[kit][tags]") {
    test::ComposeSetup s;
    const auto c = compose::worksheets(s.in);
    check_reading(c, "worksheets");
    const auto pages = read(c);
    REQUIRE(pages.size() == s.content.action_areas.size());
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const auto& p = pages[i];
        const ActionArea& a = s.content.action_areas[i];
        INFO(a.id);
        const auto h1 = p.with_role(Role::h1);
        REQUIRE(h1.size() == 1);
        CHECK(p.text.at(h1.front()) == plain_text(a.title.value));
        std::vector<std::string> h2;
        for (const auto* e : p.with_role(Role::h2)) h2.push_back(p.text.at(e));
        REQUIRE(h2.size() == 3);
        CHECK(h2[1] == "What we need");
        CHECK(h2[2] == "Who we will work with");
        CHECK(p.with_role(Role::h3).empty());
        if (!a.bullets.empty()) {
            CHECK(p.ancestors_with_role(Role::l).size() == 1);
            const auto items = p.ancestors_with_role(Role::li);
            CHECK(items.size() >= 1);
            CHECK(items.size() <= a.bullets.size());
            CHECK(p.with_role(Role::lbody).size() == items.size());
        }
        // the box's label is read
        bool box = false;
        for (const auto* e : p.with_role(Role::p)) box |= p.text.at(e) == "OUR TABLE\u2019S STAKEHOLDER GROUP";
        CHECK(box);
    }
}

TEST_CASE("kit structure: a table tent's name is read once, as its page's H1", "[kit][tags]") {
    test::ComposeSetup s;
    const auto c = compose::table_tents(s.in);
    check_reading(c, "tents");
    const auto pages = read(c);
    std::size_t k = 0;
    for (const Stakeholder& g : s.content.stakeholders) {
        if (!g.has_content()) continue;
        REQUIRE(k < pages.size());
        const auto& p = pages[k++];
        REQUIRE(p.order.size() == 1);  // the near face's name; the far face, band, icon and ticks are artifacts
        CHECK(p.order.front()->role == Role::h1);
        std::string name = p.text.at(p.order.front());
        CHECK(name == plain_text(g.name.value));
    }
    CHECK(k == pages.size());
}

TEST_CASE("kit structure: each badge reads name, organisation, group", "[kit][tags]") {
    test::ComposeSetup s;
    std::vector<const Stakeholder*> groups;
    for (const auto& g : s.content.stakeholders)
        if (g.has_content()) groups.push_back(&g);
    REQUIRE(!groups.empty());
    for (int i = 0; i < 8; ++i) {
        Attendee a;
        a.name = "Attendee Number " + std::to_string(i + 1);
        if (i != 2) a.organization = "Organisation " + std::to_string(i + 1);
        if (i != 5) a.group = groups[static_cast<std::size_t>(i) % groups.size()]->id;
        s.in.event.attendees.push_back(a);
    }
    const auto c = compose::badges(s.in);
    check_reading(c, "badges");
    const auto pages = read(c);
    REQUIRE(pages.size() == 2);
    std::vector<std::string> said;
    for (const auto& p : pages)
        for (const auto* e : p.order) said.push_back((e->role == Role::h1 ? "H1 " : e->role == Role::p ? "P " : "? ") + p.text.at(e));
    std::vector<std::string> expected;
    for (const auto& a : s.in.event.attendees) {
        expected.push_back("H1 " + a.name);
        if (!a.organization.empty()) expected.push_back("P " + a.organization);
        if (!a.group.empty()) expected.push_back("P " + plain_text(s.content.find_stakeholder(a.group)->name.value));
    }
    CHECK(said == expected);
}
