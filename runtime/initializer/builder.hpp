// Executes the spec (docs/spec.md, "Execution order", steps 2 to 13) with
// ordinary checked invocations. Any failure prints the record and the
// invocation and stops the boot.
#pragma once

#include "cspace.hpp"
#include "frame_window.hpp"
#include "spec_view.hpp"

#include <rampart/bootinfo.h>

namespace rampart::init {

class Builder {
  public:
    Builder(const SpecView& spec, const rampart_bootinfo& bi) : s_(spec), bi_(bi) {}

    void check_prediction();  // step 2
    void create_objects();    // step 3 (and the switch to the two-level CSpace)
    void check_clearing();    // step 3: the kernel cleared what the composer planned
    void fill_frames();       // step 4
    void assign_asids();      // step 5
    void map();               // step 6
    void set_up_irqs();       // step 7
    void place_caps();        // step 8
    void configure_scs();     // step 9
    void configure_threads(); // step 10
    bool attest();            // step 12: false on any mismatch
    void start();             // step 13

    const Cspace& cspace() const { return cs_; }
    FrameWindow& window() { return window_; }

    // Workspace slots beyond the objects (docs/spec.md, "The workspace CNode").
    uint64_t mapping_slot(uint32_t j) const { return s_.objects.count + j; }
    // The cap mapping j maps: the frame's own, or its copy in mapping_slot(j).
    rampart_cptr_t mapping_cap(uint32_t j) const {
        const rampart_spec_mapping& m = s_.mappings[j];
        return cs_.ws(m.kind == RAMPART_SPEC_MAP_FRAME_OWN ? m.object : mapping_slot(j));
    }
    uint64_t irq_slot(uint32_t k) const { return s_.objects.count + s_.mappings.count + k; }
    uint64_t pool_slot(uint32_t p) const {
        return s_.objects.count + s_.mappings.count + s_.irqs.count + p;
    }

    // Writes the fills of `frame` (zeroing it first when asked) through the
    // cached window: steps 4 and the monitor's restart. An uncached mapping
    // of the frame needs Page CleanData after it.
    void write_frame(uint32_t frame, uint32_t first_fill, bool zero_first);
    bool has_fills(uint32_t frame) const;

  private:
    void create_workspace();
    rampart_cptr_t fault_endpoint(const rampart_spec_tcb& t);

    const SpecView& s_;
    const rampart_bootinfo& bi_;
    Cspace cs_;
    FrameWindow window_;
    uint64_t scratch_ = 0; // a free root slot for caps that live only for one invocation
};

} // namespace rampart::init
