/* AArch64 virtual memory layout shared by the loader and the kernel. */
#ifndef RAMPART_AARCH64_KERNEL_LAYOUT_H
#define RAMPART_AARCH64_KERNEL_LAYOUT_H

/* 39-bit virtual addresses (T0SZ = T1SZ = 25), 4 KiB granule, three levels of
   tables: user space is [0, 2^39), the kernel window maps physical address pa at
   RAMPART_KERNEL_WINDOW + pa. */
#define RAMPART_VA_BITS 39u
#define RAMPART_USER_TOP (1ull << RAMPART_VA_BITS)
#define RAMPART_KERNEL_WINDOW 0xffffff8000000000ull

/* Stack the loader hands the kernel for boot; the kernel owns it afterwards. */
#define RAMPART_KERNEL_STACK_SIZE 0x4000u

#endif
