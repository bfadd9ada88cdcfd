/* AArch64 virtual memory layout shared by the loader, the kernel, the composer
   and the runtime. 4 KiB granule in both halves.

   User space (TTBR0) is seL4's layout at EL1 without hypervisor support:
   48-bit translation (T0SZ = 16) with four levels of tables, the VSpace being
   the level-0 table and page tables levels 1 to 3; user addresses lie below
   RAMPART_USER_TOP = 2^47 (seL4_UserTop, the last user address, is
   RAMPART_USER_TOP - 1 = 0x00007fffffffffff).

   The kernel window (TTBR1) is 39-bit (T1SZ = 25), one level-1 table of
   1 GiB blocks: physical address pa is at RAMPART_KERNEL_WINDOW + pa. */
#ifndef RAMPART_AARCH64_KERNEL_LAYOUT_H
#define RAMPART_AARCH64_KERNEL_LAYOUT_H

#define RAMPART_USER_VA_BITS 48u /* what TTBR0 translates */
#define RAMPART_USER_LEVELS 4u   /* levels 0 (the VSpace) to 3 */
#define RAMPART_USER_TOP (1ull << 47)
#define RAMPART_KERNEL_VA_BITS 39u
#define RAMPART_KERNEL_WINDOW 0xffffff8000000000ull

/* Stack the loader hands the kernel for boot; the kernel owns it afterwards. */
#define RAMPART_KERNEL_STACK_SIZE 0x4000u

#endif
