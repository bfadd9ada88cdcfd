// The monitor: what the initializer becomes once every PD runs. It receives
// the faults of all top-level PDs and the "init done" messages of passive PDs
// on the monitor endpoint (badge: PD index + 1), prints a decoded fault report
// and applies the PD's restart policy (docs/monitor.md).
#pragma once

#include "builder.hpp"

namespace rampart::init {

[[noreturn]] void run_monitor(const SpecView& spec, Builder& builder);

} // namespace rampart::init
