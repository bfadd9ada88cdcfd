// Printable names of object types.
#include "plan/geometry.hpp"

namespace rampart::plan {

const char* object_type_name(unsigned type) {
    static const char* const names[] = {"untyped",  "tcb",           "endpoint",   "notification",
                                        "cnode",    "sched_context", "reply",      "frame_4k",
                                        "frame_2m", "frame_1g",      "page_table", "vspace"};
    return type < RAMPART_OBJ_TYPE_COUNT ? names[type] : "unknown";
}

} // namespace rampart::plan
