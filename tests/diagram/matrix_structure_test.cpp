// The participation matrix as a screen reader gets it (issue 17): one Table,
// a header row of column heads, then a row per group headed by its name, as
// many cells in every row, a dot read as "takes part", rules and bands
// artifacts.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "diagram/diagram_support.h"
#include "diagram/matrix.h"

using namespace lerbrief;
using layout::Role;
using layout::Scope;

namespace {

// what a dot is read as: the caller's text, in the edition's language
const std::string kMark = "participa";

const std::vector<std::string> kAreas{"Promoting Adoption of LERs", "Building Infrastructure",
                                      "Gathering Evidence and Research", "Supporting Learners & Earners"};

// The elements of a frame's items in the order their content is first drawn,
// with the text each holds; untagged items counted apart.
struct Walk {
    std::vector<const layout::StructNode*> order;
    std::map<const layout::StructNode*, std::string> text;
    std::map<const layout::StructNode*, int> marks;  // filled shapes (dots)
    int untagged_text = 0;
    std::vector<const layout::StructNode*> tables;

    void see(const layout::Tag& t) {
        if (!t) return;
        if (text.find(t.get()) == text.end()) order.push_back(t.get()), text[t.get()];
    }
    explicit Walk(const layout::Frame& f) {
        for (const auto& item : f.items) {
            if (const auto* ti = std::get_if<layout::TextItem>(&item)) {
                if (!ti->tag) ++untagged_text;
                see(ti->tag);
                if (ti->tag) {
                    auto& s = text[ti->tag.get()];
                    s += (s.empty() ? "" : " ") + ti->text;
                }
            } else if (const auto* sh = std::get_if<layout::Shape>(&item)) {
                see(sh->tag);
                if (sh->tag && sh->fill) ++marks[sh->tag.get()];
            }
        }
        for (const auto* e : order)
            for (const auto* p = e; p; p = p->parent.get())
                if (p->role == Role::table && std::find(tables.begin(), tables.end(), p) == tables.end())
                    tables.push_back(p);
    }
    // The rows (TR) in order, each with its cells in order.
    std::vector<std::vector<const layout::StructNode*>> rows() const {
        std::vector<const layout::StructNode*> trs;
        std::map<const layout::StructNode*, std::vector<const layout::StructNode*>> cells;
        for (const auto* e : order) {
            const auto* tr = e->parent.get();
            REQUIRE(tr);
            if (std::find(trs.begin(), trs.end(), tr) == trs.end()) trs.push_back(tr);
            cells[tr].push_back(e);
        }
        std::vector<std::vector<const layout::StructNode*>> out;
        for (const auto* tr : trs) out.push_back(cells[tr]);
        return out;
    }
};

}  // namespace

TEST_CASE("matrix structure: a header row of column heads, a row per group headed by its name", "[diagram][matrix]") {
    std::vector<std::string> groups;
    for (const auto& g : test::map_input().groups) groups.push_back(g.label);
    std::vector<std::vector<bool>> takes(groups.size(), std::vector<bool>(kAreas.size()));
    for (std::size_t g = 0; g < groups.size(); ++g)
        for (std::size_t a = 0; a < kAreas.size(); ++a) takes[g][a] = (g * 3 + a) % 4 == 1;
    const auto f = diagram::matrix(groups, kAreas, takes, kMark, diagram::Style{}, test::fonts(), 468);
    const Walk w(f);

    CHECK(w.untagged_text == 0);  // every word is in a cell
    REQUIRE(w.tables.size() == 1);
    const auto rows = w.rows();
    REQUIRE(rows.size() == groups.size() + 1);
    for (const auto& r : rows) {
        CHECK(r.size() == kAreas.size() + 1);  // the corner and the names' column count
        CHECK(r.front()->parent->role == Role::tr);
        CHECK(r.front()->parent->parent.get() == w.tables.front());
    }
    // the header row: TH with column scope, the corner empty, then the areas in order
    const auto& head = rows.front();
    for (const auto* c : head) {
        CHECK(c->role == Role::th);
        CHECK(c->scope == Scope::column);
    }
    CHECK(w.text.at(head[0]).empty());
    for (std::size_t a = 0; a < kAreas.size(); ++a) CHECK(w.text.at(head[a + 1]) == kAreas[a]);
    // a row per group in order: its name a row header, the rest data cells
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const auto& r = rows[g + 1];
        CHECK(r[0]->role == Role::th);
        CHECK(r[0]->scope == Scope::row);
        CHECK(w.text.at(r[0]) == groups[g]);
        for (std::size_t a = 0; a < kAreas.size(); ++a) {
            const auto* td = r[a + 1];
            CHECK(td->role == Role::td);
            const bool dot = w.marks.count(td) > 0;
            CHECK(dot == takes[g][a]);
            CHECK(td->actual_text() == (takes[g][a] ? kMark : ""));
        }
    }
}

TEST_CASE("matrix structure: each matrix is its own table, rules and bands are artifacts", "[diagram][matrix]") {
    const std::vector<std::string> groups{"Employers", "Learners", "Colleges"};
    const std::vector<std::vector<bool>> takes(3, std::vector<bool>(kAreas.size(), true));
    const auto a = diagram::matrix(groups, kAreas, takes, kMark, diagram::Style{}, test::fonts(), 400);
    const auto b = diagram::matrix(groups, kAreas, takes, kMark, diagram::Style{}, test::fonts(), 400);
    const Walk wa(a), wb(b);
    REQUIRE(wa.tables.size() == 1);
    REQUIRE(wb.tables.size() == 1);
    CHECK(wa.tables.front() != wb.tables.front());  // a split matrix: a table with its header row per figure
    int stroked = 0, bands = 0;
    for (const auto& item : a.items)
        if (const auto* s = std::get_if<layout::Shape>(&item)) {
            if (s->stroke) {
                ++stroked;
                CHECK(!s->tag);
            }
            if (s->fill && *s->fill == diagram::Style{}.palette.band) {
                ++bands;
                CHECK(!s->tag);
            }
        }
    CHECK(stroked == 2);  // the rules under the heads and below the last row
    CHECK(bands == 1);    // the second of three rows
}
