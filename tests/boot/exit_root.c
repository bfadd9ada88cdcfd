/* A root task that ends the system with a status: QEMU must exit with it. */
#include <rampart/sys.h>

int main(void) {
    rampart_debug_puts("root task: exiting with status 42\n");
    return 42;
}
