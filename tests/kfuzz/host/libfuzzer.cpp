// The coverage-guided host fuzzer: libFuzzer's input is the stream of the
// generator's choices (tests/kfuzz/kfuzz.h), one machine per input.
#include "host_fuzz.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    rampart::kfuzz::Stats stats;
    rampart::kfuzz::run_bytes(data, size, stats);
    return 0;
}
