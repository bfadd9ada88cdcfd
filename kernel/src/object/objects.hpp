// Object geometry and creation: what Untyped Retype makes of each type.
#pragma once

#include <rampart/objects.h>

#include "kernel/cap.hpp"
#include "kernel/status.hpp"

namespace rampart::kernel {

[[nodiscard]] constexpr bool is_frame_type(uint64_t type) {
    return type == RAMPART_OBJ_FRAME_4K || type == RAMPART_OBJ_FRAME_2M ||
           type == RAMPART_OBJ_FRAME_1G;
}

// The size in bits of an object of `type` whose Retype size argument is
// `user_bits`, with seL4's checks of that argument (InvalidArgument 1 or
// RangeError). The type must be valid.
Status object_size_bits(uint64_t type, uint64_t user_bits, unsigned& out);

// Makes the object at base (memory already zero unless device) and returns its
// first cap (all rights, no badge).
[[nodiscard]] Cap create_object(uint64_t type, Paddr base, unsigned user_bits, bool device);

} // namespace rampart::kernel
