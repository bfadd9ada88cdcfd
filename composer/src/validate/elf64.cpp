// ELF64 header and program header parsing (System V gABI, ELF-64 Object File
// Format 1.5: e_ident, Elf64_Ehdr, Elf64_Phdr).
#include "validate/elf64.hpp"

#include "model/system.hpp"

namespace rampart::validate {
namespace {

constexpr std::uint32_t kPtLoad = 1;
constexpr std::size_t kEhdrSize = 64;
constexpr std::size_t kPhdrSize = 56;

std::uint64_t le(std::string_view b, std::size_t off, std::size_t n) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i)
        v |= static_cast<std::uint64_t>(static_cast<unsigned char>(b[off + i])) << (8 * i);
    return v;
}

} // namespace

std::variant<ElfImage, std::string> read_elf64(std::string_view b) {
    if (b.size() < 16 || b.substr(0, 4) != "\x7f"
                                           "ELF")
        return std::string("not an ELF file");
    if (b[4] != 2)
        return std::string("not a 64-bit ELF file");
    if (b[5] != 1)
        return std::string("not a little-endian ELF file");
    if (b.size() < kEhdrSize)
        return std::string("truncated ELF header");
    ElfImage img;
    img.machine = static_cast<std::uint16_t>(le(b, 18, 2));
    img.entry = le(b, 24, 8);
    const std::uint64_t phoff = le(b, 32, 8);
    const std::uint64_t phentsize = le(b, 54, 2);
    const std::uint64_t phnum = le(b, 56, 2);
    if (phnum == 0)
        return std::string("ELF file has no program headers");
    if (phentsize < kPhdrSize)
        return std::string("ELF program header entries are too small");
    if (phoff > b.size() || phnum * phentsize > b.size() - phoff)
        return std::string("ELF program headers lie outside the file");
    for (std::uint64_t i = 0; i < phnum; ++i) {
        const std::size_t p = static_cast<std::size_t>(phoff + i * phentsize);
        if (le(b, p, 4) != kPtLoad)
            continue;
        Segment s;
        const std::uint64_t flags = le(b, p + 4, 4);
        s.offset = le(b, p + 8, 8);
        s.vaddr = le(b, p + 16, 8);
        s.filesz = le(b, p + 32, 8);
        s.memsz = le(b, p + 40, 8);
        s.perms = static_cast<std::uint8_t>(((flags & 4) ? model::kRead : 0) |
                                            ((flags & 2) ? model::kWrite : 0) |
                                            ((flags & 1) ? model::kExecute : 0));
        if (s.filesz > s.memsz)
            return "segment " + std::to_string(i) + " has more file bytes than memory bytes";
        if (s.offset > b.size() || s.filesz > b.size() - s.offset)
            return "segment " + std::to_string(i) + " lies outside the file";
        if (s.vaddr + s.memsz < s.vaddr)
            return "segment " + std::to_string(i) + " wraps around the address space";
        if (s.memsz != 0)
            img.segments.push_back(s);
    }
    if (img.segments.empty())
        return std::string("ELF file has no loadable segments");
    return img;
}

} // namespace rampart::validate
