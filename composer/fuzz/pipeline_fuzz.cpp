// libFuzzer target for the whole pipeline: an input that is a valid system
// (for the default board, with the fixed program images of tests/plan/systems
// and tests/corpus/images) is planned, verified, written as a spec and read
// back as `rampart report spec.bin` reads it, packed into an image with the build's target ELFs (when the target
// part is built) and reported in every format. A system that does not fit is
// a user error (plan::PlanError); anything else thrown, a dry run that refuses
// the plan, or a sanitizer report is a composer bug and crashes the target.
#include "board/board.hpp"
#include "diag/diagnostics.hpp"
#include "driver/compose.hpp"
#include "elf/elf_file.hpp"
#include "emit/image_writer.hpp"
#include "parse/load.hpp"
#include "plan/allocator.hpp"
#include "report/report.hpp"
#include "report/spec_text.hpp"
#include "validate/validate.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>

namespace {

using namespace rampart;

const board::Board& default_board() {
    static const board::Board b =
        board::load_board(RAMPART_SOURCE_ROOT "/boards/qemu-virt-aarch64.json");
    return b;
}

// The target ELFs, read once: RAMPART_FUZZ_TARGET_DIR names a target build
// (the environment variable of that name overrides the built-in folder).
std::optional<elf::ElfFile> target(const char* rel) {
    const char* env = std::getenv("RAMPART_FUZZ_TARGET_DIR");
    const std::string dir = env ? env : RAMPART_FUZZ_TARGET_DIR;
    if (dir.empty())
        return std::nullopt;
    auto elf = elf::ElfFile::read(dir + "/" + rel);
    if (auto* f = std::get_if<elf::ElfFile>(&elf))
        return std::move(*f);
    return std::nullopt;
}

const driver::TargetElves& targets() {
    static const std::optional<elf::ElfFile> kernel = target("kernel/kernel.elf");
    static const std::optional<elf::ElfFile> loader = target("runtime/loader/loader.elf");
    static const std::optional<elf::ElfFile> init = target("runtime/initializer/initializer.elf");
    static const driver::TargetElves t{kernel ? &*kernel : nullptr, loader ? &*loader : nullptr,
                                       init ? &*init : nullptr};
    return t;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)targets();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    diag::SourceManager sources;
    diag::Diagnostics diags;
    auto system = parse::parse_system("fuzz", std::move(text), sources, diags);
    if (!system || diags.has_errors())
        return -1; // not a valid system: keep it out of the corpus
    validate::Options options{
        {RAMPART_SOURCE_ROOT "/tests/plan/systems", RAMPART_SOURCE_ROOT "/tests/corpus/images"}};
    auto checked = validate::validate(std::make_shared<const model::System>(std::move(*system)),
                                      default_board(), options, diags);
    if (!checked)
        return -1;
    std::optional<driver::Composition> c;
    try {
        c = driver::compose(*checked, default_board(), targets());
    } catch (const plan::PlanError&) {
        return 0; // the system does not fit: reported to the user, not a bug
    }
    std::size_t bytes = report::text(c->plan).size() + report::json(c->plan).size() +
                        report::dot(c->plan).size() + report::capdl(c->plan).size() +
                        report::spec_text(report::find_spec(c->spec).value()).size();
    if (c->image)
        bytes += emit::image_elf(*c->image).size();
    return bytes == 0 ? -1 : 0;
}
