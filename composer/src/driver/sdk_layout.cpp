// The two layouts rampart runs from: an installed SDK and its build tree.
#include "driver/sdk_layout.hpp"

#include "board/board.hpp"

#include <algorithm>

#ifndef RAMPART_SOURCE_ROOT
#define RAMPART_SOURCE_ROOT "."
#endif

namespace rampart::driver {
namespace {

namespace fs = std::filesystem;

bool is_file(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec);
}

// The part's file name inside a build tree's target/BOARD/.
fs::path build_tree_file(const std::string& config, TargetPart part) {
    switch (part) {
    case TargetPart::kernel:
        return config == "debug" ? fs::path("kernel/kernel.elf")
                                 : fs::path("kernel/kernel-" + config + ".elf");
    case TargetPart::loader:
        return "runtime/loader/loader.elf";
    case TargetPart::initializer:
        break;
    }
    return "runtime/initializer/initializer.elf";
}

const char* installed_file(TargetPart part) {
    switch (part) {
    case TargetPart::kernel:
        return "kernel.elf";
    case TargetPart::loader:
        return "loader.elf";
    case TargetPart::initializer:
        break;
    }
    return "initializer.elf";
}

// Whether `inner` lies inside `outer` (both absolute and normalised).
std::optional<fs::path> relative_inside(const fs::path& inner, const fs::path& outer) {
    const fs::path rel = inner.lexically_relative(outer);
    if (rel.empty() || *rel.begin() == "..")
        return std::nullopt;
    return rel;
}

} // namespace

SdkLayout SdkLayout::of_running_binary() {
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (ec)
        return build_tree_at({}, RAMPART_SOURCE_ROOT);
    const fs::path prefix = self.parent_path().parent_path();
    // An installed SDK: PREFIX/bin/rampart beside PREFIX/share/rampart.
    if (fs::is_directory(prefix / "share" / "rampart" / "boards", ec))
        return installed_at(prefix);
    // The build tree: BUILD/composer/rampart.
    return build_tree_at(prefix, RAMPART_SOURCE_ROOT);
}

SdkLayout SdkLayout::installed_at(fs::path prefix) {
    SdkLayout l;
    l.installed_ = true;
    l.root_ = std::move(prefix);
    return l;
}

SdkLayout SdkLayout::build_tree_at(fs::path build, fs::path source) {
    SdkLayout l;
    l.root_ = std::move(build);
    l.source_ = std::move(source);
    return l;
}

std::vector<fs::path> SdkLayout::board_roots() const {
    std::error_code ec;
    std::vector<fs::path> roots{fs::current_path(ec)};
    roots.push_back(installed_ ? root_ / "share" / "rampart" : source_);
    return roots;
}

fs::path SdkLayout::target(const std::string& board, const std::string& config,
                           TargetPart part) const {
    if (root_.empty())
        return {};
    const fs::path p = installed_
                           ? root_ / "board" / board / config / "elf" / installed_file(part)
                           : root_ / "target" / board / build_tree_file(config, part);
    return is_file(p) ? p : fs::path();
}

fs::path SdkLayout::programs_of(const fs::path& system, const std::string& board) const {
    if (installed_ || root_.empty() || source_.empty())
        return {};
    std::error_code ec;
    const fs::path file = fs::weakly_canonical(fs::absolute(system, ec), ec);
    const fs::path source = fs::weakly_canonical(source_, ec);
    const auto rel = relative_inside(file.parent_path(), source);
    if (!rel)
        return {};
    const fs::path dir = root_ / "target" / board / *rel;
    return fs::is_directory(dir, ec) ? dir : fs::path();
}

std::string rampart_board_name(const std::string& name) {
    if (name.find('/') != std::string::npos || name.ends_with(".json"))
        return name;
    std::string out = name;
    std::replace(out.begin(), out.end(), '_', '-');
    return out;
}

std::optional<fs::path> find_board_file(const std::string& name) {
    const auto roots = SdkLayout::of_running_binary().board_roots();
    if (auto found = board::find_board(name, roots))
        return found;
    const std::string renamed = rampart_board_name(name);
    if (renamed != name)
        return board::find_board(renamed, roots);
    return std::nullopt;
}

} // namespace rampart::driver
