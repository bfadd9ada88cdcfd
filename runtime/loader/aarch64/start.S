/* Loader entry. QEMU enters here at EL2 (virt,virtualization=on) or EL1 with
   the MMU off. We configure EL2 so that EL1 owns the machine, drop to EL1,
   then run loader_main on the loader's own stack. */

    .section .text.head, "ax"
    .global _start
_start:
    /* arm64 Image header (Linux Documentation/arch/arm64/booting.rst) so that
       the raw binary loads at RAM base + text_offset like the ELF does. */
    b       reset
    .word   0
    .quad   0x80000                 /* text_offset */
    .quad   __loader_image_size     /* image_size */
    .quad   0x2                     /* flags: little-endian, 4 KiB pages */
    .quad   0, 0, 0
    .ascii  "ARM\x64"
    .word   0

reset:
    /* Start the PMU cycle counter first (Arm ARM D13.2: PMCCFILTR_EL0.NSH
       counts at EL2 too; PMCR_EL0.{E,C,LC}), so that under QEMU -icount
       shift=0 it counts every guest instruction from here on. The 6
       instructions up to the enabling write are RAMPART_LOADER_UNCOUNTED_INSNS
       (rampart/bench.h); the boot benchmarks add them. */
    mov     x9, #(1 << 27)
    msr     pmccfiltr_el0, x9
    mov     x9, #(1 << 31)
    msr     pmcntenset_el0, x9
    mov     x9, #0x45
    msr     pmcr_el0, x9
    msr     daifset, #0xf
    /* The raw image may have been placed anywhere in RAM: seL4 Microkit's QEMU
       command puts loader.img at 0x70000000 and starts there. The loader
       (position-dependent C++) and its payload move to the link address first,
       with the MMU and data cache off; then the moved copy starts over. */
    adr     x0, _start                  /* where the image is */
    ldr     x1, =_start                 /* where it is linked */
    cmp     x0, x1
    b.eq    placed
    ldr     x2, =__loader_image_size
    add     x3, x0, x2
    ldr     x4, [x3, #16]               /* rampart_image_header.payload_size */
    add     x2, x2, x4
    add     x2, x2, #7
    bic     x2, x2, #7                  /* whole words (reads at most 7 bytes past the end) */
    cmp     x1, x0
    b.hi    move_down_from_top
move_up:                                /* destination below the source: ascending */
    ldr     x5, [x0], #8
    str     x5, [x1], #8
    subs    x2, x2, #8
    b.ne    move_up
    b       moved
move_down_from_top:                     /* destination above the source: descending */
    add     x0, x0, x2
    add     x1, x1, x2
1:  ldr     x5, [x0, #-8]!
    str     x5, [x1, #-8]!
    subs    x2, x2, #8
    b.ne    1b
moved:
    dsb     sy
    ic      iallu                       /* the moved code is fetched afresh */
    dsb     sy
    isb
    ldr     x9, =reset
    br      x9
placed:
    mrs     x19, CurrentEL
    lsr     x19, x19, #2
    cmp     x19, #2
    b.ne    at_el1

    /* EL2: EL1 is AArch64 (HCR_EL2.RW); no stage-2 translation; the
       physical timer and counter not trapped to EL2 from EL1 and EL0
       (CNTHCTL_EL2.EL1PCEN/EL1PCTEN: user level drives CNTP); no virtual
       offset, so the kernel's virtual timer counts the physical count
       (CNTVOFF_EL2 resets to an UNKNOWN value); FP/SIMD not trapped
       (CPTR_EL2 RES1 bits only). */
    mov     x9, #(1 << 31)
    msr     hcr_el2, x9
    mov     x9, #3
    msr     cnthctl_el2, x9
    msr     cntvoff_el2, xzr
    mov     x9, #0x33ff
    msr     cptr_el2, x9
    msr     hstr_el2, xzr
    /* Let EL1 use the GICv3 system-register interface when there is one
       (ID_AA64PFR0_EL1.GIC, bits 27:24): ICC_SRE_EL2.{Enable,SRE}. */
    mrs     x9, id_aa64pfr0_el1
    ubfx    x9, x9, #24, #4
    cbz     x9, 1f
    mrs     x9, S3_4_C12_C9_5       /* ICC_SRE_EL2 */
    mov     x10, #0x9
    orr     x9, x9, x10
    msr     S3_4_C12_C9_5, x9
    isb
1:  /* EL1 starts with its MMU off and a known SCTLR (RES1 bits only). */
    ldr     x9, =0x30d00800
    msr     sctlr_el1, x9
    /* Let EL1 and EL0 count instructions: MDCR_EL2.HPMN = PMCR_EL0.N. */
    mrs     x9, pmcr_el0
    ubfx    x9, x9, #11, #5
    msr     mdcr_el2, x9
    adr     x9, at_el1
    msr     elr_el2, x9
    mov     x9, #0x3c5              /* EL1h, DAIF masked */
    msr     spsr_el2, x9
    isb
    eret

at_el1:
    ldr     x9, =0x30d00800
    msr     sctlr_el1, x9
    isb
    adrp    x9, __loader_stack_top
    add     x9, x9, :lo12:__loader_stack_top
    mov     sp, x9
    /* Zero .bss (8-byte aligned by the linker script); the MMU is off, so only aligned stores. */
    adrp    x9, __bss_start
    add     x9, x9, :lo12:__bss_start
    adrp    x10, __bss_end
    add     x10, x10, :lo12:__bss_end
2:  cmp     x9, x10
    b.hs    3f
    str     xzr, [x9], #8
    b       2b
3:  mov     x0, x19
    bl      loader_main
4:  wfe
    b       4b

/* void loader_enable_mmu(uint64_t user_table, uint64_t kernel_table,
                          uint64_t tcr, uint64_t mair)
   The loader's identity map (TTBR0, from level 0) and the kernel window
   (TTBR1, from level 1) reach the same 1 GiB blocks (loader_mmu.hpp). */
    .text
    .global loader_enable_mmu
loader_enable_mmu:
    msr     mair_el1, x3
    msr     tcr_el1, x2
    msr     ttbr0_el1, x0
    msr     ttbr1_el1, x1
    isb
    tlbi    vmalle1
    dsb     nsh
    isb
    mrs     x9, sctlr_el1
    mov     x10, #((1 << 0) | (1 << 2) | (1 << 12))   /* M, C, I */
    orr     x9, x9, x10
    msr     sctlr_el1, x9
    isb
    ret

/* void loader_sync_code(uint64_t base, uint64_t end): cleans copied code to
   the point of unification; loader_sync_instructions() then makes all of it
   visible to instruction fetches. */
    .global loader_sync_code
loader_sync_code:
    bic     x0, x0, #63
1:  cmp     x0, x1
    b.hs    2f
    dc      cvau, x0
    add     x0, x0, #64
    b       1b
2:  ret

    .global loader_sync_instructions
loader_sync_instructions:
    dsb     ish
    ic      iallu
    dsb     ish
    isb
    ret

/* [[noreturn]] void loader_enter_kernel(uint64_t entry, uint64_t handoff_pa) */
    .global loader_enter_kernel
loader_enter_kernel:
    mov     x9, x0
    mov     x0, x1
    br      x9
