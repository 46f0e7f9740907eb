#pragma once
// A problem found in the input or while producing output. Diagnostics are
// collected, never thrown: every stage appends to a Diagnostics list and the
// job decides the exit status from it. Their text is built in
// src/load/messages.cpp (content) or at the stage that found them, and printed
// in one place (format()) as
//     file:line:col: error: message
//     hint: what to do
#include <string>
#include <unordered_set>
#include <vector>

#include "model/source_pos.h"

namespace lerbrief {

enum class Severity { warning, error };

struct Diagnostic {
    Severity severity = Severity::error;
    SourcePos pos;
    std::string message;  // short, lowercase, no trailing period
    std::string hint;     // empty when there is nothing to suggest
};

// At most limits::kMaxDiagnostics errors and as many warnings are kept (in
// order); later ones are only counted, and the counts include them. A
// warning given twice (same place, same message) is kept and counted once.
class Diagnostics {
public:
    void error(SourcePos pos, std::string message, std::string hint = {});
    void warning(SourcePos pos, std::string message, std::string hint = {});
    void add(Diagnostic d);
    void append(const Diagnostics& other);

    bool has_errors() const;
    std::size_t error_count() const;
    std::size_t warning_count() const;
    const std::vector<Diagnostic>& items() const { return items_; }
    bool empty() const { return items_.empty(); }
    // No more of severity `s` are kept: a caller may count an error with
    // count_only() without building its text.
    bool full(Severity s) const;
    void count_only(Severity s) { ++reports_, drop(s); }
    std::size_t errors_dropped() const { return errors_dropped_; }
    std::size_t warnings_dropped() const { return warnings_dropped_; }
    std::size_t dropped() const { return errors_dropped_ + warnings_dropped_; }
    // Every error and warning given so far, kept, only counted or repeated: a
    // step said nothing when this is as it was before the step.
    std::size_t reports() const { return reports_; }

private:
    void drop(Severity s) { ++(s == Severity::error ? errors_dropped_ : warnings_dropped_); }

    std::vector<Diagnostic> items_;
    std::size_t kept_errors_ = 0, kept_warnings_ = 0, errors_dropped_ = 0, warnings_dropped_ = 0, reports_ = 0;
    std::unordered_set<std::size_t> warning_keys_;  // every warning's place and message, hashed
};

// "file:line:col: error: message" (+ "\nhint: …"); no trailing newline.
// With `color`, the location is bold and "error:", "warning:" and "hint:"
// are coloured as GCC and Clang colour them (SGR escapes); the job asks for
// colour only when stderr is a terminal and NO_COLOR is unset.
std::string format(const Diagnostic& d, bool color = false);
// Every kept diagnostic, formatted, a line each (each ending in '\n'), then,
// when some were only counted, "lerbrief: 9000 more errors not shown (the
// first 1000 are)" ("… and 2 more warnings … (the first 1000 of each are)").
std::string format_all(const Diagnostics& d, bool color = false);

}  // namespace lerbrief
