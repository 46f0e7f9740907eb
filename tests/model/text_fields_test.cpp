#include <catch2/catch.hpp>

#include "model/text_fields.h"

using namespace lerbrief;

namespace {

Text text(const char* s) { return Text{s, {}}; }

// A group with something in every field the text walk visits.
Stakeholder full_group() {
    Stakeholder s;
    s.id = "employers";
    s.name = text("Employers");
    s.short_name = text("Employers");
    s.icon = Icon{"images/employers.svg", "A briefcase", {}};
    s.definition = text("Organisations that hire.");
    s.examples = text("Firms, agencies.");
    s.roles.push_back(PhaseRole{"using", {}, text("Read records."), {text("Verify skills."), text("Hire.")}});
    s.commitments.push_back(Commitment{"adopt", {}, {text("Accept LERs.")}});
    s.business_case.push_back(Case{text("Speed"), text("Faster hiring.")});
    s.social_case.push_back(Case{text("Fairness"), text("Skills over pedigree.")});
    s.quote = Quote{text("Records help."), text("A. Person, HR")};
    return s;
}

}  // namespace

TEST_CASE("text fields: a group's text bytes are every string the text walk visits for it") {
    Content c;
    c.stakeholders.push_back(full_group());
    std::size_t walked = 0;
    for_each_text(c, [&](std::string& v, const SourcePos&, std::string_view, TextKind) { walked += v.size(); });
    REQUIRE(walked > 0);
    CHECK(text_bytes(c.stakeholders.front()) == walked);  // the rest of the content is empty

    // more to say, more bytes; a field left empty, fewer
    Stakeholder more = full_group();
    more.social_case.push_back(Case{text("Mobility"), text("Records travel with the learner.")});
    CHECK(text_bytes(more) == walked + std::string("MobilityRecords travel with the learner.").size());
    Stakeholder less = full_group();
    less.quote.reset();
    CHECK(text_bytes(less) == walked - std::string("Records help.A. Person, HR").size());
}
