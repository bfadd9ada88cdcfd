// A minimal ELF64 reader: the loadable segments of a program image, which
// maps must not overlap. Every field is bounds-checked; bad files give an
// error string, never a crash.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace rampart::validate {

struct Segment {
    std::uint64_t vaddr = 0;
    std::uint64_t memsz = 0;
    std::uint64_t filesz = 0;
    std::uint64_t offset = 0;
    std::uint8_t perms = 0; // model::Perm bits
};

struct ElfImage {
    std::uint16_t machine = 0;
    std::uint64_t entry = 0;
    std::vector<Segment> segments; // PT_LOAD only, in file order
};

// Parses an in-memory ELF64 little-endian file; on failure returns why.
std::variant<ElfImage, std::string> read_elf64(std::string_view bytes);

} // namespace rampart::validate
