// Registers `build` and `report` on the rampart command line.
#pragma once

#include "cli/build.hpp"

#include <CLI/CLI.hpp>

#include <memory>
#include <optional>

namespace rampart::cli {

// --config, --kernel, --loader and --initializer of `build` and `run`.
void add_target_options(CLI::App& cmd, BuildOptions& b);

class BackendCommands {
  public:
    explicit BackendCommands(CLI::App& app);
    // The exit status when one of these subcommands was chosen.
    std::optional<int> run(std::ostream& out, std::ostream& err) const;

  private:
    std::unique_ptr<BuildOptions> build_ = std::make_unique<BuildOptions>();
    std::unique_ptr<ReportOptions> report_ = std::make_unique<ReportOptions>();
    CLI::App* build_cmd_ = nullptr;
    CLI::App* report_cmd_ = nullptr;
};

} // namespace rampart::cli
