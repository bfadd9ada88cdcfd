/* Every name of seL4 Microkit 2.x's microkit.h for AArch64 (functions,
   variables, macros, types; the vCPU, SMC and x86 parts aside, docs/microkit.md)
   and the libsel4 calls Microkit programs make, referenced once: linked into
   libpd-client.elf, so a missing one fails the build. */
#include <microkit.h>

typedef void (*any_function)(void);
#define FN(f) ((any_function)(void (*)(void))(f))

const any_function libpd_api_functions[] = {
    FN(microkit_dbg_putc),
    FN(microkit_dbg_puts),
    FN(microkit_dbg_put8),
    FN(microkit_dbg_put32),
    FN(microkit_internal_crash),
    FN(microkit_notify),
    FN(microkit_irq_ack),
    FN(microkit_pd_restart),
    FN(microkit_pd_stop),
    FN(microkit_pd_resume),
    FN(microkit_ppcall),
    FN(microkit_msginfo_new),
    FN(microkit_msginfo_get_label),
    FN(microkit_msginfo_get_count),
    FN(microkit_mr_set),
    FN(microkit_mr_get),
    FN(microkit_deferred_notify),
    FN(microkit_deferred_irq_ack),
    FN(microkit_cspace_root_slot_to_cptr),
    FN(seL4_DebugPutChar),
    FN(seL4_GetMR),
    FN(seL4_SetMR),
    FN(seL4_Signal),
    FN(seL4_Call),
    FN(seL4_Recv),
    FN(seL4_ReplyRecv),
    FN(seL4_NBSendRecv),
    FN(seL4_Wait),
    FN(seL4_Poll),
    FN(seL4_Yield),
    FN(seL4_TCB_Suspend),
    FN(seL4_TCB_Resume),
    FN(seL4_IRQHandler_Ack),
    FN(seL4_MessageInfo_new),
    FN(seL4_MessageInfo_get_label),
    FN(seL4_MessageInfo_get_length),
};

const void* const libpd_api_variables[] = {
    microkit_name,        (const void*)&microkit_have_signal,   (const void*)&microkit_signal_cap,
    &microkit_signal_msg, (const void*)&microkit_irqs,          (const void*)&microkit_notifications,
    (const void*)&microkit_pps, (const void*)&microkit_ioports,
};

/* Microkit's values, where Rampart places the same caps. */
_Static_assert(MONITOR_EP == 5, "MONITOR_EP");
_Static_assert(BASE_OUTPUT_NOTIFICATION_CAP == 10, "BASE_OUTPUT_NOTIFICATION_CAP");
_Static_assert(BASE_ENDPOINT_CAP == 74, "BASE_ENDPOINT_CAP");
_Static_assert(BASE_IRQ_CAP == 138, "BASE_IRQ_CAP");
_Static_assert(BASE_TCB_CAP == 202, "BASE_TCB_CAP");
_Static_assert(BASE_VM_TCB_CAP == 266 && BASE_VCPU_CAP == 330 && BASE_IOPORT_CAP == 394, "VM");
_Static_assert(TCB_CAP == 6 && ARM_SMC_CAP == 7, "fixed slots");
_Static_assert(MICROKIT_MAX_CHANNELS == 62 && MICROKIT_MAX_CHANNEL_ID == 61, "channels");
_Static_assert(MICROKIT_MAX_IOPORT_ID == 62 && MICROKIT_MAX_USER_CAPS == 128, "limits");
_Static_assert(MICROKIT_PD_NAME_LENGTH == 64, "name");
_Static_assert(BASE_USER_CAPS > BASE_TCB_CAP + MICROKIT_MAX_CHANNEL_ID, "user caps");

const microkit_channel libpd_api_channel = 0;
const microkit_child libpd_api_child = 0;
const microkit_ioport libpd_api_ioport = 0;
