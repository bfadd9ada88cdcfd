// The result of a kernel operation: an ABI error code with its extra words, or
// the internal "preempted" status of a long operation that must be restarted.
#pragma once

#include <rampart/errors.h>
#include <stdint.h>

namespace rampart::kernel {

enum class Error : uint32_t {
    None = RAMPART_NO_ERROR,
    InvalidArgument = RAMPART_INVALID_ARGUMENT,
    InvalidCapability = RAMPART_INVALID_CAPABILITY,
    IllegalOperation = RAMPART_ILLEGAL_OPERATION,
    RangeError = RAMPART_RANGE_ERROR,
    AlignmentError = RAMPART_ALIGNMENT_ERROR,
    FailedLookup = RAMPART_FAILED_LOOKUP,
    TruncatedMessage = RAMPART_TRUNCATED_MESSAGE,
    DeleteFirst = RAMPART_DELETE_FIRST,
    RevokeFirst = RAMPART_REVOKE_FIRST,
    NotEnoughMemory = RAMPART_NOT_ENOUGH_MEMORY,
    // Not an ABI error: the operation made progress and stopped at a
    // preemption point; the caller restarts the same invocation later.
    Preempted = 0x100,
};

enum class LookupFailure : uint32_t {
    None = RAMPART_LOOKUP_NO_FAILURE,
    InvalidRoot = RAMPART_LOOKUP_INVALID_ROOT,
    MissingCapability = RAMPART_LOOKUP_MISSING_CAPABILITY,
    DepthMismatch = RAMPART_LOOKUP_DEPTH_MISMATCH,
    GuardMismatch = RAMPART_LOOKUP_GUARD_MISMATCH,
};

// A lookup failure with its words (see rampart_lookup_failure).
struct LookupFault {
    LookupFailure kind = LookupFailure::None;
    uint64_t bits_left = 0;
    uint64_t word1 = 0; // depth mismatch: bits resolved by the CNode; guard mismatch: guard found
    uint64_t word2 = 0; // guard mismatch: guard size

    static constexpr LookupFault invalid_root() { return {LookupFailure::InvalidRoot, 0, 0, 0}; }
    static constexpr LookupFault missing_capability(uint64_t bits_left) {
        return {LookupFailure::MissingCapability, bits_left, 0, 0};
    }
    static constexpr LookupFault depth_mismatch(uint64_t bits_left, uint64_t bits_found) {
        return {LookupFailure::DepthMismatch, bits_left, bits_found, 0};
    }
    static constexpr LookupFault guard_mismatch(uint64_t bits_left, uint64_t guard,
                                                uint64_t guard_size) {
        return {LookupFailure::GuardMismatch, bits_left, guard, guard_size};
    }
};

class [[nodiscard]] Status {
  public:
    constexpr Status() = default;

    static constexpr Status ok() { return Status{}; }
    static constexpr Status preempted() { return Status{Error::Preempted}; }
    static constexpr Status illegal_operation() { return Status{Error::IllegalOperation}; }
    static constexpr Status delete_first() { return Status{Error::DeleteFirst}; }
    static constexpr Status revoke_first() { return Status{Error::RevokeFirst}; }
    static constexpr Status alignment_error() { return Status{Error::AlignmentError}; }
    static constexpr Status truncated_message() { return Status{Error::TruncatedMessage}; }
    static constexpr Status invalid_argument(uint64_t index) {
        return Status{Error::InvalidArgument, index};
    }
    static constexpr Status invalid_capability(uint64_t index) {
        return Status{Error::InvalidCapability, index};
    }
    static constexpr Status range_error(uint64_t min, uint64_t max) {
        return Status{Error::RangeError, min, max};
    }
    static constexpr Status not_enough_memory(uint64_t bytes_available) {
        return Status{Error::NotEnoughMemory, bytes_available};
    }
    static constexpr Status failed_lookup(bool source, const LookupFault& fault) {
        Status s{Error::FailedLookup, source ? 1u : 0u};
        s.fault_ = fault;
        return s;
    }

    [[nodiscard]] constexpr Error error() const { return error_; }
    [[nodiscard]] constexpr bool is_ok() const { return error_ == Error::None; }
    [[nodiscard]] constexpr bool is_preempted() const { return error_ == Error::Preempted; }
    [[nodiscard]] constexpr uint64_t word(unsigned i) const { return i < 2 ? words_[i] : 0; }
    [[nodiscard]] constexpr const LookupFault& lookup_fault() const { return fault_; }
    [[nodiscard]] constexpr bool lookup_was_source() const { return words_[0] != 0; }

    // Fills the ABI error words (RAMPART_ERROR_MAX_WORDS long); returns their count.
    constexpr unsigned encode(uint64_t* out) const {
        switch (error_) {
        case Error::InvalidArgument:
        case Error::InvalidCapability:
        case Error::NotEnoughMemory:
            out[0] = words_[0];
            return 1;
        case Error::RangeError:
            out[0] = words_[0];
            out[1] = words_[1];
            return 2;
        case Error::FailedLookup:
            out[0] = words_[0];
            out[1] = static_cast<uint64_t>(fault_.kind);
            out[2] = fault_.bits_left;
            out[3] = fault_.word1;
            out[4] = fault_.word2;
            return fault_.kind == LookupFailure::InvalidRoot         ? 2
                   : fault_.kind == LookupFailure::MissingCapability ? 3
                   : fault_.kind == LookupFailure::DepthMismatch     ? 4
                                                                     : 5;
        default:
            return 0;
        }
    }

  private:
    constexpr explicit Status(Error e, uint64_t w0 = 0, uint64_t w1 = 0)
        : error_(e), words_{w0, w1} {}

    Error error_ = Error::None;
    uint64_t words_[2] = {0, 0};
    LookupFault fault_{};
};

} // namespace rampart::kernel
