// A fact sheet on its own: exactly one sheet, front and back.
#include "compose/compose.h"
#include "compose/factsheet.h"
#include "compose/page_setup.h"
#include "model/markup.h"

namespace lerbrief::compose {

using namespace layout;

Composed factsheet(const Input& in, const Stakeholder& s) {
    const PageGeometry g = geometry(*in.tools.spec);
    const Strings& str = *in.tools.strings;
    const std::string name = plain_text(s.name.value);
    SheetParts parts = fit_factsheet(in, s, g, true);
    forget_factsheet(in, s, g, true);  // a sheet is printed alone once a job
    std::vector<VItem> items = std::move(parts.front);
    VItem brk;
    brk.force_break = true;
    brk.set_marks().columns = parts.back_columns;
    items.push_back(std::move(brk));
    items.insert(items.end(), std::make_move_iterator(parts.back.begin()), std::make_move_iterator(parts.back.end()));
    items.front().set_marks().page_kind = "sheet";
    Laid laid = paginate(std::move(items), g);
    for (auto& k : laid.page_kind) k = "sheet";
    Furniture f;
    f.title = plain_text(s.name.value) + " \u2014 " + plain_text(in.content->meta.title.value);
    f.event = in.event.line().empty() ? f.title : in.event.line() + " \u00B7 " + plain_text(s.name.value);
    f.labels = {str(Str::front_page_label), str(Str::back_page_label)};
    f.bleed = in.bleed;
    f.event_title = in.event.title;  // shortened first when the line is too long
    add_furniture(laid, g, in.tools, f);
    Composed out;
    out.doc.pages = std::move(laid.pages);
    out.doc.outline = std::move(laid.outline);
    for (auto& o : out.doc.outline) o.level = 1;  // a sheet alone has no booklet sections above it
    out.lines = std::move(laid.lines);
    out.page_kind = laid.page_kind;
    out.anchors = laid.anchors;
    const Content& c = *in.content;
    out.doc.meta.title = str.fill(Str::sheet_title, {{"name", name}});
    out.doc.meta.author = c.meta.author;
    out.doc.meta.subject = str.fill(Str::sheet_subject, {{"name", name}});
    out.doc.meta.keywords = str.fill(Str::sheet_keywords, {{"name", name}});
    out.doc.meta.language = c.meta.language;
    out.doc.meta.creator = "lerbrief " + in.version;
    out.doc.fonts = in.tools.fonts->specs();
    return out;
}

}  // namespace lerbrief::compose
