# The long QEMU campaign (not in ctest): one image per seed, each this many
# calls; 6 x 250,000 = 1.5 x 10^6 calls per board. Included by the target
# build (which builds the images) and by tests/qemu (which boots them).
set(RAMPART_KFUZZ_LONG_SEEDS 11 12 13 14 15 16)
set(RAMPART_KFUZZ_LONG_CALLS 250000)
