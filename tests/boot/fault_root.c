/* A root task that touches unmapped memory: the kernel must report the VM fault
   and suspend the thread, never panic. */
#include <rampart/sys.h>

int main(void) {
    rampart_debug_puts("root task: about to touch unmapped memory\n");
    *(volatile uint64_t*)0xdead0008 = 1;
    rampart_debug_puts("root task: still running after the fault (wrong)\n");
    return 1;
}
