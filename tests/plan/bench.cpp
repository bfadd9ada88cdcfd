// Planning benchmark (not a test): composes generated systems of 10, 100 and
// 1000 PDs with channels and shared regions and prints the time of each stage.
#include "support.hpp"

#include "spec/spec_writer.hpp"
#include "plan/planner.hpp"
#include "plan/untypeds.hpp"
#include "report/report.hpp"
#include "verify/verify.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>

using namespace rampart;
using Clock = std::chrono::steady_clock;

namespace {

// Best of `runs` wall-clock times, in milliseconds.
double best_ms(int runs, const std::function<void()>& f) {
    double best = 1e30;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = Clock::now();
        f();
        best = std::min(best, std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    return best;
}

} // namespace

int main() {
    std::printf("%6s %10s %10s %10s %10s %10s %10s %8s %10s\n", "PDs", "front(ms)", "plan(ms)",
                "verify(ms)", "spec(ms)", "total(ms)", "report(ms)", "objects", "spec(B)");
    for (unsigned n : {10u, 63u, 100u, 1000u}) {
        const std::string text = test::generated_system(n);
        const int runs = n >= 1000 ? 3 : 10;
        std::optional<validate::CheckedSystem> sys;
        const double front = best_ms(runs, [&] { sys = test::load_text("gen.system", text); });
        const auto root =
            plan::place_root_image(test::board(), nullptr, nullptr, driver::kSpecGranule);
        const plan::Inputs in{test::board(), plan::predict_untypeds(test::board(), root),
                              root.kernel, root.root_image};
        plan::Plan p;
        const double planning = best_ms(runs, [&] { p = plan::plan(*sys, in); });
        const double verifying = best_ms(runs, [&] { p = verify::verify(p); });
        std::vector<std::uint8_t> spec;
        const double writing = best_ms(runs, [&] { spec = spec::write_spec(p); });
        driver::Composition c;
        const double total = best_ms(runs, [&] { c = test::compose(*sys); });
        const double reporting = best_ms(runs, [&] {
            volatile std::size_t s = report::text(c.plan).size() + report::json(c.plan).size();
            (void)s;
        });
        std::printf("%6u %10.2f %10.2f %10.2f %10.2f %10.2f %10.2f %8zu %10zu\n", n, front,
                    planning, verifying, writing, front + total, reporting, c.plan.objects.size(),
                    spec.size());
    }
    return 0;
}
