// `microkit SYSTEM --board B --config C [--search-path DIR...] [-o loader.img]
// [-r report.txt]`: the arguments as Microkit's tool takes them (a
// --search-path takes every following word up to the next option), then
// rampart's build into a temporary folder beside the output, whose raw image
// and text report become the two files Microkit writes.
#include "cli/microkit.hpp"

#include "cli/build.hpp"
#include "driver/driver.hpp"
#include "driver/sdk_layout.hpp"
#include "driver/temp_dir.hpp"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

namespace rampart::cli {
namespace {

namespace fs = std::filesystem;
using driver::kConfigs;
using driver::SdkLayout;
using driver::TargetPart;

struct MicrokitArgs {
    fs::path system;
    fs::path output = "loader.img";
    fs::path report = "report.txt";
    std::string board, config;
    std::vector<fs::path> search_paths;
    std::string image_type = "binary";
    fs::path kernel;
    bool help = false;
};

const char* const kUsage =
    "usage: microkit [-h] [-o OUTPUT] [-r REPORT] --board BOARD --config CONFIG\n"
    "                [--search-path SEARCH_PATH ...] [--image-type {binary,elf}]\n"
    "                [--override-kernel KERNEL] system\n";

void print_help(std::ostream& out) {
    out << kUsage
        << "\nBuilds the system's bootable image and its report with Rampart's composer "
           "(`rampart build`).\n"
           "\npositional arguments:\n"
           "  system                      the system file (Microkit SDF XML, or Rampart JSON)\n"
           "\noptions:\n"
           "  -h, --help                  show this help message and exit\n"
           "  -o, --output OUTPUT         the image (default loader.img): raw, booted by\n"
           "                              QEMU's `-device loader,file=loader.img,addr=0x70000000,"
           "cpu-num=0`\n"
           "                              or any RAM address, or `-kernel`\n"
           "  -r, --report REPORT         the capability report, text (default report.txt)\n"
           "  --board BOARD               a board of this SDK (board/ beside bin/), in Microkit's\n"
           "                              spelling (qemu_virt_aarch64) or Rampart's "
           "(qemu-virt-aarch64)\n"
           "  --config CONFIG             debug, release or benchmark\n"
           "  --search-path SEARCH_PATH ...  folders for program images and prefill files\n"
           "  --image-type {binary,elf}   the image's format (default binary)\n"
           "  --override-kernel KERNEL    use this kernel ELF instead of the SDK's\n"
           "\nMicrokit's --capdl-json, --viper-output and --image-type uimage are not supported;\n"
           "`rampart build --capdl` writes the system's capDL as text.\n"
           "Exit status: 0; 1 on errors in the arguments or the system; 74 when an output cannot\n"
           "be written; 70 on internal errors.\n";
}

// Microkit's parser: options may come in any order; --search-path takes the
// following words until one starts with '-'.
std::optional<MicrokitArgs> parse(int argc, char** argv, std::ostream& err) {
    MicrokitArgs a;
    std::vector<std::string> missing_value;
    auto fail = [&](const std::string& what) {
        err << kUsage << "microkit: error: " << what << "\n";
        return std::nullopt;
    };
    bool have_system = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&](std::string& into) {
            if (i + 1 >= argc)
                return false;
            into = argv[++i];
            return true;
        };
        std::string v;
        if (arg == "-h" || arg == "--help") {
            a.help = true;
            return a;
        } else if (arg == "-o" || arg == "--output") {
            if (!value(v))
                return fail("argument " + arg + ": expected one parameter");
            a.output = v;
        } else if (arg == "-r" || arg == "--report") {
            if (!value(v))
                return fail("argument " + arg + ": expected one parameter");
            a.report = v;
        } else if (arg == "--board") {
            if (!value(a.board))
                return fail("argument --board: expected one parameter");
        } else if (arg == "--config") {
            if (!value(a.config))
                return fail("argument --config: expected one parameter");
        } else if (arg == "--image-type") {
            if (!value(a.image_type))
                return fail("argument --image-type: expected one parameter");
        } else if (arg == "--override-kernel") {
            if (!value(v))
                return fail("argument --override-kernel: expected one parameter");
            a.kernel = v;
        } else if (arg == "--search-path") {
            while (i + 1 < argc && argv[i + 1][0] != '-')
                a.search_paths.emplace_back(argv[++i]);
        } else if (arg == "--capdl-json" || arg == "--viper-output") {
            return fail("argument " + arg + ": not supported by Rampart's microkit (see "
                        "docs/microkit.md); `rampart build --capdl` writes capDL as text");
        } else if (!arg.empty() && arg[0] == '-') {
            return fail("unrecognized argument '" + arg + "'");
        } else if (have_system) {
            return fail("unrecognized argument '" + arg + "' (the system file is '" +
                        a.system.string() + "')");
        } else {
            a.system = arg;
            have_system = true;
        }
    }
    std::vector<std::string> required;
    if (a.board.empty())
        required.push_back("--board");
    if (a.config.empty())
        required.push_back("--config");
    if (!have_system)
        required.push_back("system");
    if (!required.empty()) {
        std::string list;
        for (const auto& r : required)
            list += (list.empty() ? "" : ", ") + r;
        return fail("the following arguments are required: " + list);
    }
    if (std::find(kConfigs.begin(), kConfigs.end(), a.config) == kConfigs.end())
        return fail("argument --config: invalid choice '" + a.config +
                    "' (choose from: debug, release, benchmark)");
    if (a.image_type != "binary" && a.image_type != "elf")
        return fail("argument --image-type: '" + a.image_type +
                    "' is not supported (choose from: binary, elf)");
    return a;
}

} // namespace

int run_microkit(int argc, char** argv, std::ostream& out, std::ostream& err) {
    const auto args = parse(argc, argv, err);
    if (!args)
        return 1;
    if (args->help) {
        print_help(out);
        return 0;
    }
    const SdkLayout sdk = SdkLayout::of_running_binary();
    BuildOptions b;
    b.system = args->system;
    b.board = driver::rampart_board_name(args->board);
    b.config = args->config;
    b.search_paths = args->search_paths;
    b.kernel = args->kernel;
    driver::Driver d;
    auto failed = [&] {
        d.flush(err);
        return d.status();
    };
    if (!driver::find_board_file(args->board))
        d.error({}, "unknown board '" + args->board + "' (no boards/" + b.board +
                        ".json in this SDK)");
    else if (b.kernel.empty() && sdk.target(b.board, b.config, TargetPart::kernel).empty())
        d.error({}, "this SDK has no '" + b.config + "' kernel for board '" + args->board + "'");
    if (const int status = failed(); status != 0)
        return status;

    // Beside the output (same file system): the results are renamed into place.
    std::error_code ec;
    const fs::path output = fs::absolute(args->output, ec);
    const fs::path report = fs::absolute(args->report, ec);
    fs::create_directories(output.parent_path(), ec);
    fs::create_directories(report.parent_path(), ec);
    const driver::TempDir scratch(output.parent_path(), ".microkit-");
    if (!scratch.failure().empty()) {
        d.error(args->output.string(), "cannot write it: " + scratch.failure(),
                diag::Failure::Output);
        return failed();
    }
    b.out_dir = scratch.path();
    std::ostringstream summary; // names the scratch folder: told with the output's name
    const BuildResult built = build_system(b, summary, err);
    if (built.status != 0)
        return built.status;
    if (!built.image) {
        d.error({}, "no image was built (the SDK's kernel, loader or initializer is missing)");
        return failed();
    }
    const fs::path image = scratch.path() / (args->image_type == "elf" ? "image.elf" : "image.bin");
    // The report first: if the image cannot be put in place, the new report goes too.
    fs::rename(scratch.path() / "report.txt", report, ec);
    if (ec) {
        d.error(args->report.string(), "cannot write it: " + ec.message(), diag::Failure::Output);
        return failed();
    }
    fs::rename(image, output, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(report, ignored);
        d.error(args->output.string(), "cannot write it: " + ec.message(), diag::Failure::Output);
        return failed();
    }
    std::string line = summary.str();
    if (line.starts_with(scratch.path().string()))
        line.replace(0, scratch.path().string().size(), args->output.string());
    out << line;
    return 0;
}

} // namespace rampart::cli
