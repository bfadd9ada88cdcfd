// `rampart report`: plans and verifies a system and prints one report.
#include "cli/build.hpp"

#include "cli/frontend.hpp"
#include "emit/compose.hpp"
#include "plan/allocator.hpp"
#include "report/report.hpp"
#include "verify/verify.hpp"

#include <ostream>

namespace rampart::cli {

int run_report(const ReportOptions& o, std::ostream& out, std::ostream& err) {
    Frontend fe = load_and_validate(o.system, o.board, o.search_paths, err);
    if (!fe.checked)
        return 1;
    try {
        const emit::Composition c =
            emit::compose({*fe.checked, *fe.board, nullptr, nullptr, nullptr});
        if (o.format == "json")
            out << report::json(c.plan);
        else if (o.format == "dot")
            out << report::dot(c.plan);
        else if (o.format == "capdl")
            out << report::capdl(c.plan);
        else
            out << report::text(c.plan);
        return 0;
    } catch (const plan::PlanError& e) {
        err << fe.error(e.loc.file != diag::kNoFile ? e.loc
                                                    : diag::Loc::whole(fe.checked->system->file),
                        e.what());
        return 1;
    } catch (const verify::VerifyError& e) {
        err << o.system.string() << ": " << e.what() << "\n";
        return 70;
    }
}

} // namespace rampart::cli
