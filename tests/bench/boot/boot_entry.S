/* Entry of the boot benchmark's PDs: the PMU cycle counter, which the loader
   starts at reset and which counts guest instructions exactly under QEMU
   -icount shift=0, is read by the PD's very first instruction, before
   libpd's own entry (_start) runs. */
    .section .text.boot_bench_entry, "ax"
    .global boot_bench_entry
    .type boot_bench_entry, %function
boot_bench_entry:
    mrs     x9, pmccntr_el0
    adrp    x10, boot_bench_first_count
    str     x9, [x10, :lo12:boot_bench_first_count]
    b       _start
    .size boot_bench_entry, . - boot_bench_entry

    .bss
    .balign 8
    .global boot_bench_first_count
boot_bench_first_count:
    .quad 0
