// rampart-elfsize: prints an ELF's loaded size (text + data) and its zero-filled size (bss).
#include "elf/elf_file.hpp"

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: rampart-elfsize FILE.elf\n";
        return 2;
    }
    try {
        const auto elf = rampart::elf::ElfFile::load(argv[1]);
        std::uint64_t loaded = 0, zeroed = 0;
        for (const auto& s : elf.segments()) {
            loaded += s.file_size;
            zeroed += s.mem_size - s.file_size;
        }
        std::cout << elf.name() << ": text+data " << loaded << " bytes, bss " << zeroed
                  << " bytes\n";
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}
