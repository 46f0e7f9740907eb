#include "press/manifest.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

namespace lerbrief::press {

namespace {

struct Paper {
    const char* name;  // the JSON's identifier; ISO names are written so in any language
    double w, h;       // points, portrait
    std::optional<Str> text;  // a US name, in the language
};
constexpr Paper kPapers[] = {
    {"Letter", 612, 792, Str::paper_letter}, {"Legal", 612, 1008, Str::paper_legal},
    {"Tabloid", 792, 1224, Str::paper_tabloid}, {"A5", 419.53, 595.28, {}},
    {"A4", 595.28, 841.89, {}}, {"A3", 841.89, 1190.55, {}},
};

const Paper* find_paper(double width, double height) {
    const double a = std::min(width, height), b = std::max(width, height);
    for (const Paper& p : kPapers)
        if (std::abs(p.w - a) < 1 && std::abs(p.h - b) < 1) return &p;
    return nullptr;
}

bool has_spreads(const Manifest& m) {
    return std::any_of(m.files.begin(), m.files.end(), [](const PrintFile& f) { return f.role == Role::printer_spreads; });
}

std::string role_text(const PrintFile& f, const Strings& s) {
    switch (f.role) {
        case Role::booklet: return s(Str::role_booklet);
        case Role::booklet_for_screen: return s(Str::role_booklet_for_screen);
        case Role::printer_spreads: return s(Str::role_printer_spreads);
        case Role::factsheet: return s.fill(Str::role_factsheet, {{"group", f.name}});
        case Role::agenda: return s(Str::role_agenda);
        case Role::worksheets: return s(Str::role_worksheets);
        case Role::table_tents: return s(Str::role_table_tents);
        case Role::badges: return s(Str::role_badges);
    }
    return "";
}

// What to print it on, when plain paper will not do.
std::optional<Str> stock(const PrintFile& f) {
    switch (f.role) {
        case Role::table_tents: return Str::manifest_stock_tents;
        case Role::badges: return Str::manifest_stock_badges;
        default: return std::nullopt;
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

// The JSON's identifier ("long edge"); duplex_text: the words in the language.
std::string duplex(const PrintFile& f) {
    if (one_sided(f)) return "one-sided";
    return f.role == Role::printer_spreads ? "short edge" : "long edge";
}
const std::string& duplex_text(const PrintFile& f, const Strings& s) {
    if (one_sided(f)) return s(Str::manifest_one_sided);
    return s(f.role == Role::printer_spreads ? Str::manifest_short_edge : Str::manifest_long_edge);
}

std::string size_text(double w, double h, const Strings& s) {
    return fmt::format("{} ({:.1f} x {:.1f} mm)", paper_text(w, h, s), w * 25.4 / 72, h * 25.4 / 72);
}

std::size_t code_points(const std::string& t) {
    return static_cast<std::size_t>(std::count_if(t.begin(), t.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// A file's fields, their values lined up two spaces after the longest name.
class Fields {
public:
    explicit Fields(const Strings& s) : s_(s) {
        for (Str k : kNames) width_ = std::max(width_, code_points(s(k)) + 1 + 2);
    }
    std::string operator()(Str name, const std::string& value) const {
        const std::string head = s_(name) + ":";
        return "  " + head + std::string(width_ - code_points(head), ' ') + value + "\n";
    }

private:
    static constexpr Str kNames[] = {Str::manifest_what,   Str::manifest_trim_size, Str::manifest_sheet_size,
                                     Str::manifest_bleed,  Str::manifest_pages,     Str::manifest_sheets_per_copy,
                                     Str::manifest_duplex, Str::manifest_ink,       Str::manifest_stock,
                                     Str::manifest_tables, Str::manifest_copies};
    const Strings& s_;
    std::size_t width_ = 0;
};

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
    if (const Paper* p = find_paper(width, height)) return p->name;
    return fmt::format("{:.2f} x {:.2f} in", width / 72, height / 72);
}

std::string paper_text(double width, double height, const Strings& s) {
    if (const Paper* p = find_paper(width, height)) return p->text ? s(*p->text) : std::string(p->name);
    return s.fill(Str::paper_inches,
                  {{"width", fmt::format("{:.2f}", width / 72)}, {"height", fmt::format("{:.2f}", height / 72)}});
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

std::string manifest_text(const Manifest& m, const Strings& s) {
    std::string out = (m.date.empty() ? s.fill(Str::manifest_heading, {{"title", m.title}})
                                      : s.fill(Str::manifest_heading_dated, {{"title", m.title}, {"date", m.date}})) +
                      "\n";
    const bool counted = m.audience.attendees > 0;
    if (counted) {
        const int t = tables(m.audience);
        const std::string attendees = std::to_string(m.audience.attendees), n = std::to_string(t),
                          seats = std::to_string(kSeatsPerTable);
        const std::string& word = s(t == 1 ? Str::manifest_table_one : Str::manifest_table_many);
        out += (m.audience.tables > 0
                    ? s.fill(Str::manifest_audience, {{"attendees", attendees}, {"tables", n}, {"table-word", word}})
                    : s.fill(Str::manifest_audience_seats,
                             {{"attendees", attendees}, {"tables", n}, {"table-word", word}, {"seats", seats}})) +
               "\n";
    }
    const Fields field(s);
    long total_sheets = 0;
    for (const PrintFile& f : m.files) {
        out += fmt::format("\n{}\n", f.path);
        out += field(Str::manifest_what, role_text(f, s));
        out += field(Str::manifest_trim_size, size_text(f.trim_width, f.trim_height, s));
        out += field(Str::manifest_sheet_size, size_text(f.sheet_width, f.sheet_height, s));
        if (f.bleed >= 0)
            out += field(Str::manifest_bleed, s.fill(Str::manifest_bleed_value,
                                                     {{"mm", fmt::format("{:.1f}", f.bleed * 25.4 / 72)}}));
        out += field(Str::manifest_pages, std::to_string(f.pages));
        out += field(Str::manifest_sheets_per_copy, std::to_string(sheets_per_copy(f)));
        out += field(Str::manifest_duplex, duplex_text(f, s) + (f.role == Role::printer_spreads
                                                                    ? s(Str::manifest_fold_and_staple)
                                                                    : std::string()));
        out += field(Str::manifest_ink, s(f.gray ? Str::manifest_gray : Str::manifest_colour));
        if (const auto k = stock(f)) out += field(Str::manifest_stock, s(*k));
        if (!f.copies_per_page.empty()) {
            std::string pages;
            for (std::size_t i = 0; i < f.copies_per_page.size(); ++i)
                pages += (i ? ", " : "") + s.fill(Str::manifest_page_copies,
                                                  {{"page", std::to_string(i + 1)},
                                                   {"copies", std::to_string(f.copies_per_page[i])}});
            out += field(Str::manifest_tables, pages + " " + s(Str::manifest_tables_note));
        }
        if (counted) {
            const int n = copies(m, f);
            const long sheets = static_cast<long>(n) * sheets_per_copy(f);
            out += field(Str::manifest_copies,
                         n ? s.fill(Str::manifest_copies_value,
                                    {{"copies", std::to_string(n)},
                                     {"sheets", std::to_string(sheets)},
                                     {"sheet-word", s(sheets == 1 ? Str::manifest_sheet_one : Str::manifest_sheet_many)}})
                           : s(Str::manifest_copies_none));
            total_sheets += static_cast<long>(n) * sheets_per_copy(f);
        }
    }
    if (counted) out += "\n" + s.fill(Str::manifest_total_sheets, {{"sheets", std::to_string(total_sheets)}}) + "\n";
    if (!m.not_from_this_run.empty()) {
        out += "\n" + s(Str::manifest_not_from_this_run) + "\n";
        for (const auto& p : m.not_from_this_run) out += fmt::format("  {}\n", p);
    }
    return out;
}

std::string manifest_json(const Manifest& m, const Strings& s) {
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
        if (const auto k = stock(f)) out += fmt::format(", \"stock\": {}", json_string(s(*k)));
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
