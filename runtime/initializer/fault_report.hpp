// A decoded fault report: the fault message, the thread's registers and the
// PD's layout turned into lines a person can act on.
#pragma once

#include "cspace.hpp"
#include "spec_view.hpp"

namespace rampart::init {

struct FaultMessage {
    uint64_t label = 0;
    uint64_t words[16] = {};
    unsigned count = 0;
};

// Prints the report for PD `pd` (its TCB is read for the registers).
void report_fault(const SpecView& s, const Cspace& cs, uint32_t pd, const FaultMessage& m);

} // namespace rampart::init
