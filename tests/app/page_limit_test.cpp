// The page limit (limits::kMaxPages): a document over it is refused with a
// message naming the limit and the document, before anything is drawn.
#include <catch2/catch.hpp>

#include "app/page_limit.h"
#include "model/limits.h"

using namespace lerbrief;

TEST_CASE("page limit: a document over the limit is an error naming it and the document") {
    layout::Document doc;
    doc.pages.resize(limits::kMaxPages);
    Diagnostics d;
    CHECK(within_page_limit(doc, "the booklet", {"content", 0, 0}, d));
    CHECK(d.empty());
    doc.pages.resize(limits::kMaxPages + 1);
    CHECK_FALSE(within_page_limit(doc, "the booklet", {"content", 0, 0}, d));
    REQUIRE(d.items().size() == 1);
    CHECK(format(d.items()[0]) ==
          "content: error: the booklet would have 50001 pages, over the limit of 50000 pages\n"
          "hint: split the content into several content folders");
}
