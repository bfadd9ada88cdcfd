// Validation: the semantic rules of a system (names, ranges, references,
// address-space and physical overlaps, scheduling rules, memory fit). Takes
// the immutable model and returns a checked system with what the rules had
// to resolve (program images read once, region page sizes), or nothing on errors.
#pragma once

#include "board/board.hpp"
#include "diag/diagnostics.hpp"
#include "model/system.hpp"
#include "elf/elf_file.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

namespace rampart::validate {

struct Options {
    // Folders searched for program images and prefill files after the
    // system file's own folder.
    std::vector<std::filesystem::path> search_paths;
};

// One PD, in depth-first order (a parent before its children).
struct PdInfo {
    const model::ProtectionDomain* pd = nullptr; // points into CheckedSystem::system
    std::optional<std::size_t> parent;           // index into CheckedSystem::pds
    std::filesystem::path image;                 // resolved program image
    std::shared_ptr<const elf::ElfFile> elf;     // it, read once (PDs may share it)
    std::shared_ptr<const elf::ElfFile> symbols; // path_for_symbols read once; null: elf's own
};

struct RegionInfo {
    std::uint64_t size = 0;
    std::uint64_t page_size = 0;
    std::filesystem::path prefill;  // resolved prefill file, if any
    std::uint64_t prefill_size = 0; // its size in bytes
};

struct CheckedSystem {
    std::shared_ptr<const model::System> system;
    std::vector<PdInfo> pds;
    std::vector<RegionInfo> regions; // in the order of system->regions
    std::vector<std::uint64_t> domain_ids; // of each <domain>, in order: given or assigned
};

std::optional<CheckedSystem> validate(std::shared_ptr<const model::System> system,
                                      const board::Board& board, const Options& options,
                                      diag::Diagnostics& diags);

} // namespace rampart::validate
