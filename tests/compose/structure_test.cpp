// Structure tags (issue 17) as a screen reader meets them: the booklet and a
// fact sheet alone, read in drawing order (pages in order, items in frame
// order, depth first; a group with a tag is one element). All text is
// content except the page's furniture; headings never skip a level; every
// figure says what it shows; lists are L > LI > Lbl, LBody; the two-column
// tables head each row with a TH; a repeated "(continued)" heading is an
// artifact, not a new heading.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "compose/builder.h"
#include "compose/compose.h"
#include "compose/figures.h"
#include "compose_setup.h"
#include "layout/flow.h"
#include "model/markup.h"
#include "support/support.h"

using namespace lerbrief;
using namespace lerbrief::layout;
namespace t = lerbrief::test;

namespace {

std::size_t chars(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
    return n;
}

bool is_heading(Role r) { return r >= Role::h1 && r <= Role::h6; }
int level(Role r) { return static_cast<int>(r) - static_cast<int>(Role::h1) + 1; }

// A contents entry's dotted leader: an artifact, and long.
bool leader(const std::string& s) { return s.find_first_not_of(". ") == std::string::npos; }

struct Reading {
    std::vector<const StructNode*> order;          // elements (and their ancestors) in order of first content
    std::set<const StructNode*> seen;
    std::vector<std::size_t> untagged_chars;       // per page: characters of text with no tag
    std::vector<std::string> untagged_text;        // per page, for messages
    std::map<const StructNode*, std::set<Role>> children;  // roles of each element's children
    int figures = 0;

    void add(const Tag& tag) {
        // ancestors first: an element's place is where its first content is drawn
        std::vector<const StructNode*> chain;
        for (const StructNode* n = tag.get(); n; n = n->parent.get()) chain.push_back(n);
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            if (!seen.insert(*it).second) continue;
            order.push_back(*it);
            if ((*it)->parent) children[(*it)->parent.get()].insert((*it)->role);
        }
    }
    void walk(const std::vector<Item>& items, std::size_t page) {
        for (const Item& it : items) {
            if (const auto* g = std::get_if<GroupItem>(&it)) {
                if (g->tag) add(g->tag);
                else if (g->frame) walk(g->frame->items, page);
                continue;
            }
            std::visit([&](const auto& x) { if (x.tag) add(x.tag); }, it);
            if (const auto* ti = std::get_if<TextItem>(&it); ti && !ti->tag && !leader(ti->text)) {
                untagged_chars[page] += chars(ti->text);
                untagged_text[page] += "[" + ti->text + "]";
            }
        }
    }
    explicit Reading(const Document& doc) {
        untagged_chars.assign(doc.pages.size(), 0);
        untagged_text.assign(doc.pages.size(), {});
        for (std::size_t p = 0; p < doc.pages.size(); ++p) walk(doc.pages[p].frame.items, p);
    }
};

// Headings in reading order: the first H1, never a level skipped.
void check_headings(const Reading& r) {
    int prev = 0, headings = 0;
    for (const StructNode* n : r.order) {
        if (!is_heading(n->role)) continue;
        ++headings;
        INFO("heading " << headings << " at level " << level(n->role) << " after " << prev);
        CHECK(level(n->role) <= prev + 1);
        prev = level(n->role);
    }
    CHECK(headings > 0);
}

void check_structure(const compose::Composed& c, const std::string& what) {
    INFO(what);
    const Reading r(c.doc);
    // text is content, but for the furniture: running head and page number
    for (std::size_t p = 0; p < r.untagged_chars.size(); ++p) {
        INFO("page " << p + 1 << ": " << r.untagged_text[p]);
        CHECK(r.untagged_chars[p] <= 160);
    }
    check_headings(r);
    for (const StructNode* n : r.order) {
        switch (n->role) {
        case Role::figure:
            CHECK_FALSE(n->alt().empty());
            break;
        case Role::lbl:
        case Role::lbody:
            REQUIRE(n->parent);
            CHECK(n->parent->role == Role::li);
            break;
        case Role::li:
            REQUIRE(n->parent);
            CHECK(n->parent->role == Role::l);
            CHECK(r.children.at(n) == std::set<Role>{Role::lbl, Role::lbody});
            break;
        case Role::th:
        case Role::td:
            REQUIRE(n->parent);
            CHECK(n->parent->role == Role::tr);
            REQUIRE(n->parent->parent);
            CHECK(n->parent->parent->role == Role::table);
            break;
        default:
            break;
        }
    }
}

std::size_t count(const Reading& r, Role role) {
    std::size_t n = 0;
    for (const StructNode* e : r.order) n += e->role == role;
    return n;
}

}  // namespace

TEST_CASE("structure: the booklet reads as headings, paragraphs, lists, tables and described figures") {
    t::ComposeSetup s("letter");
    const compose::Composed c = compose::booklet(s.in);
    check_structure(c, "booklet");
    const Reading r(c.doc);
    CHECK(count(r, Role::l) > 0);
    CHECK(count(r, Role::blockquote) > 0);  // the fact sheets' quotes
    CHECK(count(r, Role::toci) > 5);        // the contents
    // the two-column tables (what makes an LER different, the phases, the colophon) head rows
    std::size_t row_heads = 0;
    for (const StructNode* n : r.order)
        if (n->role == Role::th) row_heads += n->scope == Scope::row;
    CHECK(row_heads >= 3);
    // the diagram (cover, ecosystem page and one a fact sheet) is described from the content
    const std::string alt = compose::diagram_alt(*s.in.tools.strings, *s.in.content);
    std::size_t described = 0;
    for (const StructNode* n : r.order) described += n->role == Role::figure && n->alt() == alt;
    CHECK(described >= 2);
    // the fact sheets nest under the booklet's first level: on a sheet's
    // pages the highest heading (its name) is H2
    int sheets = 0;
    for (const auto& [name, at] : c.anchors) {
        if (name.rfind("sheet:", 0) != 0) continue;
        ++sheets;
        int top = 7;
        for (int p : {at.page, at.page + 1})
            for (const Item& it : c.doc.pages[static_cast<std::size_t>(p)].frame.items)
                if (const auto* ti = std::get_if<TextItem>(&it); ti && ti->tag && is_heading(ti->tag->role))
                    top = std::min(top, level(ti->tag->role));
        INFO(name);
        CHECK(top == 2);
    }
    CHECK(sheets > 0);
}

TEST_CASE("structure: a fact sheet alone opens with its group's name as H1 and describes its highlight") {
    t::ComposeSetup s("letter");
    const Stakeholder* grp = nullptr;
    for (const auto& g : s.in.content->stakeholders)
        if (g.has_content() && g.quote) grp = &g;
    REQUIRE(grp);
    const compose::Composed c = compose::factsheet(s.in, *grp);
    check_structure(c, "fact sheet " + grp->id);
    const Reading r(c.doc);
    const StructNode* first = nullptr;
    for (const StructNode* n : r.order)
        if (is_heading(n->role)) {
            first = n;
            break;
        }
    REQUIRE(first);
    CHECK(first->role == Role::h1);
    CHECK(count(r, Role::blockquote) == 1);
    // read column by column: once the right column's text has begun, no
    // text of the left one follows it (render reads in frame order)
    for (const auto& page : c.doc.pages) {
        bool right = false;
        for (const Item& it : page.frame.items)
            if (const auto* ti = std::get_if<TextItem>(&it); ti && ti->tag) {
                const bool in_right = ti->pos.x > page.frame.width / 2;
                INFO(ti->text);
                CHECK((in_right || !right));
                right = right || in_right;
            }
    }
    // the diagram names the highlighted group; the QR code its link
    bool highlight = false, qr = false;
    for (const StructNode* n : r.order) {
        if (n->role != Role::figure) continue;
        highlight = highlight || n->alt().find(plain_text(grp->name.value) + " is highlighted") != std::string::npos;
        qr = qr || n->alt().rfind("QR code linking to http", 0) == 0;
    }
    CHECK(highlight);
    if (!s.in.content->meta.base_url.empty()) CHECK(qr);
}

TEST_CASE("structure: the kit documents' headings start at H1 and never skip") {
    t::ComposeSetup s("letter");
    SECTION("agenda") { check_headings(Reading(compose::agenda(s.in).doc)); }
    SECTION("worksheets") { check_headings(Reading(compose::worksheets(s.in).doc)); }
}

TEST_CASE("structure: the diagram's description names every phase in order and every group") {
    t::ComposeSetup s("letter");
    const Content& c = *s.in.content;
    const std::string alt = compose::diagram_alt(*s.in.tools.strings, c);
    INFO(alt);
    CHECK(alt.size() <= compose::kDiagramAltBytes);
    std::size_t at = 0;
    for (const auto& p : c.phases) {
        const auto found = alt.find(plain_text(p.title.value), at);
        REQUIRE(found != std::string::npos);
        at = found;
    }
    for (const auto& g : c.stakeholders) CHECK(alt.find(plain_text(g.name.value)) != std::string::npos);
    // a long list of groups ends "and N more", within the limit
    Content many = c;
    for (int i = 0; i < 60; ++i) {
        Stakeholder g = c.stakeholders.front();
        g.id += std::to_string(i);
        g.name.value = "A group with a rather long name number " + std::to_string(i);
        many.stakeholders.push_back(g);
    }
    const std::string long_alt = compose::diagram_alt(*s.in.tools.strings, many);
    CHECK(long_alt.size() <= compose::kDiagramAltBytes);
    CHECK(long_alt.find(" more") != std::string::npos);
}

TEST_CASE("structure: a group heading repeated on the next page is an artifact, the group's text stays one P") {
    t::ComposeSetup s("letter");
    compose::Builder b(s.in.tools, 300);
    b.heading("A group", "h2", 2);
    std::vector<Text> items;
    for (int i = 0; i < 30; ++i) items.push_back(Text{"An item of the group that goes on and on, number " + std::to_string(i), {}});
    b.bullets(items, "bullet");
    PageGeometry g;
    g.height = 300;
    const Laid laid = paginate(b.items(), g);
    REQUIRE(laid.pages.size() > 1);
    std::set<std::size_t> heading_pages;
    int repeats = 0;
    for (std::size_t p = 0; p < laid.pages.size(); ++p)
        for (const Item& it : laid.pages[p].frame.items)
            if (const auto* ti = std::get_if<TextItem>(&it)) {
                if (ti->tag && is_heading(ti->tag->role)) heading_pages.insert(p);
                if (ti->text.find("continued") != std::string::npos) {
                    CHECK_FALSE(ti->tag);
                    ++repeats;
                }
            }
    CHECK(heading_pages == std::set<std::size_t>{0});
    CHECK(repeats >= 1);
}

TEST_CASE("structure: the website's booklet, its explainer steps' pictures described by the content's alt text") {
    LERBRIEF_REQUIRE_WEBSITE(site);
    t::ComposeSetup s("letter", site.string());
    const compose::Composed c = compose::booklet(s.in);
    check_structure(c, "website booklet");
    std::set<std::string> alts;
    for (const auto& sec : s.in.content->explainer)
        for (const auto& st : sec.steps)
            if (st.picture && !st.picture->alt.empty()) alts.insert(st.picture->alt);
    CHECK_FALSE(alts.empty());  // the map's explainer has pictures
    const Reading r(c.doc);
    std::set<std::string> described;
    for (const StructNode* n : r.order)
        if (n->role == Role::figure && alts.count(n->alt())) described.insert(n->alt());
    CHECK(described == alts);
}
