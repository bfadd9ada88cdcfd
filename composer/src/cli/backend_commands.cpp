// Options and help texts of `rampart build` and `rampart report`.
#include "cli/backend_commands.hpp"

namespace rampart::cli {

void add_target_options(CLI::App& cmd, BuildOptions& b) {
    cmd.add_option("--config", b.config,
                   "Kernel configuration: debug (debug system calls and self-checks), release, "
                   "or benchmark (release, with console, halt and the cycle counter)")
        ->capture_default_str()
        ->check(CLI::IsMember({"debug", "release", "benchmark"}));
    cmd.add_option("--kernel", b.kernel,
                   "Kernel ELF (default: the SDK's board/BOARD/CONFIG/elf/kernel.elf, or "
                   "target/BOARD/kernel/ in the build tree)");
    cmd.add_option("--loader", b.loader,
                   "Loader ELF (default: the SDK's, or target/BOARD/runtime/loader/loader.elf)");
    cmd.add_option("--initializer", b.initializer,
                   "Initializer ELF (default: the SDK's, or "
                   "target/BOARD/runtime/initializer/initializer.elf); without it the image is "
                   "skipped");
}

BackendCommands::BackendCommands(CLI::App& app) {
    BuildOptions& b = *build_;
    build_cmd_ = app.add_subcommand(
        "build", "Compose a system: plan and verify every object, cap and mapping, then write "
                 "spec.bin, report.txt, report.json, system.dot and (given the target ELFs) "
                 "image.elf and image.bin into OUTDIR");
    build_cmd_->add_option("SYSTEM", b.system, "The system file (.system/.xml or .json)")
        ->required();
    build_cmd_->add_option("-o,--output", b.out_dir, "Output folder")->required();
    build_cmd_
        ->add_option("--board", b.board, "Board name (boards/NAME.json) or path to a board file")
        ->capture_default_str();
    build_cmd_->add_option("--search-path", b.search_paths,
                           "Extra folder for program images and prefill files (repeatable)");
    add_target_options(*build_cmd_, b);
    build_cmd_->add_flag("--capdl", b.capdl, "Also write system.cdl, a capDL-like listing");

    ReportOptions& r = *report_;
    report_cmd_ = app.add_subcommand(
        "report", "Plan and verify a system and print its capability-distribution report; given "
                  "spec.bin or an image, print the spec it holds");
    report_cmd_
        ->add_option("SYSTEM", r.system,
                     "The system file (.system/.xml or .json), or a built spec.bin or image")
        ->required();
    report_cmd_->add_option("--board", r.board, "Board name or path to a board file")
        ->capture_default_str();
    report_cmd_->add_option("--search-path", r.search_paths,
                            "Extra folder for program images and prefill files (repeatable)");
    report_cmd_->add_option("--format", r.format, "txt, json, dot or capdl")
        ->capture_default_str()
        ->check(CLI::IsMember({"txt", "json", "dot", "capdl"}));
}

std::optional<int> BackendCommands::run(std::ostream& out, std::ostream& err) const {
    if (*build_cmd_)
        return run_build(*build_, out, err);
    if (*report_cmd_)
        return run_report(*report_, out, err);
    return std::nullopt;
}

} // namespace rampart::cli
