// Writing into frames that belong to other protection domains: the frame is
// mapped for a moment into the initializer's own VSpace, at a window whose
// page table already exists — the first page of the initializer's image for
// 4 KiB frames (its own frame is unmapped once, at start), and a 2 MiB slot
// at the top of the image's first GiB for 2 MiB frames.
#pragma once

#include "cspace.hpp"

#include <rampart/bootinfo.h>

namespace rampart::init {

class FrameWindow {
  public:
    // Unmaps the initializer's own window page (its first image frame).
    void open(const Cspace& cs, const rampart_bootinfo& bi);

    // Maps `frame` (an object of `type`) read-write and cached, and returns
    // its bytes; close() unmaps it. Returns nullptr (and the kernel's error)
    // when it cannot. What is written stays in the cache: whoever maps the
    // frame uncached cleans it first (Builder::map).
    uint8_t* map(rampart_cptr_t frame, uint8_t type, uint64_t& error);
    void close(rampart_cptr_t frame);

  private:
    Cspace cs_;
};

} // namespace rampart::init
