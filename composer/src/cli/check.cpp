// `rampart check`: board lookup, front end, validation, diagnostics.
#include "cli/check.hpp"

#include "board/board.hpp"
#include "diag/diagnostics.hpp"
#include "driver/sdk_layout.hpp"
#include "parse/load.hpp"
#include "validate/validate.hpp"

#include <ostream>

namespace rampart::cli {
namespace {

std::optional<board::Board> load_board(const std::string& name, diag::Diagnostics& diags) {
    std::filesystem::path file;
    if (name.find('/') != std::string::npos || name.ends_with(".json")) {
        file = name;
    } else {
        auto found = driver::find_board_file(name);
        if (!found) {
            diags.error({}, "unknown board '" + name + "' (no boards/" + name + ".json)");
            return std::nullopt;
        }
        file = *found;
    }
    try {
        return board::load_board(file);
    } catch (const std::exception& e) {
        diags.error({}, std::string("cannot use board '") + name + "': " + e.what());
        return std::nullopt;
    }
}

} // namespace

int run_check(const CheckOptions& options, std::ostream& out, std::ostream& err) {
    diag::SourceManager sources;
    diag::Diagnostics diags;
    auto board = load_board(options.board, diags);
    auto system = parse::load_system(options.system, sources, diags);
    std::optional<validate::CheckedSystem> checked;
    if (board && system && !diags.has_errors()) {
        auto shared = std::make_shared<const model::System>(std::move(*system));
        validate::Options vopts{options.search_paths};
        checked = validate::validate(shared, *board, vopts, diags);
    }
    err << diag::render(sources, diags);
    if (diags.has_errors() || !checked)
        return 1;
    out << options.system.string() << ": ok: " << checked->pds.size() << " protection domains, "
        << checked->system->regions.size() << " memory regions, "
        << checked->system->channels.size() << " channels\n";
    return 0;
}

} // namespace rampart::cli
