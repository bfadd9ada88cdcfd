# Systems composed by the tests (besides the examples in systems/): built in
# each target sub-build, booted by tests/qemu with <dir>/<name>-expected.txt.
set(RAMPART_TEST_SYSTEMS faults libpd-calls libpd-irq zeroed)
set(RAMPART_TEST_SYSTEM_DIR_faults initializer)
set(RAMPART_TEST_SYSTEM_DIR_libpd-calls libpd)
set(RAMPART_TEST_SYSTEM_DIR_libpd-irq libpd)
set(RAMPART_TEST_SYSTEM_DIR_zeroed zeroed)
