#include "model/diagnostic.h"

#include <algorithm>

#include "model/limits.h"
#include "model/utf8.h"

namespace lerbrief {

bool Diagnostics::full() const { return items_.size() >= limits::kMaxDiagnostics; }

void Diagnostics::add(Diagnostic d) {
    if (full()) return count_only(d.severity);
    items_.push_back(std::move(d));
}

void Diagnostics::error(SourcePos pos, std::string message, std::string hint) {
    add({Severity::error, std::move(pos), std::move(message), std::move(hint)});
}

void Diagnostics::warning(SourcePos pos, std::string message, std::string hint) {
    if (full()) return count_only(Severity::warning);
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
            add(d);
    }
    errors_dropped_ += other.errors_dropped_;
    warnings_dropped_ += other.warnings_dropped_;
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
    return errors_dropped_ + static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
               return d.severity == Severity::error;
           }));
}

std::size_t Diagnostics::warning_count() const { return items_.size() + dropped() - error_count(); }

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

std::string format_all(const Diagnostics& d, bool color) {
    std::string out;
    for (const auto& x : d.items()) out += format(x, color) + '\n';
    if (d.dropped() == 0) return out;
    const std::size_t errors = d.error_count(), warnings = d.warning_count();
    std::size_t kept_errors = 0;
    for (const auto& x : d.items()) kept_errors += x.severity == Severity::error;
    const std::size_t more_errors = errors - kept_errors, more_warnings = warnings - (d.items().size() - kept_errors);
    auto count = [](std::size_t n, const char* what) {
        return std::to_string(n) + " more " + what + (n == 1 ? "" : "s");
    };
    std::string what = more_errors && more_warnings ? count(more_errors, "error") + " and " + count(more_warnings, "warning")
                       : more_errors                ? count(more_errors, "error")
                                                    : count(more_warnings, "warning");
    return out + paint("lerbrief:", kBold, color) + ' ' + what + " not shown (the first " +
           std::to_string(d.items().size()) + " are)\n";
}

}  // namespace lerbrief
