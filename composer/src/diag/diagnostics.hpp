// The diagnostic collector: every stage reports into it and goes on, so one
// run shows all the problems of a system file.
#pragma once

#include "diag/source.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace rampart::diag {

enum class Severity { Error, Warning, Note };

// What an error is the fault of: it decides the exit status (docs/composer.md).
enum class Failure {
    Input,    // the system file, the board, a program image or a target ELF: status 1
    Output,   // an output file could not be written: status 74 (EX_IOERR)
    Internal, // a composer bug (a plan the dry run refuses): status 70 (EX_SOFTWARE)
};

struct Diagnostic {
    Severity severity;
    Loc loc;
    std::string message;
};

class Diagnostics {
  public:
    void error(Loc loc, std::string message, Failure kind = Failure::Input) {
        worst_ = std::max(worst_, kind);
        add(Severity::Error, loc, std::move(message));
    }
    void warning(Loc loc, std::string message) { add(Severity::Warning, loc, std::move(message)); }
    // A note belongs to the diagnostic reported just before it.
    void note(Loc loc, std::string message) { add(Severity::Note, loc, std::move(message)); }

    bool has_errors() const { return errors_ != 0; }
    std::size_t error_count() const { return errors_; }
    std::size_t warning_count() const { return warnings_; }
    const std::vector<Diagnostic>& all() const { return list_; }
    // 0 without errors, else the status of the worst kind of failure.
    int exit_status() const;

  private:
    void add(Severity s, Loc loc, std::string message);

    std::vector<Diagnostic> list_;
    std::size_t errors_ = 0;
    std::size_t warnings_ = 0;
    Failure worst_ = Failure::Input;
};

// Renders diagnostics like clang: "file:line:col: error: message", the source
// line, a caret (and tildes) under the token; then "N errors generated."
std::string render(const SourceManager& sources, const Diagnostics& diags);

} // namespace rampart::diag
