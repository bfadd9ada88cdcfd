// The composer's one ELF reader: program images (validated once, carried in
// the checked system, laid out by the planner) and the kernel, loader and
// initializer (packed by the image writer). ELF64 little-endian only, every
// field bounds-checked: a malformed file gives a reason, never a crash.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace rampart::elf {

// The headers as the file holds them (System V gABI; ELF-64 Object File
// Format 1.5, Elf64_Ehdr, Elf64_Phdr, Elf64_Shdr, Elf64_Sym).
struct FileHeader {
    std::uint8_t ident[16];
    std::uint16_t type;
    std::uint16_t machine;
    std::uint32_t version;
    std::uint64_t entry;
    std::uint64_t phoff;
    std::uint64_t shoff;
    std::uint32_t flags;
    std::uint16_t ehsize;
    std::uint16_t phentsize;
    std::uint16_t phnum;
    std::uint16_t shentsize;
    std::uint16_t shnum;
    std::uint16_t shstrndx;
};
static_assert(sizeof(FileHeader) == 64);

struct ProgramHeader {
    std::uint32_t type;
    std::uint32_t flags;
    std::uint64_t offset;
    std::uint64_t vaddr;
    std::uint64_t paddr;
    std::uint64_t filesz;
    std::uint64_t memsz;
    std::uint64_t align;
};
static_assert(sizeof(ProgramHeader) == 56);

struct SectionHeader {
    std::uint32_t name;
    std::uint32_t type;
    std::uint64_t flags;
    std::uint64_t addr;
    std::uint64_t offset;
    std::uint64_t size;
    std::uint32_t link;
    std::uint32_t info;
    std::uint64_t addralign;
    std::uint64_t entsize;
};
static_assert(sizeof(SectionHeader) == 64);

struct SymbolEntry {
    std::uint32_t name;
    std::uint8_t info;
    std::uint8_t other;
    std::uint16_t shndx;
    std::uint64_t value;
    std::uint64_t size;
};
static_assert(sizeof(SymbolEntry) == 24);

inline constexpr std::uint16_t kMachineAarch64 = 183; // EM_AARCH64
inline constexpr std::uint16_t kMachineRiscv = 243;   // EM_RISCV
inline constexpr std::uint32_t kPtLoad = 1;
inline constexpr std::uint32_t kShtSymtab = 2;
inline constexpr std::uint32_t kPfX = 1, kPfW = 2, kPfR = 4;

// A loadable segment (PT_LOAD with memory bytes), with its file bytes.
struct Segment {
    std::uint64_t vaddr = 0;
    std::uint64_t paddr = 0;
    std::uint64_t file_size = 0;
    std::uint64_t mem_size = 0;
    std::uint32_t flags = 0;        // kPfX | kPfW | kPfR
    std::vector<std::uint8_t> data; // file_size bytes
};

struct Symbol {
    std::uint64_t value = 0;
    std::uint64_t size = 0;
};

class ElfFile {
  public:
    // The file at path, or why it cannot be used.
    static std::variant<ElfFile, std::string> read(const std::filesystem::path& path);
    static std::variant<ElfFile, std::string> parse(std::vector<std::uint8_t> bytes,
                                                    std::string name);

    const FileHeader& header() const { return header_; }
    std::uint16_t machine() const { return header_.machine; }
    std::uint64_t entry() const { return header_.entry; }
    const std::vector<Segment>& segments() const { return segments_; }
    std::optional<Symbol> symbol(std::string_view name) const;
    // The file's name, as given to read() or parse().
    const std::string& name() const { return name_; }

  private:
    std::string name_;
    std::vector<std::uint8_t> bytes_;
    FileHeader header_{};
    std::vector<Segment> segments_;
    SectionHeader symtab_{}, strtab_{}; // size 0 when the file has no symbol table
};

} // namespace rampart::elf
