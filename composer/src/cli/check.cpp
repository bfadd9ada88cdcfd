// `rampart check`: the driver's front half; diagnostics and one summary line.
#include "cli/check.hpp"

#include "driver/driver.hpp"

#include <ostream>

namespace rampart::cli {

int run_check(const CheckOptions& options, std::ostream& out, std::ostream& err) {
    driver::Driver d;
    auto checked = d.check({options.system, options.board, options.search_paths, {}, {}, {}, {}});
    d.flush(err);
    if (!checked)
        return d.status();
    out << options.system.string() << ": ok: " << checked->pds.size() << " protection domains, "
        << checked->system->regions.size() << " memory regions, "
        << checked->system->channels.size() << " channels\n";
    return 0;
}

} // namespace rampart::cli
