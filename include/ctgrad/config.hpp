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

// Marks a parameter (or, after a member function's qualifiers, *this) whose memory the result
// views, so that clang++ -Wall (-Wreturn-stack-address) reports a view returned past the local it
// views: a point or data set that views a local array, a view() of a local result. g++ 12 has no
// such attribute: there it expands to nothing, and those cases are found only by
// AddressSanitizer at run time.
#if defined(__clang__)
#define CTGRAD_LIFETIMEBOUND [[clang::lifetimebound]]
#else
#define CTGRAD_LIFETIMEBOUND
#endif
