// fuzz_check: stops the fuzzer with a message when an invariant of the code under test does not hold.
// Unlike assert() it stays on in the optimised fuzz build; libFuzzer keeps the input that broke it.
#pragma once

#include <cstdio>
#include <cstdlib>

namespace mamori::fuzz {

inline void fuzz_check(bool holds, const char* invariant) {
    if (holds) return;
    std::fprintf(stderr, "invariant broken: %s\n", invariant);
    std::abort();
}

}  // namespace mamori::fuzz
