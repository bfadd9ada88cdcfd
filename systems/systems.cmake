# The example systems in systems/: one folder each, with its system file, PD
# sources, README and expected.txt. Read by the target sub-builds (to build
# them), cmake/target_builds.cmake (their images) and tests/qemu (to boot them).
set(RAMPART_EXAMPLE_SYSTEMS hello pingpong ppc ring serial fault budget json)

# Extra rampart_qemu_test options per system (see tests/qemu/CMakeLists.txt).
set(RAMPART_SYSTEM_TEST_budget ICOUNT TIMEOUT 60)
