// The driver: the stages in order, every failure a diagnostic.
#include "driver/driver.hpp"

#include "driver/outputs.hpp"
#include "parse/load.hpp"
#include "plan/allocator.hpp"
#include "report/report.hpp"
#include "verify/verify.hpp"

#include <ostream>

namespace rampart::driver {
namespace {

namespace fs = std::filesystem;

// A board file's name, or a board name as Microkit spells it, as the SDK
// layout names the board's folders.
std::string layout_board(const std::string& board) {
    const bool file = board.ends_with(".json") || board.find('/') != std::string::npos;
    return file ? fs::path(board).stem().string() : rampart_board_name(board);
}

} // namespace

const board::Board* Driver::board(const std::string& name) {
    if (board_ && board_key_ == name)
        return &*board_;
    board_.reset();
    board_key_ = name;
    fs::path file = name;
    if (name.find('/') == std::string::npos && !name.ends_with(".json")) {
        auto found = find_board_file(name);
        if (!found) {
            error({}, "unknown board '" + name + "' (no boards/" + name + ".json)");
            return nullptr;
        }
        file = *found;
    }
    try {
        board_ = board::load_board(file);
        return &*board_;
    } catch (const board::BoardError& e) {
        error(e.file.empty() ? file.string() : e.file,
              std::string("cannot use board '") + name + "': " + e.what());
        return nullptr;
    }
}

std::optional<validate::CheckedSystem> Driver::check(const Options& o) {
    const board::Board* b = board(o.board);
    auto model = parse::load_system(o.system, sources_, diags_);
    if (!b || !model || diags_.has_errors())
        return std::nullopt;
    auto shared = std::make_shared<const model::System>(std::move(*model));
    auto checked = validate::validate(shared, *b, validate::Options{o.search_paths}, diags_);
    if (diags_.has_errors())
        return std::nullopt;
    return checked;
}

std::optional<elf::ElfFile> Driver::target(const fs::path& given, const Options& o,
                                           TargetPart part, const char* role) {
    fs::path path = given;
    if (path.empty()) {
        path = SdkLayout::of_running_binary().target(board_->name, o.config, part);
        if (path.empty())
            return std::nullopt;
    }
    auto elf = elf::ElfFile::read(path);
    if (auto* why = std::get_if<std::string>(&elf)) {
        error(path.string(), std::string("cannot use it as the ") + role + ": " + *why);
        return std::nullopt;
    }
    return std::move(std::get<elf::ElfFile>(elf));
}

std::optional<Build> Driver::compose(const Options& given, bool with_image) {
    // A system file of the source tree finds the programs the build tree built for it.
    Options o = given;
    if (fs::path built = SdkLayout::of_running_binary().programs_of(o.system, layout_board(o.board));
        !built.empty())
        o.search_paths.push_back(std::move(built));
    auto checked = check(o);
    if (!checked)
        return std::nullopt;
    std::optional<elf::ElfFile> kernel, loader, initializer;
    Build out;
    if (with_image) {
        kernel = target(o.kernel, o, TargetPart::kernel, "kernel");
        loader = target(o.loader, o, TargetPart::loader, "loader");
        initializer = target(o.initializer, o, TargetPart::initializer, "initializer");
        if (diags_.has_errors())
            return std::nullopt;
        if (kernel)
            out.kernel = kernel->name();
        if (!initializer)
            out.image_skipped = "no initializer ELF (--initializer)";
        else if (!kernel || !loader)
            out.image_skipped = "kernel or loader ELF not found";
    }
    for (const auto& pd : checked->pds)
        if (pd.pd->virtual_machine)
            diags_.warning(pd.pd->virtual_machine->loc, "virtual machine of '" + pd.pd->name.value +
                                                            "' is validated but not built yet");
    const diag::Loc system = diag::Loc::whole(checked->system->file);
    try {
        out.composition = driver::compose(*checked, *board_,
                                          {kernel ? &*kernel : nullptr, loader ? &*loader : nullptr,
                                           initializer ? &*initializer : nullptr});
        return out;
    } catch (const plan::PlanError& e) {
        diags_.error(e.loc.file != diag::kNoFile ? e.loc : system, e.what());
    } catch (const emit::ImageError& e) {
        error(e.file, e.what());
    } catch (const verify::VerifyError& e) {
        diags_.error(system, std::string("internal error: ") + e.what(),
                     diag::Failure::Internal);
    }
    return std::nullopt;
}

bool Driver::write(const Build& b, const fs::path& dir, bool capdl) {
    const Composition& c = b.composition;
    Outputs files(dir);
    files.add("spec.bin", c.spec);
    files.add("report.txt", report::text(c.plan));
    files.add("report.json", report::json(c.plan));
    files.add("system.dot", report::dot(c.plan));
    if (capdl)
        files.add("system.cdl", report::capdl(c.plan));
    if (c.image) {
        files.add("image.elf", emit::image_elf(*c.image));
        files.add("image.bin", c.image->bytes);
    }
    if (auto failure = files.commit()) {
        error(failure->file.string(), failure->reason, diag::Failure::Output);
        return false;
    }
    if (!c.image) {
        // An image from an earlier build would not match this spec.
        std::error_code ec;
        fs::remove(dir / "image.elf", ec);
        fs::remove(dir / "image.bin", ec);
    }
    return true;
}

void Driver::error(const std::string& file, std::string message, diag::Failure kind) {
    diags_.error(file.empty() ? diag::Loc{} : diag::Loc::whole(sources_.named(file)),
                 std::move(message), kind);
}

void Driver::flush(std::ostream& err) {
    err << diag::render(sources_, diags_);
    if (const int s = diags_.exit_status(); s != 0 && (status_ == 0 || s == 70))
        status_ = s; // an internal error outranks the others
    diags_ = diag::Diagnostics();
}

} // namespace rampart::driver
