// Catch2 entry point of the composer back-end tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
