// ELF64 parsing into the typed headers, with bounds checks on every table.
#include "elf/elf_file.hpp"

#include "diag/read_file.hpp"

#include <bit>
#include <cstring>

namespace rampart::elf {
namespace {

static_assert(std::endian::native == std::endian::little,
              "the headers are read by copying little-endian bytes");

// [offset, offset + size) lies inside a file of `file` bytes.
bool inside(std::uint64_t offset, std::uint64_t size, std::size_t file) {
    return offset <= file && size <= file - offset;
}

template <typename T>
T record(const std::vector<std::uint8_t>& bytes, std::uint64_t offset) {
    T out;
    std::memcpy(&out, bytes.data() + offset, sizeof out);
    return out;
}

} // namespace

std::variant<ElfFile, std::string> ElfFile::read(const std::filesystem::path& path) {
    auto bytes = diag::read_file(path);
    if (!bytes)
        return std::string("cannot read the file");
    return parse(std::move(*bytes), path.string());
}

std::variant<ElfFile, std::string> ElfFile::parse(std::vector<std::uint8_t> bytes,
                                                  std::string name) {
    ElfFile f;
    f.name_ = std::move(name);
    f.bytes_ = std::move(bytes);
    const std::vector<std::uint8_t>& b = f.bytes_;
    if (b.size() < 16 || std::memcmp(b.data(), "\x7f" "ELF", 4) != 0)
        return std::string("not an ELF file");
    if (b[4] != 2)
        return std::string("not a 64-bit ELF file");
    if (b[5] != 1)
        return std::string("not a little-endian ELF file");
    if (b.size() < sizeof(FileHeader))
        return std::string("truncated ELF header");
    const FileHeader h = f.header_ = record<FileHeader>(b, 0);

    if (h.phnum && h.phentsize < sizeof(ProgramHeader))
        return std::string("ELF program header entries are too small");
    if (!inside(h.phoff, std::uint64_t{h.phnum} * h.phentsize, b.size()))
        return std::string("ELF program headers lie outside the file");
    for (std::uint64_t i = 0; i < h.phnum; ++i) {
        const auto ph = record<ProgramHeader>(b, h.phoff + i * h.phentsize);
        if (ph.type != kPtLoad)
            continue;
        const std::string which = "segment " + std::to_string(i);
        if (ph.filesz > ph.memsz)
            return which + " has more file bytes than memory bytes";
        if (!inside(ph.offset, ph.filesz, b.size()))
            return which + " lies outside the file";
        if (ph.vaddr + ph.memsz < ph.vaddr)
            return which + " wraps around the address space";
        if (ph.memsz == 0)
            continue;
        Segment s{ph.vaddr, ph.paddr, ph.filesz, ph.memsz, ph.flags, {}};
        s.data.assign(b.begin() + static_cast<std::ptrdiff_t>(ph.offset),
                      b.begin() + static_cast<std::ptrdiff_t>(ph.offset + ph.filesz));
        f.segments_.push_back(std::move(s));
    }

    if (h.shnum && h.shentsize < sizeof(SectionHeader))
        return std::string("ELF section header entries are too small");
    if (!inside(h.shoff, std::uint64_t{h.shnum} * h.shentsize, b.size()))
        return std::string("ELF section headers lie outside the file");
    for (std::uint64_t i = 0; i < h.shnum; ++i) {
        const auto sh = record<SectionHeader>(b, h.shoff + i * h.shentsize);
        if (sh.type != kShtSymtab)
            continue;
        if (sh.link >= h.shnum)
            return std::string("the symbol table names a missing string table");
        const auto str = record<SectionHeader>(b, h.shoff + std::uint64_t{sh.link} * h.shentsize);
        if (!inside(sh.offset, sh.size, b.size()))
            return std::string("the symbol table lies outside the file");
        if (!inside(str.offset, str.size, b.size()))
            return std::string("the string table lies outside the file");
        f.symtab_ = sh;
        f.strtab_ = str;
    }
    return f;
}

std::optional<Symbol> ElfFile::symbol(std::string_view wanted) const {
    const std::uint64_t end = symtab_.offset + symtab_.size;
    for (std::uint64_t at = symtab_.offset; at + sizeof(SymbolEntry) <= end;
         at += sizeof(SymbolEntry)) {
        const auto sym = record<SymbolEntry>(bytes_, at);
        if (sym.name >= strtab_.size)
            continue;
        const char* s = reinterpret_cast<const char*>(bytes_.data() + strtab_.offset + sym.name);
        const std::size_t len = strnlen(s, strtab_.size - sym.name);
        if (std::string_view(s, len) == wanted)
            return Symbol{sym.value, sym.size};
    }
    return std::nullopt;
}

} // namespace rampart::elf
