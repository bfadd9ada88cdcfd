// The frame window (see frame_window.hpp).
#include "frame_window.hpp"

#include "console.hpp"

#include <rampart/invocations.h>
#include <rampart/invoke.h>
#include <rampart/objects.h>

// The linker script puts this page first in the image (initializer.ld).
extern "C" uint8_t __window_start[];

namespace rampart::init {
namespace {
// The last 2 MiB of the first GiB: its level-2 table maps the image.
constexpr uint64_t large_window = 0x3fe00000;
} // namespace

void FrameWindow::open(const Cspace& cs, const rampart_bootinfo& bi) {
    cs_ = cs;
    const uint64_t err = rampart_page_unmap(cs.root_slot(bi.user_image_frames.start));
    if (err != RAMPART_NO_ERROR) {
        Line line;
        line << "initializer: error: cannot unmap its own window page: " << error_name(err);
        line.end();
        stop_boot();
    }
}

uint8_t* FrameWindow::map(rampart_cptr_t frame, uint8_t type, uint64_t& error) {
    uint64_t vaddr = 0;
    if (type == RAMPART_OBJ_FRAME_4K)
        vaddr = reinterpret_cast<uint64_t>(__window_start);
    else if (type == RAMPART_OBJ_FRAME_2M)
        vaddr = large_window;
    else {
        error = RAMPART_INVALID_ARGUMENT; // 1 GiB frames are never filled
        return nullptr;
    }
    error = rampart_page_map(frame, cs_.root_slot(RAMPART_ROOT_VSPACE), vaddr,
                             RAMPART_RIGHT_READ | RAMPART_RIGHT_WRITE,
                             RAMPART_ATTR_CACHEABLE | RAMPART_ATTR_EXECUTE_NEVER);
    return error == RAMPART_NO_ERROR ? reinterpret_cast<uint8_t*>(vaddr) : nullptr;
}

void FrameWindow::close(rampart_cptr_t frame) {
    (void)rampart_page_unmap(frame);
}

} // namespace rampart::init
