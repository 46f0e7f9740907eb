#include "press/manifest.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace lerbrief::press {

namespace {

struct Paper {
    const char* name;
    double w, h;  // points, portrait
};
constexpr Paper kPapers[] = {
    {"Letter", 612, 792}, {"Legal", 612, 1008}, {"Tabloid", 792, 1224},
    {"A5", 419.53, 595.28}, {"A4", 595.28, 841.89}, {"A3", 841.89, 1190.55},
};

bool has_spreads(const Manifest& m) {
    return std::any_of(m.files.begin(), m.files.end(), [](const PrintFile& f) { return f.role == Role::printer_spreads; });
}

std::string role_text(const PrintFile& f) {
    switch (f.role) {
        case Role::booklet: return "booklet";
        case Role::booklet_for_screen: return "booklet, single pages (the printer spreads are what is printed)";
        case Role::printer_spreads: return "booklet, printer spreads (saddle stitch)";
        case Role::factsheet: return "fact sheet: " + f.name;
        case Role::agenda: return "agenda";
        case Role::worksheets: return "worksheets, one page per action area";
        case Role::table_tents: return "table tents, one sheet per stakeholder group: fold along the long edge";
        case Role::badges: return "name badges, 4 x 3 in, six a sheet: cut on the marks";
    }
    return "";
}

// What to print it on, when plain paper will not do.
const char* stock(const PrintFile& f) {
    switch (f.role) {
        case Role::table_tents: return "card stock (about 250 g/m2, 90 lb index), so the tent stands";
        case Role::badges: return "card stock (about 200 g/m2, 65 lb cover), or perforated 4 x 3 in badge inserts";
        default: return nullptr;
    }
}

const char* role_id(Role r) {
    switch (r) {
        case Role::booklet: return "booklet";
        case Role::booklet_for_screen: return "booklet-screen";
        case Role::printer_spreads: return "printer-spreads";
        case Role::factsheet: return "factsheet";
        case Role::agenda: return "agenda";
        case Role::worksheets: return "worksheets";
        case Role::table_tents: return "table-tents";
        case Role::badges: return "badges";
    }
    return "";
}

std::string duplex(const PrintFile& f) {
    if (one_sided(f)) return "one-sided";
    return f.role == Role::printer_spreads ? "short edge" : "long edge";
}

std::string size_text(double w, double h) {
    return fmt::format("{} ({:.1f} x {:.1f} mm)", paper_name(w, h), w * 25.4 / 72, h * 25.4 / 72);
}

std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\', out += c;
        else if (static_cast<unsigned char>(c) < 0x20) out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
        else out += c;
    }
    return out + "\"";
}

std::string json_size(double w, double h) {
    return fmt::format(R"({{"name": {}, "width_mm": {:.1f}, "height_mm": {:.1f}, "width_pt": {:.2f}, "height_pt": {:.2f}}})",
                       json_string(paper_name(w, h)), w * 25.4 / 72, h * 25.4 / 72, w, h);
}

}  // namespace

std::string paper_name(double width, double height) {
    const double a = std::min(width, height), b = std::max(width, height);
    for (const Paper& p : kPapers)
        if (std::abs(p.w - a) < 1 && std::abs(p.h - b) < 1) return p.name;
    return fmt::format("{:.2f} x {:.2f} in", width / 72, height / 72);
}

bool one_sided(const PrintFile& f) {
    return f.role == Role::worksheets || f.role == Role::table_tents || f.role == Role::badges;
}

int sheets_per_copy(const PrintFile& f) {
    if (f.role == Role::table_tents && !f.copies_per_page.empty()) {
        int n = 0;
        for (int c : f.copies_per_page) n += c;
        return n;
    }
    return one_sided(f) ? f.pages : (f.pages + 1) / 2;
}

int tables(const Audience& a) {
    if (a.tables > 0) return a.tables;
    return (a.attendees + kSeatsPerTable - 1) / kSeatsPerTable;
}

int copies(const Manifest& m, const PrintFile& f) {
    if (m.audience.attendees <= 0) return 0;
    switch (f.role) {
        case Role::booklet: return has_spreads(m) ? 0 : m.audience.attendees;
        case Role::booklet_for_screen: return 0;
        case Role::printer_spreads: return m.audience.attendees;
        case Role::factsheet: return tables(m.audience);
        case Role::agenda: return m.audience.attendees;
        case Role::worksheets: return tables(m.audience);
        case Role::table_tents: return 1;  // a set: each page as often as copies_per_page says
        case Role::badges: return 1;
    }
    return 0;
}

std::string manifest_text(const Manifest& m) {
    std::string out = fmt::format("Print manifest: {}{}\n", m.title, m.date.empty() ? "" : " (" + m.date + ")");
    const bool counted = m.audience.attendees > 0;
    if (counted)
        out += fmt::format("For {} attendees at {} table{}{}: a booklet each, a set of fact sheets a table.\n",
                           m.audience.attendees, tables(m.audience), tables(m.audience) == 1 ? "" : "s",
                           m.audience.tables > 0 ? "" : fmt::format(" ({} a table; --tables sets it)", kSeatsPerTable));
    long total_sheets = 0;
    for (const PrintFile& f : m.files) {
        out += fmt::format("\n{}\n", f.path);
        out += fmt::format("  what:         {}\n", role_text(f));
        out += fmt::format("  trim size:    {}\n", size_text(f.trim_width, f.trim_height));
        out += fmt::format("  sheet size:   {}\n", size_text(f.sheet_width, f.sheet_height));
        if (f.bleed >= 0) out += fmt::format("  bleed:        {:.1f} mm, crop marks\n", f.bleed * 25.4 / 72);
        out += fmt::format("  pages:        {}\n", f.pages);
        out += fmt::format("  sheets/copy:  {}\n", sheets_per_copy(f));
        out += fmt::format("  duplex:       {}{}\n", duplex(f),
                           f.role == Role::printer_spreads ? "; fold the stack in half and staple on the fold" : "");
        out += fmt::format("  ink:          {}\n", f.gray ? "grayscale (black only)" : "colour");
        if (const char* s = stock(f)) out += fmt::format("  stock:        {}\n", s);
        if (!f.copies_per_page.empty()) {
            out += "  tables:       ";
            for (std::size_t i = 0; i < f.copies_per_page.size(); ++i)
                out += fmt::format("{}p. {} x{}", i ? ", " : "", i + 1, f.copies_per_page[i]);
            out += " (each page once for each table of its group)\n";
        }
        if (counted) {
            const int n = copies(m, f);
            const long sheets = static_cast<long>(n) * sheets_per_copy(f);
            out += n ? fmt::format("  copies:       {} ({} sheet{})\n", n, sheets, sheets == 1 ? "" : "s")
                     : std::string("  copies:       none\n");
            total_sheets += static_cast<long>(n) * sheets_per_copy(f);
        }
    }
    if (counted) out += fmt::format("\nSheets of paper in all: {}\n", total_sheets);
    if (!m.not_from_this_run.empty()) {
        out += "\nNot from this run (left by an earlier run: do not print; lerbrief never deletes them):\n";
        for (const auto& p : m.not_from_this_run) out += fmt::format("  {}\n", p);
    }
    return out;
}

std::string manifest_json(const Manifest& m) {
    std::string out = fmt::format("{{\n  \"title\": {},\n  \"date\": {},\n", json_string(m.title), json_string(m.date));
    if (m.audience.attendees > 0)
        out += fmt::format("  \"attendees\": {},\n  \"tables\": {},\n", m.audience.attendees, tables(m.audience));
    out += "  \"files\": [";
    for (std::size_t i = 0; i < m.files.size(); ++i) {
        const PrintFile& f = m.files[i];
        out += i ? ",\n    {" : "\n    {";
        out += fmt::format("\"path\": {}, \"role\": {}, ", json_string(f.path), json_string(role_id(f.role)));
        if (!f.name.empty()) out += fmt::format("\"group\": {}, ", json_string(f.name));
        out += fmt::format("\"trim\": {}, \"sheet\": {}, ", json_size(f.trim_width, f.trim_height),
                           json_size(f.sheet_width, f.sheet_height));
        out += fmt::format("\"bleed_mm\": {}, ", f.bleed >= 0 ? fmt::format("{:.2f}", f.bleed * 25.4 / 72) : "null");
        out += fmt::format("\"pages\": {}, \"sheets_per_copy\": {}, \"duplex\": {}, \"ink\": {}", f.pages,
                           sheets_per_copy(f), json_string(duplex(f)), json_string(f.gray ? "gray" : "colour"));
        if (const char* s = stock(f)) out += fmt::format(", \"stock\": {}", json_string(s));
        if (!f.copies_per_page.empty()) {
            out += ", \"copies_per_page\": [";
            for (std::size_t k = 0; k < f.copies_per_page.size(); ++k)
                out += fmt::format("{}{}", k ? ", " : "", f.copies_per_page[k]);
            out += "]";
        }
        if (m.audience.attendees > 0) out += fmt::format(", \"copies\": {}", copies(m, f));
        out += "}";
    }
    out += "\n  ]";
    if (!m.not_from_this_run.empty()) {  // only when there are any, so a clean run's manifest stays as it was
        out += ",\n  \"not_from_this_run\": [";
        for (std::size_t i = 0; i < m.not_from_this_run.size(); ++i)
            out += (i ? ", " : "") + json_string(m.not_from_this_run[i]);
        out += "]";
    }
    out += "\n}\n";
    return out;
}

}  // namespace lerbrief::press
