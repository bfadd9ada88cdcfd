// `rampart report`: plans and verifies a system and prints one report.
#include "cli/build.hpp"

#include "driver/frontend.hpp"
#include "driver/compose.hpp"
#include "plan/allocator.hpp"
#include "report/report.hpp"
#include "report/spec_text.hpp"
#include "verify/verify.hpp"

#include <fstream>
#include <iterator>
#include <ostream>

namespace rampart::cli {

namespace {

// A built spec or image rather than a system file: text files start with '<' or '{'.
bool is_binary(const std::filesystem::path& path, std::vector<std::uint8_t>& bytes) {
    std::ifstream in(path, std::ios::binary);
    const int first = in.peek();
    if (!in || first == '<' || first == '{' || first == ' ' || first == '\n' || first == '\t')
        return false;
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return true;
}

} // namespace

int run_report(const ReportOptions& o, std::ostream& out, std::ostream& err) {
    std::vector<std::uint8_t> bytes;
    if (is_binary(o.system, bytes)) {
        const auto spec = report::find_spec(bytes);
        if (!spec) {
            err << o.system.string() << ": error: neither a system file nor a spec or image\n";
            return 1;
        }
        out << report::spec_text(*spec);
        return 0;
    }
    driver::Frontend fe = driver::load_and_validate(o.system, o.board, o.search_paths, err);
    if (!fe.checked)
        return 1;
    try {
        const driver::Composition c =
            driver::compose({*fe.checked, *fe.board, nullptr, nullptr, nullptr});
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
