// Collecting and rendering diagnostics.
#include "diag/diagnostics.hpp"

#include <algorithm>
#include <tuple>

namespace rampart::diag {

void Diagnostics::add(Severity s, Loc loc, std::string message) {
    if (s == Severity::Error)
        ++errors_;
    else if (s == Severity::Warning)
        ++warnings_;
    list_.push_back({s, loc, std::move(message)});
}

int Diagnostics::exit_status() const {
    if (!errors_)
        return 0;
    switch (worst_) {
    case Failure::Input:
        return 1;
    case Failure::Output:
        return 74;
    case Failure::Internal:
        return 70;
    }
    return 70;
}

namespace {

const char* severity_name(Severity s) {
    switch (s) {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Note:
        return "note";
    }
    return "error";
}

// The quoted line with tabs expanded (so the caret lines up) and control
// characters replaced, plus the caret line under [col, col + len).
void quote(std::string& out, std::string_view line, Loc loc) {
    std::string text, marks;
    std::size_t first = loc.col == 0 ? 0 : loc.col - 1;
    std::size_t last = first + (loc.len == 0 ? 1 : loc.len);
    for (std::size_t i = 0; i <= line.size(); ++i) {
        unsigned char c = i < line.size() ? static_cast<unsigned char>(line[i]) : ' ';
        std::size_t width = 1;
        if (c == '\t')
            width = 4 - text.size() % 4;
        char shown = c == '\t' || c < 0x20 || c == 0x7f ? ' ' : static_cast<char>(c);
        char mark = ' ';
        if (i == first)
            mark = '^';
        else if (i > first && i < last)
            mark = '~';
        if (i < line.size())
            text.append(width, shown);
        if (i >= first && i < last && i <= line.size())
            marks.append(width, mark);
        else if (i < first)
            marks.append(width, ' ');
    }
    out += text;
    out += '\n';
    out += marks;
    out += '\n';
}

// Diagnostics in source order: each error or warning with the notes that
// follow it forms a group; groups are sorted by position (stable), and
// problems of no particular position come last.
std::vector<Diagnostic> in_source_order(const std::vector<Diagnostic>& list) {
    std::vector<std::vector<Diagnostic>> groups;
    for (const Diagnostic& d : list) {
        if (d.severity != Severity::Note || groups.empty())
            groups.emplace_back();
        groups.back().push_back(d);
    }
    auto key = [](const std::vector<Diagnostic>& g) {
        const Loc& l = g.front().loc;
        return std::tuple(!l.valid(), l.file, l.line, l.col);
    };
    std::stable_sort(groups.begin(), groups.end(),
                     [&](const auto& a, const auto& b) { return key(a) < key(b); });
    std::vector<Diagnostic> out;
    for (auto& g : groups)
        out.insert(out.end(), g.begin(), g.end());
    return out;
}

} // namespace

std::string render(const SourceManager& sources, const Diagnostics& diags) {
    std::string out;
    for (const Diagnostic& d : in_source_order(diags.all())) {
        if (d.loc.valid()) {
            out += sources.name(d.loc.file) + ":" + std::to_string(d.loc.line) + ":" +
                   std::to_string(d.loc.col) + ": ";
        } else if (d.loc.file != kNoFile) {
            out += sources.name(d.loc.file) + ": ";
        }
        out += severity_name(d.severity);
        out += ": ";
        out += d.message;
        out += '\n';
        if (d.loc.valid())
            quote(out, sources.line(d.loc.file, d.loc.line), d.loc);
    }
    std::size_t w = diags.warning_count(), e = diags.error_count();
    if (w || e) {
        if (w)
            out += std::to_string(w) + (w == 1 ? " warning" : " warnings");
        if (w && e)
            out += " and ";
        if (e)
            out += std::to_string(e) + (e == 1 ? " error" : " errors");
        out += " generated.\n";
    }
    return out;
}

} // namespace rampart::diag
