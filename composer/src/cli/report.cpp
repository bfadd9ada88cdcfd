// `rampart report`: plans and verifies a system and prints one report.
#include "cli/build.hpp"

#include "driver/driver.hpp"
#include "report/report.hpp"
#include "report/spec_text.hpp"

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
    driver::Driver d;
    std::vector<std::uint8_t> bytes;
    if (is_binary(o.system, bytes)) {
        if (const auto spec = report::find_spec(bytes)) {
            out << report::spec_text(*spec);
            return 0;
        }
        d.error(o.system.string(), "neither a system file nor a spec or image");
        d.flush(err);
        return d.status();
    }
    const auto build = d.compose({o.system, o.board, o.search_paths, {}, {}, {}, {}}, false);
    d.flush(err);
    if (!build)
        return d.status();
    const plan::Plan& plan = build->composition.plan;
    if (o.format == "json")
        out << report::json(plan);
    else if (o.format == "dot")
        out << report::dot(plan);
    else if (o.format == "capdl")
        out << report::capdl(plan);
    else
        out << report::text(plan);
    return 0;
}

} // namespace rampart::cli
