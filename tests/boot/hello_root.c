/* The first root task: checks its boot info and greets. */
#include <rampart/bootinfo.h>
#include <rampart/sys.h>

int main(const struct rampart_bootinfo* bi) {
    if (bi->magic != RAMPART_BOOTINFO_MAGIC || bi->version != RAMPART_BOOTINFO_VERSION) {
        rampart_debug_puts("root task: bad boot info\n");
        return 1;
    }
    rampart_debug_puts("hello from the root task\n");
    return 0;
}
