// The ELF64 reader on the corpus image and on damaged copies of it.
#include "elf/elf_file.hpp"
#include "helpers.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace rampart::elf;

namespace {

std::string hello() {
    std::ifstream in(rampart::test::kRoot + "/tests/corpus/images/hello.elf", std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::variant<ElfFile, std::string> read_elf64(const std::string& bytes) {
    return ElfFile::parse(std::vector<std::uint8_t>(bytes.begin(), bytes.end()), "test.elf");
}

std::string error_of(const std::string& bytes) {
    auto r = read_elf64(bytes);
    REQUIRE(std::holds_alternative<std::string>(r));
    return std::get<std::string>(r);
}

} // namespace

TEST_CASE("PT_LOAD segments of a good image", "[elf]") {
    auto r = read_elf64(hello());
    REQUIRE(std::holds_alternative<ElfFile>(r));
    const ElfFile& e = std::get<ElfFile>(r);
    CHECK(e.machine() == kMachineAarch64);
    CHECK(e.entry() == 0x200000);
    CHECK(e.header().phnum == 2);
    REQUIRE(e.segments().size() == 2);
    CHECK(e.segments()[1].vaddr == 0x201000);
    CHECK(e.segments()[1].mem_size == 0x2000);
    CHECK(e.segments()[1].file_size == 0x100);
    CHECK(e.segments()[1].data.size() == 0x100);
}

TEST_CASE("damaged images are refused with a reason", "[elf]") {
    const std::string good = hello();
    CHECK(error_of("") == "not an ELF file");
    CHECK(error_of("\x7f"
                   "ELF") == "not an ELF file");
    std::string b = good;
    b[4] = 1;
    CHECK(error_of(b) == "not a 64-bit ELF file");
    b = good;
    b[5] = 2;
    CHECK(error_of(b) == "not a little-endian ELF file");
    CHECK(error_of(good.substr(0, 40)) == "truncated ELF header");
    CHECK(error_of(good.substr(0, 100)) == "ELF program headers lie outside the file");
    b = good;
    b[56] = 0; // e_phnum: a valid file without segments (a program image needs one: validate)
    auto none = read_elf64(b);
    REQUIRE(std::holds_alternative<ElfFile>(none));
    CHECK(std::get<ElfFile>(none).segments().empty());
    b = good;
    b[64 + 56 + 8 + 3] = 0x10; // second segment's p_offset far beyond the file
    CHECK(error_of(b) == "segment 1 lies outside the file");
    b = good;
    b[64 + 56 + 32 + 2] = 0x10; // second segment's p_filesz above its p_memsz
    CHECK(error_of(b) == "segment 1 has more file bytes than memory bytes");
}

TEST_CASE("the reader never reads out of bounds on truncations", "[elf]") {
    const std::string good = hello();
    for (std::size_t n = 0; n < good.size(); ++n)
        CHECK_NOTHROW(read_elf64(good.substr(0, n)));
}
