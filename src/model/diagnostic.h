#pragma once
// A problem found in the input or while producing output. Diagnostics are
// collected, never thrown: every stage appends to a Diagnostics list and the
// job decides the exit status from it. Their text is built in
// src/load/messages.cpp (content) or at the stage that found them, and printed
// in one place (format()) as
//     file:line:col: error: message
//     hint: what to do
#include <string>
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

// At most limits::kMaxDiagnostics are kept (in order); later ones are only
// counted, and the counts include them.
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
    // No more are kept: a caller may count one without building its text.
    bool full() const;
    void count_only(Severity s) { ++(s == Severity::error ? errors_dropped_ : warnings_dropped_); }
    std::size_t dropped() const { return errors_dropped_ + warnings_dropped_; }

private:
    std::vector<Diagnostic> items_;
    std::size_t errors_dropped_ = 0, warnings_dropped_ = 0;
};

// "file:line:col: error: message" (+ "\nhint: …"); no trailing newline.
// With `color`, the location is bold and "error:", "warning:" and "hint:"
// are coloured as GCC and Clang colour them (SGR escapes); the job asks for
// colour only when stderr is a terminal and NO_COLOR is unset.
std::string format(const Diagnostic& d, bool color = false);
// Every kept diagnostic, formatted, a line each (each ending in '\n'), then,
// when some were only counted, "lerbrief: 9000 more errors and 2 more
// warnings not shown (the first 1000 are)".
std::string format_all(const Diagnostics& d, bool color = false);

}  // namespace lerbrief
