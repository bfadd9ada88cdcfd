// Where rampart finds the parts it packs into an image, and the board files:
// inside an installed SDK (bin/rampart beside board/ and share/rampart/,
// docs/microkit.md) or inside the build tree it was built in (target/BOARD/).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rampart::driver {

// The kernel configurations of an SDK (docs/build.md, "Kernel configurations").
inline const std::vector<std::string> kConfigs = {"debug", "release", "benchmark"};

enum class TargetPart { kernel, loader, initializer };

class SdkLayout {
  public:
    // The layout of the running rampart binary (/proc/self/exe).
    static SdkLayout of_running_binary();
    // For tests: an SDK installed at prefix, or a build tree at build.
    static SdkLayout installed_at(std::filesystem::path prefix);
    static SdkLayout build_tree_at(std::filesystem::path build, std::filesystem::path source);

    bool installed() const { return installed_; }

    // Folders whose boards/ subfolder holds board files, in search order: the
    // current folder, then the SDK's share/rampart or the source tree.
    std::vector<std::filesystem::path> board_roots() const;

    // The ELF of a part for a board and configuration; empty if not there.
    std::filesystem::path target(const std::string& board, const std::string& config,
                                 TargetPart part) const;

    // Where the build tree builds the programs of a system file of the source
    // tree (target/BOARD/<its folder>), so that `rampart run systems/x/x.system`
    // needs no --search-path; empty outside the build tree or the source tree.
    std::filesystem::path programs_of(const std::filesystem::path& system,
                                      const std::string& board) const;

  private:
    bool installed_ = false;
    std::filesystem::path root_;   // the prefix, or the build tree
    std::filesystem::path source_; // the source tree (build tree only)
};

// A board name as Microkit spells it (qemu_virt_aarch64) becomes Rampart's
// (qemu-virt-aarch64); other names are returned unchanged.
std::string rampart_board_name(const std::string& name);

// The board file of a board name: boards/NAME.json under the running binary's
// board roots, or else under Microkit's spelling of it turned into Rampart's.
std::optional<std::filesystem::path> find_board_file(const std::string& name);

} // namespace rampart::driver
