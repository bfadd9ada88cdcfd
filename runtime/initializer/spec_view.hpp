// The spec as the initializer reads it (docs/spec.md): checked once, whole
// (step 1), so every later index into a table is known to be in range.
#pragma once

#include <rampart/objects.h>
#include <rampart/spec.h>

namespace rampart::init {

inline bool is_frame(uint8_t type) {
    return type == RAMPART_OBJ_FRAME_4K || type == RAMPART_OBJ_FRAME_2M ||
           type == RAMPART_OBJ_FRAME_1G;
}

// Bytes of a frame object of `type` (is_frame(type)).
inline uint64_t frame_bytes(uint8_t type) {
    return type == RAMPART_OBJ_FRAME_4K   ? 1ull << RAMPART_FRAME_4K_BITS
           : type == RAMPART_OBJ_FRAME_2M ? 1ull << RAMPART_FRAME_2M_BITS
                                          : 1ull << RAMPART_FRAME_1G_BITS;
}

template <typename T>
struct Table {
    const T* records = nullptr;
    uint32_t count = 0;
    const T& operator[](uint32_t i) const { return records[i]; }
    const T* begin() const { return records; }
    const T* end() const { return records + count; }
};

struct SpecView {
    const rampart_spec_header* header = nullptr;
    Table<rampart_untyped_desc> untypeds;
    Table<rampart_spec_untyped_check> untyped_checks;
    Table<rampart_spec_object> objects;
    Table<rampart_spec_cap> caps;
    Table<rampart_spec_mapping> mappings;
    Table<rampart_spec_tcb> tcbs;
    Table<rampart_spec_sc> scs;
    Table<rampart_spec_irq> irqs;
    Table<rampart_spec_fill> fills;
    Table<rampart_spec_pd> pds;
    const char* strings = nullptr;
    uint32_t strings_size = 0;
    const uint8_t* data = nullptr;
    uint64_t data_size = 0;

    // A name from the string table ("?" when out of range).
    const char* string(uint32_t offset) const;
    const char* object_name(uint32_t object) const { return string(objects[object].name); }
    const char* pd_name(uint32_t pd) const;
};

// Step 1: checks the boot data and returns the view; on any defect prints
// what is wrong and stops the boot.
SpecView check_spec(const void* boot_data, uint64_t boot_data_size);

} // namespace rampart::init
