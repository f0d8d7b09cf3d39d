// libFuzzer's driver entry point (compiler-rt, FuzzerDriver.cpp; in libclang_rt.fuzzer since
// LLVM 11). The fuzz executables call it from their own `main` because SwiftPM links every
// executable with its module's `main` (so libFuzzer's own `main` cannot be used).
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
