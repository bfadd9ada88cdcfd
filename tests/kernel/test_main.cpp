// Catch2 entry point of the kernel host tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
