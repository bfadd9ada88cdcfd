// rampart-mkimage: packs loader, kernel and a root task into a boot image.
// The composer's `build` does the same for whole systems; this tool serves
// kernel tests whose root task is a test program rather than the initializer.
#include "board/board.hpp"
#include "emit/image_writer.hpp"

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 7) {
        std::cerr
            << "usage: rampart-mkimage BOARD.json LOADER.elf KERNEL.elf ROOT.elf OUT.elf OUT.bin\n";
        return 2;
    }
    try {
        const auto board = rampart::board::load_board(argv[1]);
        using rampart::emit::ElfFile;
        rampart::emit::ImageInputs in{ElfFile::load(argv[2]),
                                      ElfFile::load(argv[3]),
                                      ElfFile::load(argv[4]),
                                      {},
                                      board.kernel_paddr() + board.kernel_region_size()};
        const auto image = rampart::emit::build_image(in);
        rampart::emit::write_image_elf(image, argv[5]);
        rampart::emit::write_image_raw(image, argv[6]);
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}
