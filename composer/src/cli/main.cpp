// The `rampart` command line: subcommands over the composer stages.
#include "cli/backend_commands.hpp"
#include "cli/check.hpp"
#include "cli/microkit.hpp"
#include "cli/run.hpp"
#include "cli/schemas.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <map>

int main(int argc, char** argv) {
    // Installed as bin/microkit too: seL4 Microkit's command line (cli/microkit.hpp).
    if (argc > 0 && std::filesystem::path(argv[0]).filename() == "microkit") {
        try {
            return rampart::cli::run_microkit(argc, argv, std::cout, std::cerr);
        } catch (const std::exception& e) {
            std::cerr << "microkit: internal error: " << e.what() << "\n";
            return 70;
        }
    }
    CLI::App app{"rampart: compose a Rampart system from a system description"};
    app.require_subcommand(1);

    rampart::cli::CheckOptions check;
    CLI::App* check_cmd = app.add_subcommand(
        "check", "Parse and validate a system file (XML or JSON); exit non-zero on errors");
    check_cmd->add_option("SYSTEM", check.system, "The system file (.system/.xml or .json)")
        ->required();
    check_cmd
        ->add_option("--board", check.board,
                     "Board name (boards/NAME.json) or path to a board file")
        ->capture_default_str();
    check_cmd->add_option("--search-path", check.search_paths,
                          "Extra folder for program images and prefill files (repeatable)");

    std::string which;
    CLI::App* schema_cmd = app.add_subcommand("schema", "Print one of the input schemas");
    schema_cmd->add_option("SCHEMA", which, "system-json, system-xsd or board")
        ->required()
        ->check(CLI::IsMember({"system-json", "system-xsd", "board"}));

    const rampart::cli::BackendCommands backend(app);
    const rampart::cli::RunCommand run(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }

    try {
        if (auto status = backend.run(std::cout, std::cerr))
            return *status;
        if (auto status = run.run(std::cout, std::cerr))
            return *status;
        if (*check_cmd)
            return rampart::cli::run_check(check, std::cout, std::cerr);
        if (*schema_cmd) {
            const std::map<std::string, const char*> schemas{
                {"system-json", rampart::cli::schema_system_schema_json},
                {"system-xsd", rampart::cli::schema_system_xsd},
                {"board", rampart::cli::schema_board_schema_json}};
            std::cout << schemas.at(which);
            return 0;
        }
    } catch (const std::exception& e) {
        std::cerr << "rampart: internal error: " << e.what() << "\n";
        return 70;
    }
    return 2;
}
