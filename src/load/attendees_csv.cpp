// The attendees file (--attendees-file): RFC 4180 CSV with a header row.
#include <filesystem>

#include "load/contained.h"
#include "load/event_file.h"
#include "load/fields.h"
#include "load/typography.h"
#include "load/yaml_tree.h"
#include "load/yaml_tree_slips.h"
#include "messages/event.h"
#include "messages/messages.h"
#include "model/limits.h"
#include "model/utf8.h"

namespace lerbrief::load {

namespace {

struct Cell {
    std::string value;
    std::size_t at = 0;  // offset of its first byte (its opening quote, when quoted)
};

struct Row {
    std::vector<Cell> cells;
    std::size_t at = 0;   // offset of its first byte
    bool bad = false;     // an error was reported inside it
};

bool blank(const Row& row) {
    for (const auto& c : row.cells)
        if (!trim(c.value).empty()) return false;
    return true;
}

// Splits the text into rows, reporting quoting errors. A quote left open is
// fatal: the rest of the file is one field, so nothing after it is a row.
class Splitter {
public:
    Splitter(std::string_view text, const std::string& path, Diagnostics& diags)
        : t_(text), locate_(SourceFile(path), text), diags_(diags) {}

    SourcePos at(std::size_t offset) { return locate_.at(offset); }
    bool fatal() const { return fatal_; }

    // The next row; false at the end of the text or after a fatal error.
    bool next(Row& row) {
        row = Row{};
        row.at = i_;
        if (i_ >= t_.size() || fatal_) return false;
        for (;;) {
            Cell c;
            c.at = i_;
            if (i_ < t_.size() && t_[i_] == '"') {
                if (!quoted(c, row)) return false;
            } else {
                unquoted(c, row);
            }
            row.cells.push_back(std::move(c));
            if (i_ < t_.size() && t_[i_] == ',') {
                ++i_;
                continue;
            }
            if (i_ < t_.size()) i_ += t_[i_] == '\r' ? 2 : 1;  // a '\r' here is a CRLF's
            return true;
        }
    }

private:
    bool line_end(std::size_t i) const {
        return i < t_.size() && (t_[i] == '\n' || (t_[i] == '\r' && i + 1 < t_.size() && t_[i + 1] == '\n'));
    }
    bool field_end(std::size_t i) const { return i >= t_.size() || t_[i] == ',' || line_end(i); }

    bool quoted(Cell& c, Row& row) {
        const std::size_t open = i_++;
        for (;;) {
            if (i_ >= t_.size()) {
                msg::csv_quote_left_open(diags_, at(open));
                fatal_ = true;
                return false;
            }
            const char ch = t_[i_];
            if (ch == '"') {
                if (i_ + 1 < t_.size() && t_[i_ + 1] == '"') {
                    c.value += '"';
                    i_ += 2;
                    continue;
                }
                ++i_;
                break;
            }
            if (ch == '\r' && i_ + 1 < t_.size() && t_[i_ + 1] == '\n') {  // a line break inside the field
                c.value += '\n';
                i_ += 2;
                continue;
            }
            c.value += ch;
            ++i_;
        }
        while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\t')) ++i_;  // `"a" ,b`: blanks before the comma
        if (!field_end(i_)) {
            if (!row.bad) msg::csv_text_after_quote(diags_, at(i_));
            row.bad = true;
            while (!field_end(i_)) c.value += t_[i_++];
        }
        return true;
    }

    void unquoted(Cell& c, Row& row) {
        while (!field_end(i_)) {
            if (t_[i_] == '"' && !row.bad) {
                msg::csv_stray_quote(diags_, at(i_));
                row.bad = true;
            }
            c.value += t_[i_++];
        }
    }

    std::string_view t_;
    yaml_slips::Locator locate_;
    Diagnostics& diags_;
    std::size_t i_ = 0;
    bool fatal_ = false;
};

std::string lower_ascii(std::string s) {
    for (char& ch : s)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return s;
}

// Which cell of a row holds each column; npos: the file has no such column.
struct Columns {
    static constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::size_t name = none, organization = none, group = none;
};

// The header row's columns; nullopt after an error.
std::optional<Columns> header(const Row& row, Splitter& split, Diagnostics& diags) {
    const std::vector<std::string> known{"name", "organization", "group"};
    Columns cols;
    bool ok = !row.bad;
    std::vector<std::size_t> ignored;  // warned about once the header is known to be one
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
        const Cell& cell = row.cells[i];
        std::string key = lower_ascii(trim(cell.value));
        if (key == "organisation") key = "organization";
        std::size_t* slot = key == "name" ? &cols.name
                            : key == "organization" ? &cols.organization
                            : key == "group" ? &cols.group
                                             : nullptr;
        if (!slot) {
            ignored.push_back(i);
        } else if (*slot != Columns::none) {
            msg::csv_column_twice(diags, split.at(cell.at), key, *slot + 1);
            ok = false;
        } else {
            *slot = i;
        }
    }
    if (ok && cols.name == Columns::none) {  // the hint names the columns: no warning about each
        msg::csv_no_name_column(diags, split.at(row.at));
        ok = false;
    }
    if (ok)
        for (const std::size_t i : ignored) {
            const Cell& cell = row.cells[i];
            const std::string name = trim(cell.value);
            if (name.empty()) msg::csv_unnamed_column(diags, split.at(cell.at), i + 1);
            else msg::csv_unknown_column(diags, split.at(cell.at), name, known);
        }
    if (!ok) return std::nullopt;
    return cols;
}

// One cell's value, trimmed and checked; `printed` ones get typographic
// quotes, as the event file's values do.
std::string value(const Row& row, std::size_t column, std::string_view field, bool printed, Splitter& split,
                  Diagnostics& diags, bool& ok) {
    if (column == Columns::none) return {};
    const Cell& cell = row.cells[column];
    if (cell.value.size() > limits::kMaxScalarBytes) {
        msg::csv_value_too_long(diags, split.at(cell.at), field, cell.value.size());
        ok = false;
        return {};
    }
    std::string v = trim(cell.value);
    if (v.empty()) return v;
    if (printed) v = trim(smart_quotes(v));
    if (!check_value(v, split.at(cell.at), field, TextKind::line, diags)) ok = false;
    return v;
}

}  // namespace

std::optional<std::vector<Attendee>> read_attendees_csv_text(std::string_view bytes, const std::string& path,
                                                             Diagnostics& diags) {
    const SourcePos whole{path, 0, 0};
    if (bytes.size() > limits::kMaxAttendeesFileBytes) {
        msg::attendees_file_too_large(diags, whole, bytes.size());
        return std::nullopt;
    }
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    // Classic Mac OS line ends (Excel for Mac's "CSV (Macintosh)"): CR alone
    // ends every row when the file has no LF at all.
    std::string lf;
    if (bytes.find('\n') == std::string_view::npos && bytes.find('\r') != std::string_view::npos) {
        lf.assign(bytes);
        for (char& ch : lf)
            if (ch == '\r') ch = '\n';
        bytes = lf;
    }
    if (auto bad = utf8::first_invalid(bytes)) {
        msg::attendees_file_not_utf8(diags, yaml_slips::pos_at(SourceFile(path), bytes, *bad),
                                     static_cast<unsigned char>(bytes[*bad]));
        return std::nullopt;
    }
    const std::size_t errors_before = diags.error_count();
    auto errors = [&] { return diags.error_count() - errors_before; };
    Splitter split(bytes, path, diags);
    Row row;
    bool found = false;
    while (split.next(row))
        if (!blank(row)) {
            found = true;
            break;
        }
    if (split.fatal()) return std::nullopt;
    if (!found) {
        msg::attendees_file_empty(diags, whole);
        return std::nullopt;
    }
    const auto cols = header(row, split, diags);
    if (!cols) return std::nullopt;
    const std::size_t width = row.cells.size();

    std::vector<Attendee> out;
    std::size_t rows = 0;
    while (split.next(row)) {
        if (blank(row)) continue;
        if (++rows > limits::kMaxAttendees) {
            msg::csv_too_many_rows(diags, split.at(row.at));
            break;
        }
        if (errors() >= limits::kMaxAttendeesCsvErrors) {
            msg::csv_errors_capped(diags, whole, errors());
            break;
        }
        if (row.bad) continue;
        if (row.cells.size() != width) {
            msg::csv_field_count(diags, split.at(row.at), width, row.cells.size());
            continue;
        }
        bool ok = true;
        Attendee a;
        a.pos = split.at(row.at);
        a.name = value(row, cols->name, "name", true, split, diags, ok);
        if (a.name.empty() && ok) {
            msg::csv_empty_name(diags, split.at(row.cells[cols->name].at));
            ok = false;
        }
        a.organization = value(row, cols->organization, "organization", true, split, diags, ok);
        a.group_as_written = value(row, cols->group, "group", false, split, diags, ok);
        if (ok) out.push_back(std::move(a));
    }
    if (errors() > 0) return std::nullopt;
    if (out.empty()) msg::attendees_file_lists_nobody(diags, whole);
    return out;
}

std::optional<std::vector<Attendee>> read_attendees_csv(const std::string& path, Diagnostics& diags) {
    if (!not_a_loop(path, diags)) return std::nullopt;
    auto bytes = read_capped(path, limits::kMaxAttendeesFileBytes, diags, msg::attendees_file_too_large);
    if (!bytes) return std::nullopt;
    return read_attendees_csv_text(*bytes, path, diags);
}

}  // namespace lerbrief::load
