// The participation matrix: a dot per group and area it takes part in,
// wrapped heads, black text, inside its width.
#include <catch2/catch.hpp>

#include "diagram/diagram_support.h"
#include "diagram/matrix.h"
#include "support/support.h"

using namespace lerbrief;

namespace {

const std::string kMark = "takes part";

const std::vector<std::string> kAreas{"Promoting Adoption of LERs", "Building Infrastructure",
                                      "Gathering Evidence and Research", "Supporting Learners & Earners"};

std::vector<std::vector<bool>> pattern(std::size_t groups, std::size_t areas) {
    std::vector<std::vector<bool>> t(groups, std::vector<bool>(areas));
    for (std::size_t g = 0; g < groups; ++g)
        for (std::size_t a = 0; a < areas; ++a) t[g][a] = (g + a) % 3 != 0;
    return t;
}

std::vector<std::string> map_groups() {
    std::vector<std::string> names;
    for (const auto& g : test::map_input().groups) names.push_back(g.label);
    return names;
}

}  // namespace

TEST_CASE("matrix: one dot per participation, text black and inside the width", "[diagram][matrix]") {
    auto groups = map_groups();
    auto takes = pattern(groups.size(), kAreas.size());
    diagram::Style style;
    auto f = diagram::matrix(groups, kAreas, takes, kMark, style, test::fonts(), 400);

    std::size_t expected = 0;
    for (const auto& row : takes) expected += static_cast<std::size_t>(std::count(row.begin(), row.end(), true));
    std::size_t dots = 0;
    for (const auto& item : f.items)
        if (auto* s = std::get_if<layout::Shape>(&item); s && s->fill && *s->fill == style.palette.mark) ++dots;
    CHECK(dots == expected);

    std::string all_text;
    for (const auto& item : f.items) {
        if (auto* t = std::get_if<layout::TextItem>(&item)) {
            CHECK(t->color == layout::kBlack);
            CHECK(t->pos.x >= 0);
            CHECK(t->pos.x + t->width <= 400 + 1e-9);
            all_text += t->text + " ";
        }
    }
    for (const auto& g : groups)
        CHECK(all_text.find(g.substr(0, g.find(' '))) != std::string::npos);
    CHECK(all_text.find("Infrastructure") != std::string::npos);
    CHECK(f.width == 400);
    CHECK(f.height > 10 * style.label_size);
    CHECK(test::compare_with_golden(f, "matrix", 96) == "");
}

TEST_CASE("matrix: long area names wrap in their column heads", "[diagram][matrix]") {
    std::vector<std::string> areas{"Promoting the Adoption of Learning and Employment Records Everywhere", "B"};
    auto f = diagram::matrix({"Employers"}, areas, {{true, false}}, kMark, diagram::Style{}, test::fonts(), 300);
    int head_lines = 0;
    for (const auto& item : f.items)
        if (auto* t = std::get_if<layout::TextItem>(&item); t && t->font == test::fonts().bold) ++head_lines;
    CHECK(head_lines >= 3);  // the long name alone needs several lines
}

TEST_CASE("matrix: marks must match the labels", "[diagram][matrix]") {
    CHECK_THROWS_WITH(diagram::matrix({"A", "B"}, {"x"}, {{true}}, kMark, diagram::Style{}, test::fonts(), 300),
                      "matrix: 1 rows of marks for 2 groups");
    CHECK_THROWS_WITH(diagram::matrix({"A"}, {"x", "y"}, {{true}}, kMark, diagram::Style{}, test::fonts(), 300),
                      "matrix: row 1 has 1 marks for 2 areas");
}
