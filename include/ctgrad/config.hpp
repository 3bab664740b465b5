#pragma once
// Version of ctgrad, and the one attribute macro its headers share. The library has no
// configuration switches: every choice is made per call.
#define CTGRAD_VERSION_MAJOR 0
#define CTGRAD_VERSION_MINOR 1
#define CTGRAD_VERSION_PATCH 0

// Forces inlining of the small functions the sweeps are made of. Without it g++ -O2 judges a
// caller of ctgrad::gradient by its size before the sweep's temporaries are optimised away, and
// keeps it out of line where the same hand-written code would be inlined.
#define CTGRAD_INLINE [[gnu::always_inline]] inline
