// libpd-calls: the passive server (C++). It answers protected calls on the
// client's scheduling context; label 7 also defers a notification to the
// client, which libpd sends before the reply. A notification from the client
// is answered with one back.
#include "print.h"

namespace {

constexpr microkit_channel client = 1;

void describe(microkit_channel ch, microkit_msginfo m) {
    say("protected on channel ");
    put_dec(ch);
    microkit_dbg_puts(" label ");
    put_dec(microkit_msginfo_get_label(m));
    microkit_dbg_puts(" count ");
    put_dec(microkit_msginfo_get_count(m));
    microkit_dbg_puts("\n");
}

} // namespace

void init(void) {
    // Runs before the PD becomes passive; the client sees its answers later.
}

// A notification runs this passive PD on its own scheduling context, which the
// monitor bound to its notification once init() was done.
void notified(microkit_channel ch) {
    say("notified on channel ");
    put_dec(ch);
    microkit_dbg_puts(" while passive; notifying the client back\n");
    microkit_notify(client);
}

microkit_msginfo microkit_protected(microkit_channel ch, microkit_msginfo m) {
    describe(ch, m);
    const seL4_Word label = microkit_msginfo_get_label(m);
    const auto count = static_cast<seL4_Uint16>(microkit_msginfo_get_count(m));
    for (seL4_Uint16 i = 0; i < count; ++i) {
        const auto r = static_cast<seL4_Uint8>(i);
        microkit_mr_set(r, 2 * microkit_mr_get(r) + 1);
    }
    if (label == 7)
        microkit_deferred_notify(client);
    return microkit_msginfo_new(label + 1, count);
}
