/* One-off check of DESIGN contract 2: the kernel's boot untyped list equals
   the composer's prediction in the spec (the initializer's first step). */
#include <rampart/bootinfo.h>
#include <rampart/spec.h>
#include <rampart/sys.h>

static void put_hex(uint64_t v) {
    char buf[19];
    buf[0] = '0';
    buf[1] = 'x';
    for (int i = 0; i < 16; ++i)
        buf[2 + i] = "0123456789abcdef"[(v >> (60 - 4 * i)) & 0xf];
    buf[18] = 0;
    rampart_debug_puts(buf);
}

int main(const struct rampart_bootinfo* bi) {
    uint64_t size = 0;
    const struct rampart_spec_header* h =
        rampart_bootinfo_find(bi, RAMPART_BOOTINFO_HEADER_BOOT_DATA, &size);
    if (!h || h->magic != RAMPART_SPEC_MAGIC || h->total_size > size) {
        rampart_debug_puts("spec check: no spec\n");
        rampart_debug_halt(1);
    }
    const struct rampart_untyped_desc* want =
        (const struct rampart_untyped_desc*)rampart_spec_records(h, h->untypeds);
    rampart_debug_puts("spec check: kernel ");
    put_hex(rampart_bootinfo_untyped_count(bi));
    rampart_debug_puts(" untypeds, spec ");
    put_hex(h->untypeds.count);
    rampart_debug_puts("\n");
    uint32_t bad = 0;
    for (uint32_t i = 0; i < rampart_bootinfo_untyped_count(bi) || i < h->untypeds.count; ++i) {
        const int differ = i >= rampart_bootinfo_untyped_count(bi) || i >= h->untypeds.count ||
                           bi->untyped_list[i].paddr != want[i].paddr ||
                           bi->untyped_list[i].size_bits != want[i].size_bits ||
                           bi->untyped_list[i].is_device != want[i].is_device;
        if (differ) {
            ++bad;
            rampart_debug_puts("  differ at ");
            put_hex(i);
            rampart_debug_puts(": kernel ");
            put_hex(i < rampart_bootinfo_untyped_count(bi) ? bi->untyped_list[i].paddr : 0);
            rampart_debug_puts(" spec ");
            put_hex(i < h->untypeds.count ? want[i].paddr : 0);
            rampart_debug_puts("\n");
        }
    }
    rampart_debug_puts(bad ? "spec check: MISMATCH\n" : "spec check: prediction exact\n");
    rampart_debug_halt(bad ? 1 : 0);
    return 0;
}
