// `microkit`: seL4 Microkit 2.x's command line over the composer's build, so a
// Microkit project's Makefile works unchanged against an installed Rampart SDK
// (docs/microkit.md). The same binary as rampart, called by that name.
#pragma once

#include <iosfwd>

namespace rampart::cli {

// Exit status: 0, or 1 on errors in the arguments or the system (reported in
// rampart's form on err), 74 when an output cannot be written, 70 on internal
// errors.
int run_microkit(int argc, char** argv, std::ostream& out, std::ostream& err);

} // namespace rampart::cli
