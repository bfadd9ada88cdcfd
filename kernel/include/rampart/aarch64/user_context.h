/* The user register context of TCB ReadRegisters, WriteRegisters and
   CopyRegisters on AArch64 (C-compatible ABI): seL4's seL4_UserContext, 36
   words in this order. Message word 2 + i of WriteRegisters, and word i of
   ReadRegisters' reply, is register i.

   The first RAMPART_UC_FRAME_WORDS are the "frame registers" (what a call
   frame uses: pc, sp, spsr, the argument and platform registers, frame
   pointer and link register), the rest the "gp registers"; CopyRegisters
   moves the first group with RAMPART_TCB_COPY_TRANSFER_FRAME and the second
   with RAMPART_TCB_COPY_TRANSFER_INTEGER (invocations.h).

   pc is where the thread resumes. spsr keeps only the condition flags N, Z,
   C, V (bits 31..28) of what is written; the kernel adds EL0t with FIQs
   masked (0x40). tpidrro_el0 is readable by the thread itself but writable
   only through WriteRegisters and CopyRegisters. */
#ifndef RAMPART_AARCH64_USER_CONTEXT_H
#define RAMPART_AARCH64_USER_CONTEXT_H

enum rampart_user_context_word {
    RAMPART_UC_PC = 0,
    RAMPART_UC_SP = 1,
    RAMPART_UC_SPSR = 2,
    RAMPART_UC_X0 = 3, /* x0..x8 follow in order: x(n) is RAMPART_UC_X0 + n */
    RAMPART_UC_X8 = 11,
    RAMPART_UC_X16 = 12, /* x16, x17, x18 */
    RAMPART_UC_X29 = 15,
    RAMPART_UC_X30 = 16,
    RAMPART_UC_X9 = 17,  /* x9..x15 */
    RAMPART_UC_X19 = 24, /* x19..x28 */
    RAMPART_UC_TPIDR_EL0 = 34,
    RAMPART_UC_TPIDRRO_EL0 = 35,

    RAMPART_UC_FRAME_WORDS = 17,
    RAMPART_UC_GP_WORDS = 19,
    RAMPART_UC_WORDS = 36
};

/* SPSR of a user thread: EL0t, FIQs masked; what of it user space may set. */
#define RAMPART_UC_SPSR_USER 0x40u
#define RAMPART_UC_SPSR_WRITABLE 0xf0000000u

/* The word of RAMPART_UC_* that holds general register xn (0 <= n <= 30). */
#define RAMPART_UC_XREG(n)                                                             \
    ((n) <= 8    ? RAMPART_UC_X0 + (n)                                                 \
     : (n) <= 15 ? RAMPART_UC_X9 + ((n) - 9)                                           \
     : (n) <= 18 ? RAMPART_UC_X16 + ((n) - 16)                                         \
     : (n) <= 28 ? RAMPART_UC_X19 + ((n) - 19)                                         \
                 : RAMPART_UC_X29 + ((n) - 29))

#endif
