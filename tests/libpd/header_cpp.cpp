// microkit.h compiles as strict C++20 and its inline functions as used by PD code.
#include <microkit.h>

seL4_Word header_cpp_use();
seL4_Word header_cpp_use() {
    microkit_mr_set(3, 7);
    const microkit_msginfo m = microkit_msginfo_new(microkit_mr_get(3), 2);
    const seL4_Bool ok = seL4_True;
    return microkit_msginfo_get_label(m) + microkit_msginfo_get_count(m) +
           static_cast<seL4_Word>(ok);
}
