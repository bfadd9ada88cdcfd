// `rampart build` (and the build step of `rampart run`): every output goes to a
// temporary name in the output folder and is renamed only once all of them are
// written, so an error leaves none.
#include "cli/build.hpp"

#include "driver/frontend.hpp"
#include "driver/sdk_layout.hpp"
#include "driver/compose.hpp"
#include "spec/spec_writer.hpp"
#include "plan/allocator.hpp"
#include "report/report.hpp"
#include "verify/verify.hpp"

#include <fstream>
#include <ostream>

namespace rampart::cli {
namespace {

namespace fs = std::filesystem;

class Outputs {
  public:
    explicit Outputs(fs::path dir) : dir_(std::move(dir)) {}
    ~Outputs() {
        std::error_code ec;
        for (const auto& [tmp, final] : files_)
            fs::remove(tmp, ec);
    }
    void add(const std::string& name, const void* data, std::size_t size) {
        const fs::path final = dir_ / name;
        const fs::path tmp = dir_ / ("." + name + ".tmp");
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        f.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
        files_.emplace_back(tmp, final);
        if (!f)
            throw std::runtime_error("cannot write '" + tmp.string() + "'");
    }
    void add(const std::string& name, const std::string& text) {
        add(name, text.data(), text.size());
    }
    // A file already written under a temporary name.
    void adopt(const fs::path& tmp, const std::string& name) {
        files_.emplace_back(tmp, dir_ / name);
    }
    void commit() {
        for (const auto& [tmp, final] : files_)
            fs::rename(tmp, final);
        files_.clear();
    }

  private:
    fs::path dir_;
    std::vector<std::pair<fs::path, fs::path>> files_;
};

const elf::ElfFile* load_target(const fs::path& given, const fs::path& fallback,
                                 std::optional<elf::ElfFile>& slot) {
    const fs::path p = given.empty() ? fallback : given;
    if (p.empty())
        return nullptr;
    slot = elf::ElfFile::load(p);
    return &*slot;
}

BuildResult failed(int status) {
    BuildResult r;
    r.status = status;
    return r;
}

} // namespace

BuildResult build_system(const BuildOptions& o, std::ostream& out, std::ostream& err) {
    std::vector<fs::path> search = o.search_paths;
    const bool board_file = o.board.ends_with(".json") || o.board.find('/') != std::string::npos;
    const std::string board = board_file ? fs::path(o.board).stem().string()
                                         : driver::rampart_board_name(o.board);
    if (fs::path built = driver::SdkLayout::of_running_binary().programs_of(o.system, board);
        !built.empty())
        search.push_back(std::move(built));
    driver::Frontend fe = driver::load_and_validate(o.system, o.board, search, err);
    if (!fe.checked)
        return failed(1);
    try {
        std::optional<elf::ElfFile> kernel, loader, init;
        driver::ComposeInputs in{*fe.checked, *fe.board, nullptr, nullptr, nullptr};
        using driver::TargetPart;
        const auto sdk = driver::SdkLayout::of_running_binary();
        const std::string& board = fe.board->name;
        const fs::path kernel_path =
            o.kernel.empty() ? sdk.target(board, o.config, TargetPart::kernel) : o.kernel;
        in.kernel = load_target(kernel_path, {}, kernel);
        in.loader = load_target(o.loader, sdk.target(board, o.config, TargetPart::loader), loader);
        in.initializer = load_target(
            o.initializer, sdk.target(board, o.config, TargetPart::initializer), init);
        const driver::Composition c = driver::compose(in);

        std::error_code ec;
        fs::create_directories(o.out_dir, ec);
        Outputs files(o.out_dir);
        files.add("spec.bin", c.spec.data(), c.spec.size());
        files.add("report.txt", report::text(c.plan));
        files.add("report.json", report::json(c.plan));
        files.add("system.dot", report::dot(c.plan));
        if (o.capdl)
            files.add("system.cdl", report::capdl(c.plan));
        if (c.image) {
            emit::write_image_elf(*c.image, o.out_dir / ".image.elf.tmp");
            files.adopt(o.out_dir / ".image.elf.tmp", "image.elf");
            emit::write_image_raw(*c.image, o.out_dir / ".image.bin.tmp");
            files.adopt(o.out_dir / ".image.bin.tmp", "image.bin");
        } else {
            // An image from an earlier build would not match this spec.
            fs::remove(o.out_dir / "image.elf", ec);
            fs::remove(o.out_dir / "image.bin", ec);
        }
        files.commit();
        for (const auto& pd : fe.checked->pds)
            if (pd.pd->virtual_machine)
                out << "warning: virtual machine of '" << pd.pd->name.value
                    << "' is validated but not built yet\n";
        out << o.out_dir.string() << ": " << c.plan.pds.size() << " protection domains, "
            << c.plan.objects.size() << " kernel objects, " << c.plan.caps.size() << " caps, spec "
            << c.spec.size() << " bytes";
        if (c.image)
            out << ", image " << c.image->bytes.size() << " bytes\n";
        else
            out << "\nnote: image skipped: "
                << (in.initializer ? "kernel or loader ELF not found"
                                   : "no initializer ELF (--initializer)")
                << "; the spec assumes a " << plan::kAssumedInitializerBytes / 1024
                << " KiB initializer\n";
        return {0, c.image.has_value(), kernel_path};
    } catch (const plan::PlanError& e) {
        err << fe.error(e.loc.file != diag::kNoFile ? e.loc
                                                    : diag::Loc::whole(fe.checked->system->file),
                        e.what());
        return failed(1);
    } catch (const elf::ElfError& e) {
        err << "error: " << e.what() << "\n";
        return failed(1);
    } catch (const emit::ImageError& e) {
        err << "error: " << e.what() << "\n";
        return failed(1);
    } catch (const verify::VerifyError& e) {
        err << o.system.string() << ": " << e.what() << "\n";
        return failed(70);
    }
}

int run_build(const BuildOptions& o, std::ostream& out, std::ostream& err) {
    return build_system(o, out, err).status;
}

} // namespace rampart::cli
