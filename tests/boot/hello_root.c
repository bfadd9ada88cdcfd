/* The first root task: checks its boot info and greets. */
#include <rampart/bootinfo.h>
#include <rampart/sys.h>

int main(const struct rampart_bootinfo* bi) {
    if (bi->node_count != 1 || bi->root_cnode_bits < RAMPART_ROOT_CNODE_MIN_BITS ||
        bi->untyped.start >= bi->untyped.end || bi->empty.end != 1ull << bi->root_cnode_bits) {
        rampart_debug_puts("root task: bad boot info\n");
        return 1;
    }
    rampart_debug_puts("hello from the root task\n");
    return 0;
}
