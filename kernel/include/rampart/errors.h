/* Error codes of invocations and the lookup-failure kinds they report (C-compatible ABI). */
#ifndef RAMPART_ERRORS_H
#define RAMPART_ERRORS_H

#include <stdint.h>

/* Returned as the label of the reply to a failed invocation. The extra error
   words (message registers 0..) that go with each code are listed beside it. */
enum rampart_error {
    RAMPART_NO_ERROR = 0,
    RAMPART_INVALID_ARGUMENT = 1,   /* w0: index of the bad argument */
    RAMPART_INVALID_CAPABILITY = 2, /* w0: index of the bad capability (0 = invoked cap) */
    RAMPART_ILLEGAL_OPERATION = 3,
    RAMPART_RANGE_ERROR = 4, /* w0: smallest allowed value, w1: largest allowed value */
    RAMPART_ALIGNMENT_ERROR = 5,
    RAMPART_FAILED_LOOKUP = 6, /* w0: 1 if the source lookup failed, then a lookup failure */
    RAMPART_TRUNCATED_MESSAGE = 7,
    RAMPART_DELETE_FIRST = 8,
    RAMPART_REVOKE_FIRST = 9,
    RAMPART_NOT_ENOUGH_MEMORY = 10, /* w0: bytes still available in the untyped */
    RAMPART_ERROR_COUNT
};

/* Why a capability address did not resolve. Reported after the source flag of
   RAMPART_FAILED_LOOKUP (and in cap faults) as: kind, then its words. */
enum rampart_lookup_failure {
    RAMPART_LOOKUP_NO_FAILURE = 0,
    RAMPART_LOOKUP_INVALID_ROOT = 1,       /* no words */
    RAMPART_LOOKUP_MISSING_CAPABILITY = 2, /* bits left */
    RAMPART_LOOKUP_DEPTH_MISMATCH = 3,     /* bits left, bits the CNode would resolve */
    RAMPART_LOOKUP_GUARD_MISMATCH = 4      /* bits left, guard found, guard size */
};

/* Most extra words an error carries (FAILED_LOOKUP: flag, kind, three words). */
#define RAMPART_ERROR_MAX_WORDS 5u

#endif
