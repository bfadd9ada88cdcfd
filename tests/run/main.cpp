// Catch2 main of the `rampart run` host tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
