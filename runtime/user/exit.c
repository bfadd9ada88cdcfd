/* Program exit for root tasks and test programs: ends the system with the status. */
#include <rampart/sys.h>

__attribute__((noreturn)) void _exit(int status) {
    rampart_debug_halt((uint32_t)status);
}
