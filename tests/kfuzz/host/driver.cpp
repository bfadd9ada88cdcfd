// rampart-kfuzz: the seeded host fuzzer. Deterministic per seed; on a failure
// it prints the seed, the step and the command that reproduces it with a trace.
//
//   rampart-kfuzz [--seed N] [--calls N] [--episode N] [--trace-from N]
//                 [--tolerate TEXT]... [--quiet]
// --tolerate: an invariant violation whose message contains TEXT ends the
// episode instead of the run (a known defect not fixed yet).
#include "host_fuzz.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

int main(int argc, char** argv) {
    rampart::kfuzz::Options o;
    for (int i = 1; i < argc; ++i) {
        auto number = [&](const char* name) {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "rampart-kfuzz: %s needs a number\n", name);
                std::exit(2);
            }
            return std::strtoull(argv[++i], nullptr, 0);
        };
        if (!std::strcmp(argv[i], "--seed"))
            o.seed = number("--seed");
        else if (!std::strcmp(argv[i], "--calls"))
            o.calls = number("--calls");
        else if (!std::strcmp(argv[i], "--episode"))
            o.episode_calls = number("--episode");
        else if (!std::strcmp(argv[i], "--trace-from"))
            o.trace_from = number("--trace-from");
        else if (!std::strcmp(argv[i], "--tolerate") && i + 1 < argc) {
            unsigned n = 0;
            while (n < 16 && o.tolerate[n])
                ++n;
            if (n < 16)
                o.tolerate[n] = argv[++i];
        } else if (!std::strcmp(argv[i], "--quiet"))
            o.quiet = true;
        else {
            std::fprintf(stderr, "usage: rampart-kfuzz [--seed N] [--calls N] [--episode N] "
                                 "[--trace-from N] [--tolerate TEXT]... [--quiet]\n");
            return 2;
        }
    }
    std::printf("kfuzz: seed %llu, %llu steps, a fresh machine every %llu\n",
                static_cast<unsigned long long>(o.seed), static_cast<unsigned long long>(o.calls),
                static_cast<unsigned long long>(o.episode_calls));
    std::fflush(stdout);
    const auto start = std::chrono::steady_clock::now();
    rampart::kfuzz::Stats stats;
    rampart::kfuzz::run_seeded(o, stats);
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!o.quiet)
        rampart::kfuzz::print_stats(stats);
    std::printf("kfuzz: seed %llu: %llu steps, no failure (%.1f s)\n",
                static_cast<unsigned long long>(o.seed),
                static_cast<unsigned long long>(stats.steps), secs);
    return 0;
}
