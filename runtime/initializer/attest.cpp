// Step 12 of docs/spec.md: the kernel computes each PD's canonical CSpace and
// VSpace digests (resumable invocations, a bounded batch each), which must
// equal the composer's; one mismatch and nothing starts.
#include "builder.hpp"
#include "console.hpp"

#include <rampart/invocations.h>
#include <rampart/invoke.h>

namespace rampart::init {
namespace {

// Runs a resumable digest invocation from `start` until it reports `end`.
bool digest(rampart_cptr_t cap, uint64_t label, uint64_t end, uint64_t& out, uint64_t& error) {
    uint64_t at = 0, value = RAMPART_DIGEST_START;
    while (at < end) {
        const uint64_t words[] = {at, value};
        error = rampart_invoke(cap, label, 2, words, 0, nullptr);
        if (error != RAMPART_NO_ERROR)
            return false;
        const uint64_t next = rampart_mr(1);
        if (next <= at) { // the kernel must make progress
            error = RAMPART_ILLEGAL_OPERATION;
            return false;
        }
        value = rampart_mr(0);
        at = next;
    }
    out = value;
    return true;
}

} // namespace

bool Builder::attest() {
    bool ok = true;
    for (uint32_t i = 0; i < s_.pds.count; ++i) {
        const rampart_spec_pd& pd = s_.pds[i];
        uint64_t cspace = 0, vspace = 0, err = 0;
        const uint64_t slots = 1ull << s_.objects[pd.cnode].size_bits;
        Line line;
        if (!digest(cs_.ws(pd.cnode), RAMPART_CNODE_DIGEST, slots, cspace, err)) {
            line << "initializer: error: CNode Digest of PD '" << s_.pd_name(i) << "'";
            fail(line, err);
        }
        if (!digest(cs_.ws(pd.vspace), RAMPART_VSPACE_DIGEST, RAMPART_DIGEST_VSPACE_END, vspace,
                    err)) {
            line << "initializer: error: VSpace Digest of PD '" << s_.pd_name(i) << "'";
            fail(line, err);
        }
        if (cspace == pd.cspace_digest && vspace == pd.vspace_digest) {
            line << "attested " << s_.pd_name(i) << ' ' << Hex{cspace} << ' ' << Hex{vspace};
        } else {
            ok = false;
            line << "initializer: error: attestation of PD '" << s_.pd_name(i)
                 << "' failed: CSpace digest " << Hex{cspace} << " (expected "
                 << Hex{pd.cspace_digest} << "), VSpace digest " << Hex{vspace} << " (expected "
                 << Hex{pd.vspace_digest} << ")";
        }
        line.end();
    }
    return ok;
}

} // namespace rampart::init
