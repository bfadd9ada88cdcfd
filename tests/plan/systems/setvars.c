/* A PD program for the setvar planning tests: one variable per kind of
   setvar Microkit has, and one of the wrong size. setvars_stripped.elf is the
   same program without its symbol table (for path_for_symbols). Built with:
     clang --target=aarch64-none-elf -O1 -ffreestanding -nostdlib -fuse-ld=lld \
           -Wl,-z,max-page-size=4096 \
           setvars.c -o setvars.elf
     llvm-strip setvars.elf -o setvars_stripped.elf */
typedef unsigned long u64;
u64 table_bytes, table_vaddr, irq_channel, child_id;
unsigned int narrow; /* four bytes: a setvar writes eight */
unsigned char __sel4_ipc_buffer_obj[4096] __attribute__((aligned(4096)));
void _start(void) {
    for (;;)
        __asm__ volatile("wfi" ::"r"(table_bytes + table_vaddr + irq_channel + child_id + narrow));
}
