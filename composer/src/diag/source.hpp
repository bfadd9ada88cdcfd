// Source files kept in memory so diagnostics can quote the offending line.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rampart::diag {

using FileId = std::uint32_t;
inline constexpr FileId kNoFile = UINT32_MAX;

// A position in a source file: 1-based line and byte column, and the length
// of the token it points at (0 means "just the caret").
struct Loc {
    FileId file = kNoFile;
    std::uint32_t line = 0;
    std::uint32_t col = 0;
    std::uint32_t len = 0;

    bool valid() const { return file != kNoFile && line != 0; }
    // A location naming only a file (for problems with the file as a whole).
    static Loc whole(FileId f) { return Loc{f, 0, 0, 0}; }
};

// Byte offsets of a text turned into lines and columns: the readers locate
// tokens by offset, the renderer quotes lines.
class LineIndex {
  public:
    explicit LineIndex(std::string_view text);

    // How many lines the text has (a text without a line break has one).
    std::uint32_t lines() const { return static_cast<std::uint32_t>(starts_.size()); }
    // The offsets [begin, end) of a 1-based line, without its line break.
    std::pair<std::size_t, std::size_t> line_range(std::uint32_t line) const;
    // The location of the token [offset, offset + len) of file; its length
    // stops at the end of the token's line.
    Loc loc(FileId file, std::size_t offset, std::size_t len) const;

  private:
    std::size_t size_;
    std::vector<std::size_t> starts_; // offset of the first byte of each line
};

class SourceManager {
  public:
    // Registers a file's text under the name used in diagnostics.
    FileId add(std::string name, std::string text);
    // A file named in diagnostics without being quoted (an ELF file, an
    // output): registered once per name.
    FileId named(const std::string& name);

    const std::string& name(FileId id) const;
    const std::string& text(FileId id) const;
    // The text of one line without its line break; empty if out of range.
    std::string_view line(FileId id, std::uint32_t line_no) const;

  private:
    struct File {
        std::string name;
        std::string text;
        LineIndex lines;
    };
    std::vector<File> files_;
};

} // namespace rampart::diag
