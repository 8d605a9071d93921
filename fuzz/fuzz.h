#pragma once

// The libFuzzer entry point every target in this folder defines. Built two ways (fuzz/CMakeLists.txt):
// with clang's -fsanitize=fuzzer,address,undefined as a real fuzzer (the fuzz preset, ./rounds.sh fuzz),
// and with the project's compiler under ASan/UBSan as a corpus replay (replaymain.cpp) that ctest runs.

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);
