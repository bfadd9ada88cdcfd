// The composer's one driver: every subcommand calls it, and it runs the
// stages in order — board, parse, validate, then plan, verify, spec and image
// (compose.hpp) — reporting every failure, of the system file or of a later
// stage, through one diagnostics engine. cli/ only parses arguments and prints.
#pragma once

#include "board/board.hpp"
#include "diag/diagnostics.hpp"
#include "driver/compose.hpp"
#include "driver/sdk_layout.hpp"
#include "elf/elf_file.hpp"
#include "validate/validate.hpp"

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace rampart::driver {

struct Options {
    std::filesystem::path system;
    std::string board = "qemu-virt-aarch64"; // a name (boards/NAME.json) or a board file
    std::vector<std::filesystem::path> search_paths;
    std::string config = "debug"; // the kernel configuration: debug, release or benchmark
    // The target ELFs; empty: the SDK's or the build tree's (sdk_layout.hpp), if there.
    std::filesystem::path kernel, loader, initializer;
};

// A composition and what it was made from.
struct Build {
    Composition composition;
    std::filesystem::path kernel; // the kernel ELF the image holds (for debuggers)
    std::string image_skipped;    // why there is no image, when there is none
};

class Driver {
  public:
    // The board by name or file; reports an unknown or unusable board.
    const board::Board* board(const std::string& board);
    // Board, system file and validation.
    std::optional<validate::CheckedSystem> check(const Options& options);
    // check(), then the composition; with_image also reads the target ELFs.
    std::optional<Build> compose(const Options& options, bool with_image);
    // Writes a build's files into dir, all or none.
    bool write(const Build& build, const std::filesystem::path& dir, bool capdl);

    // A failure that belongs to a file, not to a line of the system file:
    // `file: error: message` (`error: message` without a file).
    void error(const std::string& file, std::string message,
               diag::Failure kind = diag::Failure::Input);

    // Renders the diagnostics so far to err (standard error) and forgets them.
    void flush(std::ostream& err);
    // 0, or the exit status of the worst failure so far (docs/composer.md).
    int status() const { return status_; }

  private:
    std::optional<elf::ElfFile> target(const std::filesystem::path& given, const Options& options,
                                       TargetPart part, const char* role);

    diag::SourceManager sources_;
    diag::Diagnostics diags_;
    std::optional<board::Board> board_;
    std::string board_key_; // as asked for
    int status_ = 0;
};

} // namespace rampart::driver
