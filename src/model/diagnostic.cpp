#include "model/diagnostic.h"

#include <algorithm>
#include <functional>
#include <unordered_set>

#include "model/limits.h"
#include "model/utf8.h"

namespace lerbrief {

namespace {

// A warning's identity for "warn once": its place and message.
std::size_t warning_key(const SourcePos& p, const std::string& message) {
    std::size_t h = std::hash<std::string>{}(message);
    auto mix = [&h](std::size_t v) { h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2); };
    mix(std::hash<std::string>{}(p.file.str()));
    mix(static_cast<std::size_t>(p.line));
    mix(static_cast<std::size_t>(p.col));
    return h;
}

}  // namespace

bool Diagnostics::full(Severity s) const {
    return (s == Severity::error ? kept_errors_ : kept_warnings_) >= limits::kMaxDiagnostics;
}

void Diagnostics::add(Diagnostic d) {
    ++reports_;
    if (d.severity == Severity::warning) return warning(std::move(d.pos), std::move(d.message), std::move(d.hint));
    if (full(Severity::error)) return drop(Severity::error);
    items_.push_back(std::move(d));
    ++kept_errors_;
}

void Diagnostics::error(SourcePos pos, std::string message, std::string hint) {
    add({Severity::error, std::move(pos), std::move(message), std::move(hint)});
}

void Diagnostics::warning(SourcePos pos, std::string message, std::string hint) {
    // The same text is set more than once (booklet and fact sheet): warn once,
    // and count once past the limit too.
    ++reports_;
    if (!warning_keys_.insert(warning_key(pos, message)).second) return;
    if (full(Severity::warning)) return drop(Severity::warning);
    items_.push_back({Severity::warning, std::move(pos), std::move(message), std::move(hint)});
    ++kept_warnings_;
}

void Diagnostics::append(const Diagnostics& other) {
    for (const auto& d : other.items_) add(d);
    errors_dropped_ += other.errors_dropped_;
    if (other.warnings_dropped_ == 0) return;
    std::unordered_set<std::size_t> kept;  // other's warnings that it kept (taken above)
    for (const auto& d : other.items_)
        if (d.severity == Severity::warning) kept.insert(warning_key(d.pos, d.message));
    for (std::size_t k : other.warning_keys_)  // the warnings it only counted, once each
        if (!kept.count(k) && warning_keys_.insert(k).second) ++warnings_dropped_;
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const { return kept_errors_ + errors_dropped_; }

std::size_t Diagnostics::warning_count() const { return kept_warnings_ + warnings_dropped_; }

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
    auto count = [](std::size_t n, const char* what) {
        return std::to_string(n) + " more " + what + (n == 1 ? "" : "s");
    };
    const std::size_t errors = d.errors_dropped(), warnings = d.warnings_dropped();
    const std::string what = errors && warnings ? count(errors, "error") + " and " + count(warnings, "warning")
                             : errors           ? count(errors, "error")
                                                : count(warnings, "warning");
    return out + paint("lerbrief:", kBold, color) + ' ' + what + " not shown (the first " +
           std::to_string(limits::kMaxDiagnostics) + (errors && warnings ? " of each are)\n" : " are)\n");
}

}  // namespace lerbrief
