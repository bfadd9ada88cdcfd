// A read-only view of an ELF64 little-endian executable: loadable segments and symbols.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace rampart::elf {

struct ElfSegment {
    std::uint64_t vaddr = 0;
    std::uint64_t paddr = 0;
    std::uint64_t file_size = 0;
    std::uint64_t mem_size = 0;
    std::uint32_t flags = 0;        // PF_X 1, PF_W 2, PF_R 4
    std::vector<std::uint8_t> data; // file_size bytes
};

struct ElfSymbol {
    std::uint64_t value = 0;
    std::uint64_t size = 0;
};

class ElfFile {
  public:
    // Throws ElfError naming the file and the defect.
    static ElfFile load(const std::filesystem::path& path);
    static ElfFile parse(std::vector<std::uint8_t> bytes, const std::string& name);

    std::uint16_t machine() const { return machine_; }
    std::uint64_t entry() const { return entry_; }
    const std::vector<ElfSegment>& segments() const { return segments_; }
    std::optional<ElfSymbol> symbol(const std::string& name) const;
    const std::string& name() const { return name_; }

  private:
    std::string name_;
    std::vector<std::uint8_t> bytes_;
    std::uint16_t machine_ = 0;
    std::uint64_t entry_ = 0;
    std::vector<ElfSegment> segments_;
    std::uint64_t symtab_off_ = 0, symtab_size_ = 0, strtab_off_ = 0, strtab_size_ = 0;
};

struct ElfError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

inline constexpr std::uint16_t elf_machine_aarch64 = 183;
inline constexpr std::uint16_t elf_machine_riscv = 243;

} // namespace rampart::elf
