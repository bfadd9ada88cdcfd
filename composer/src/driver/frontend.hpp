// The front end as `rampart build` and `rampart report` use it: board, parse,
// validate, with diagnostics rendered to a stream.
#pragma once

#include "board/board.hpp"
#include "diag/source.hpp"
#include "validate/validate.hpp"

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

namespace rampart::driver {

struct Frontend {
    std::optional<board::Board> board;
    std::optional<validate::CheckedSystem> checked; // empty on errors
    std::shared_ptr<diag::SourceManager> sources = std::make_shared<diag::SourceManager>();

    // Renders one error of a later stage like the front end's diagnostics.
    std::string error(diag::Loc loc, const std::string& message) const;
};

// board: a name (boards/NAME.json, in the current folder or the source tree)
// or a path to a board file. Errors go to err as one line.
std::optional<board::Board> load_board(const std::string& board, std::ostream& err);

Frontend load_and_validate(const std::filesystem::path& system, const std::string& board,
                           const std::vector<std::filesystem::path>& search_paths,
                           std::ostream& err);

} // namespace rampart::driver
