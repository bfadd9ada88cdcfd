// `rampart build` (and the build step of `rampart run`): the driver composes
// and writes the files; this prints the summary.
#include "cli/build.hpp"

#include "driver/driver.hpp"
#include "plan/untypeds.hpp"

#include <ostream>

namespace rampart::cli {

BuildResult build_system(const BuildOptions& o, std::ostream& out, std::ostream& err) {
    driver::Driver d;
    const driver::Options options{o.system,   o.board,  o.search_paths, o.config,
                                  o.kernel,   o.loader, o.initializer};
    const auto build = d.compose(options, true);
    if (build)
        d.write(*build, o.out_dir, o.capdl);
    d.flush(err);
    if (d.status() != 0)
        return {d.status(), false, {}};
    const driver::Composition& c = build->composition;
    out << o.out_dir.string() << ": " << c.plan.pds.size() << " protection domains, "
        << c.plan.objects.size() << " kernel objects, " << c.plan.caps.size() << " caps, spec "
        << c.spec.size() << " bytes";
    if (c.image)
        out << ", image " << c.image->bytes.size() << " bytes\n";
    else
        out << "\nnote: image skipped: " << build->image_skipped << "; the spec assumes a "
            << plan::kAssumedInitializerBytes / 1024 << " KiB initializer\n";
    return {0, c.image.has_value(), build->kernel};
}

int run_build(const BuildOptions& o, std::ostream& out, std::ostream& err) {
    return build_system(o, out, err).status;
}

} // namespace rampart::cli
