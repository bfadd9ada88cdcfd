// Printable names of object types.
#include "plan/geometry.hpp"

namespace rampart::plan {

const char* object_type_name(unsigned type) {
    static const char* const names[] = {"untyped",  "tcb",           "endpoint", "notification",
                                        "cnode",    "sched_context", "reply",    "frame_1g",
                                        "vspace",   "frame_4k",      "frame_2m", "page_table"};
    static_assert(RAMPART_OBJ_FRAME_1G == 7 && RAMPART_OBJ_VSPACE == 8 &&
                  RAMPART_OBJ_FRAME_4K == 9 && RAMPART_OBJ_FRAME_2M == 10 &&
                  RAMPART_OBJ_PAGE_TABLE == 11 && RAMPART_OBJ_TYPE_COUNT == 12);
    return type < RAMPART_OBJ_TYPE_COUNT ? names[type] : "unknown";
}

} // namespace rampart::plan
