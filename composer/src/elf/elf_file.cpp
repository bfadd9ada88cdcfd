// ELF64 reading with bounds checks on every field: a malformed file is an error, never a crash.
#include "elf/elf_file.hpp"

#include <cstring>
#include <fstream>
#include <iterator>

namespace rampart::elf {
namespace {

constexpr std::uint32_t pt_load = 1;
constexpr std::uint32_t sht_symtab = 2;

class Reader {
  public:
    Reader(const std::vector<std::uint8_t>& b, const std::string& n) : bytes_(b), name_(n) {}

    template <typename T>
    T get(std::uint64_t off) const {
        if (off > bytes_.size() || sizeof(T) > bytes_.size() - off)
            fail("truncated file (field at offset " + std::to_string(off) + ")");
        T v;
        std::memcpy(&v, bytes_.data() + off, sizeof(T));
        return v;
    }

    void check_range(std::uint64_t off, std::uint64_t size, const char* what) const {
        if (off > bytes_.size() || size > bytes_.size() - off)
            fail(std::string(what) + " lies outside the file");
    }

    [[noreturn]] void fail(const std::string& what) const {
        throw ElfError(name_ + ": error: not a usable ELF64 executable: " + what);
    }

  private:
    const std::vector<std::uint8_t>& bytes_;
    const std::string& name_;
};

} // namespace

ElfFile ElfFile::load(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ElfError(path.string() + ": error: cannot open file");
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                    std::istreambuf_iterator<char>());
    return parse(std::move(bytes), path.string());
}

ElfFile ElfFile::parse(std::vector<std::uint8_t> bytes, const std::string& name) {
    ElfFile f;
    f.name_ = name;
    f.bytes_ = std::move(bytes);
    const Reader r(f.bytes_, f.name_);
    if (f.bytes_.size() < 64 || std::memcmp(f.bytes_.data(),
                                            "\x7f"
                                            "ELF",
                                            4) != 0)
        r.fail("bad magic");
    if (f.bytes_[4] != 2 || f.bytes_[5] != 1)
        r.fail("only 64-bit little-endian files are supported");
    f.machine_ = r.get<std::uint16_t>(18);
    f.entry_ = r.get<std::uint64_t>(24);
    const auto phoff = r.get<std::uint64_t>(32);
    const auto shoff = r.get<std::uint64_t>(40);
    const auto phentsize = r.get<std::uint16_t>(54);
    const auto phnum = r.get<std::uint16_t>(56);
    const auto shentsize = r.get<std::uint16_t>(58);
    const auto shnum = r.get<std::uint16_t>(60);
    if (phnum && phentsize < 56)
        r.fail("program header entries too small");
    for (std::uint64_t i = 0; i < phnum; ++i) {
        const std::uint64_t ph = phoff + i * phentsize;
        if (r.get<std::uint32_t>(ph) != pt_load)
            continue;
        ElfSegment s;
        s.flags = r.get<std::uint32_t>(ph + 4);
        const auto offset = r.get<std::uint64_t>(ph + 8);
        s.vaddr = r.get<std::uint64_t>(ph + 16);
        s.paddr = r.get<std::uint64_t>(ph + 24);
        s.file_size = r.get<std::uint64_t>(ph + 32);
        s.mem_size = r.get<std::uint64_t>(ph + 40);
        if (s.file_size > s.mem_size)
            r.fail("segment file size exceeds its memory size");
        if (s.vaddr + s.mem_size < s.vaddr)
            r.fail("segment wraps around the address space");
        r.check_range(offset, s.file_size, "segment data");
        s.data.assign(f.bytes_.begin() + static_cast<std::ptrdiff_t>(offset),
                      f.bytes_.begin() + static_cast<std::ptrdiff_t>(offset + s.file_size));
        if (s.mem_size)
            f.segments_.push_back(std::move(s));
    }
    if (shnum && shentsize < 64)
        r.fail("section header entries too small");
    for (std::uint64_t i = 0; i < shnum; ++i) {
        const std::uint64_t sh = shoff + i * shentsize;
        if (r.get<std::uint32_t>(sh + 4) != sht_symtab)
            continue;
        f.symtab_off_ = r.get<std::uint64_t>(sh + 24);
        f.symtab_size_ = r.get<std::uint64_t>(sh + 32);
        const auto link = r.get<std::uint32_t>(sh + 40);
        if (link >= shnum)
            r.fail("symbol table names a missing string table");
        const std::uint64_t str = shoff + std::uint64_t{link} * shentsize;
        f.strtab_off_ = r.get<std::uint64_t>(str + 24);
        f.strtab_size_ = r.get<std::uint64_t>(str + 32);
        r.check_range(f.symtab_off_, f.symtab_size_, "symbol table");
        r.check_range(f.strtab_off_, f.strtab_size_, "string table");
    }
    return f;
}

std::optional<ElfSymbol> ElfFile::symbol(const std::string& wanted) const {
    const Reader r(bytes_, name_);
    for (std::uint64_t off = symtab_off_; off + 24 <= symtab_off_ + symtab_size_; off += 24) {
        const auto name_off = r.get<std::uint32_t>(off);
        if (name_off >= strtab_size_)
            continue;
        const char* s = reinterpret_cast<const char*>(bytes_.data() + strtab_off_ + name_off);
        const std::size_t max = strtab_size_ - name_off;
        if (strnlen(s, max) == wanted.size() &&
            wanted.compare(0, wanted.size(), s, wanted.size()) == 0)
            return ElfSymbol{r.get<std::uint64_t>(off + 8), r.get<std::uint64_t>(off + 16)};
    }
    return std::nullopt;
}

} // namespace rampart::elf
