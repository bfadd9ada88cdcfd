// Board lookup and front end for the back-end subcommands.
#include "driver/frontend.hpp"

#include "diag/diagnostics.hpp"
#include "driver/sdk_layout.hpp"
#include "parse/load.hpp"

#include <ostream>

namespace rampart::driver {

std::string Frontend::error(diag::Loc loc, const std::string& message) const {
    diag::Diagnostics diags;
    diags.error(loc, message);
    return diag::render(*sources, diags);
}

std::optional<board::Board> load_board(const std::string& board, std::ostream& err) {
    std::filesystem::path file = board;
    if (board.find('/') == std::string::npos && !board.ends_with(".json")) {
        auto found = find_board_file(board);
        if (!found) {
            err << "error: unknown board '" << board << "' (no boards/" << board << ".json)\n";
            return std::nullopt;
        }
        file = *found;
    }
    try {
        return board::load_board(file);
    } catch (const std::exception& e) {
        err << "error: cannot use board '" << board << "': " << e.what() << "\n";
        return std::nullopt;
    }
}

Frontend load_and_validate(const std::filesystem::path& system, const std::string& board,
                           const std::vector<std::filesystem::path>& search_paths,
                           std::ostream& err) {
    Frontend out;
    diag::SourceManager& sources = *out.sources;
    diag::Diagnostics diags;
    out.board = load_board(board, err);
    if (!out.board)
        return out;
    auto model = parse::load_system(system, sources, diags);
    if (model && !diags.has_errors()) {
        auto shared = std::make_shared<const model::System>(std::move(*model));
        out.checked =
            validate::validate(shared, *out.board, validate::Options{search_paths}, diags);
    }
    err << diag::render(sources, diags);
    if (diags.has_errors())
        out.checked.reset();
    return out;
}

} // namespace rampart::driver
