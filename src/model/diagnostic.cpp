#include "model/diagnostic.h"

#include <algorithm>

#include "model/utf8.h"

namespace lerbrief {

void Diagnostics::error(SourcePos pos, std::string message, std::string hint) {
    items_.push_back({Severity::error, std::move(pos), std::move(message), std::move(hint)});
}

void Diagnostics::warning(SourcePos pos, std::string message, std::string hint) {
    // The same text is set more than once (booklet and fact sheet): warn once.
    for (const auto& d : items_)
        if (d.severity == Severity::warning && d.message == message && d.pos.file == pos.file &&
            d.pos.line == pos.line && d.pos.col == pos.col)
            return;
    items_.push_back({Severity::warning, std::move(pos), std::move(message), std::move(hint)});
}

void Diagnostics::append(const Diagnostics& other) {
    for (const auto& d : other.items_) {
        if (d.severity == Severity::warning)
            warning(d.pos, d.message, d.hint);
        else
            items_.push_back(d);
    }
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
    return static_cast<std::size_t>(std::count_if(
        items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

std::size_t Diagnostics::warning_count() const { return items_.size() - error_count(); }

namespace {

// SGR sequences, as GCC's defaults: bold locus, bold red errors, bold magenta
// warnings, bold cyan notes (our hints).
constexpr const char* kBold = "\033[1m";
constexpr const char* kRed = "\033[1;31m";
constexpr const char* kMagenta = "\033[1;35m";
constexpr const char* kCyan = "\033[1;36m";
constexpr const char* kReset = "\033[0m";

std::string paint(const std::string& s, const char* sgr, bool color) {
    return color ? sgr + s + kReset : s;
}

}  // namespace

std::string format(const Diagnostic& d, bool color) {
    std::string where;
    if (!d.pos.file.empty()) {
        where += utf8::printable(d.pos.file.str(), false);
        if (d.pos.line > 0) {
            where += ':' + std::to_string(d.pos.line);
            if (d.pos.col > 0) where += ':' + std::to_string(d.pos.col);
        }
        where += ":";
    } else {
        where += "lerbrief:";
    }
    std::string out = paint(where, kBold, color) + ' ';
    out += d.severity == Severity::error ? paint("error:", kRed, color) : paint("warning:", kMagenta, color);
    // Text quoted from the input may hold control characters (a YAML escape,
    // an HTML entity, an option's value): they go out as U+ codes, never raw.
    out += ' ' + utf8::printable(d.message);
    if (!d.hint.empty()) out += '\n' + paint("hint:", kCyan, color) + ' ' + utf8::printable(d.hint);
    return out;
}

}  // namespace lerbrief
