/* microkit.h compiles as strict C11 and its inline functions as used by PD code. */
#include <microkit.h>

seL4_Word header_c_use(void);
seL4_Word header_c_use(void) {
    microkit_mr_set(3, 7);
    const microkit_msginfo m = microkit_msginfo_new(microkit_mr_get(3), 2);
    return microkit_msginfo_get_label(m) + microkit_msginfo_get_count(m) +
           seL4_MessageInfo_get_extraCaps(m) + seL4_MessageInfo_get_capsUnwrapped(m);
}
