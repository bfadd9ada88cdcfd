// The loader: checks the image payload, unpacks the kernel and the root task
// to their physical homes, turns on the MMU with the kernel window, and enters
// the kernel with a boot handoff (kernel/include/rampart/boot_handoff.h).
#include "loader_console.hpp"
#include "loader_mmu.hpp"

#include <platform/platform.hpp>
#include <rampart/aarch64/kernel_layout.h>
#include <rampart/boot_handoff.h>
#include <rampart/image.h>

extern "C" {
extern char __loader_start[];
extern char __payload_start[];
void loader_sync_code(uint64_t base, uint64_t end);
void loader_sync_instructions();
[[noreturn]] void loader_enter_kernel(uint64_t entry, uint64_t handoff_pa);
[[noreturn]] void loader_main(uint32_t entry_el);
void* memcpy(void* dst, const void* src, unsigned long n);
void* memset(void* dst, int c, unsigned long n);
}

namespace {

rampart_boot_handoff handoff;

uint64_t address(const void* p) {
    return reinterpret_cast<uint64_t>(p);
}

[[noreturn]] void refuse(const char* why) {
    loader::puts("rampart loader: error: ");
    loader::puts(why);
    loader::puts("; not starting the kernel\n");
    for (;;)
        asm volatile("wfe");
}

bool overlaps(uint64_t a, uint64_t a_end, uint64_t b, uint64_t b_end) {
    return a < b_end && b < a_end;
}

// Whether the bytes a copy writes may be executed: anything but a root-task
// segment without execute permission (the spec, the initializer's data).
// Zeroed memory is never code, so only the copied bytes need cleaning.
bool may_hold_code(const rampart_image_header& h, const rampart_image_copy* copies,
                   const rampart_image_copy& c) {
    const auto* segments = reinterpret_cast<const rampart_user_segment*>(copies + h.copy_count);
    for (uint32_t i = 0; i < h.segment_count; ++i) {
        const rampart_user_segment& s = segments[i];
        if (c.dest >= s.paddr && c.dest + c.file_size <= s.paddr + s.size)
            return (s.perms & RAMPART_SEG_X) != 0;
    }
    return true;
}

bool in_ram(uint64_t base, uint64_t end) {
    for (const auto& r : rampart::platform::ram)
        if (base >= r.base && end <= r.base + r.size && base <= end)
            return true;
    return false;
}

} // namespace

void loader_main(uint32_t entry_el) {
    loader::mmu_enable();
    loader::puts("rampart loader: entered at EL");
    loader::putc(static_cast<char>('0' + entry_el));
    loader::puts("\n");

    const auto* hdr = reinterpret_cast<const rampart_image_header*>(__payload_start);
    if (hdr->magic != RAMPART_IMAGE_MAGIC || hdr->version != RAMPART_IMAGE_VERSION)
        refuse("no image payload (bad magic or version)");
    const auto* base = reinterpret_cast<const uint8_t*>(hdr);
    if (hdr->header_size > hdr->payload_size ||
        hdr->header_size != sizeof(*hdr) + hdr->copy_count * sizeof(rampart_image_copy) +
                                hdr->segment_count * sizeof(rampart_user_segment) ||
        hdr->segment_count > RAMPART_MAX_ROOT_SEGMENTS)
        refuse("malformed payload header");
    if (rampart_checksum(base + hdr->header_size, hdr->payload_size - hdr->header_size) != hdr->checksum)
        refuse("payload checksum mismatch (corrupted image)");

    const uint64_t image_start = address(__loader_start);
    const uint64_t image_end = address(__payload_start) + hdr->payload_size;
    const auto* copies = reinterpret_cast<const rampart_image_copy*>(hdr + 1);
    for (uint32_t i = 0; i < hdr->copy_count; ++i) {
        const auto& c = copies[i];
        if (c.file_size > c.mem_size || c.src_offset + c.file_size > hdr->payload_size ||
            !in_ram(c.dest, c.dest + c.mem_size) ||
            overlaps(c.dest, c.dest + c.mem_size, image_start, image_end))
            refuse("a payload copy is out of bounds");
        memcpy(reinterpret_cast<void*>(c.dest), base + c.src_offset, c.file_size);
        memset(reinterpret_cast<void*>(c.dest + c.file_size), 0, c.mem_size - c.file_size);
        if (may_hold_code(*hdr, copies, c))
            loader_sync_code(c.dest, c.dest + c.file_size);
    }
    loader_sync_instructions();

    handoff.magic = RAMPART_HANDOFF_MAGIC;
    handoff.entry_el = entry_el;
    handoff.kernel = hdr->kernel;
    handoff.root_image = hdr->root_image;
    handoff.root_entry = hdr->root_entry;
    handoff.extra_bootinfo_size = hdr->extra_bootinfo_size;
    handoff.root_cnode_bits = hdr->root_cnode_bits;
    handoff.segment_count = hdr->segment_count;
    handoff.domains = hdr->domains;
    if (handoff.domains.count > RAMPART_MAX_DOMAIN_SLOTS)
        refuse("malformed domain schedule");
    memcpy(handoff.segments, reinterpret_cast<const uint8_t*>(copies + hdr->copy_count),
           hdr->segment_count * sizeof(rampart_user_segment));

    loader::puts("rampart loader: starting the kernel\n");
    loader_enter_kernel(hdr->kernel_entry, address(&handoff));
}
