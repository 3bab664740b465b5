// Not part of the build: shows whether g++ -O2 inlines a function that calls ctgrad::value into
// its caller, as it inlines the same hand-written function. Run:
//   g++ -std=c++20 -O2 -Iinclude -c bench/inline_reproducer.cpp -fopt-info-inline-missed 2>&1 |
//     grep 'not inlinable.*with_ctgrad'
// It prints "--param max-inline-insns-auto limit reached" while the rules' value/partial
// functions and detail::bound_value are plain constexpr functions: g++'s early inliner leaves
// them as calls in with_ctgrad (they have not been optimised yet when it gets there), those calls
// keep the point's address live so the point is not scalarised, and the size estimate that the
// later inliner compares with the -O2 limit of 15 is that of the unoptimised body (self size 68
// in -fdump-ipa-fnsummary), not that of the final 15 instructions (by_hand: 13). Forcing them
// inline (CTGRAD_INLINE) makes the message disappear and with_ctgrad is inlined.
#include <ctgrad/ctgrad.hpp>

namespace {
constexpr auto x = ctgrad::var<"x">;
constexpr auto t = ctgrad::var<"t">;
constexpr auto w1 = ctgrad::var<"w1">;
constexpr auto b1 = ctgrad::var<"b1">;
constexpr auto w2 = ctgrad::var<"w2">;
constexpr auto b2 = ctgrad::var<"b2">;
constexpr auto f = square(w2 * relu(w1 * x + b1) + b2 - t);
}  // namespace

double by_hand(const double* in) {
  const double z = in[2] * in[0] + in[3];
  const double r = in[4] * (z > 0.0 ? z : 0.0) + in[5] - in[1];
  return r * r;
}

double with_ctgrad(const double* in) {
  return ctgrad::value(
      f, ctgrad::at(x = in[0], t = in[1], w1 = in[2], b1 = in[3], w2 = in[4], b2 = in[5]));
}

// Two call sites each: a function called once is inlined whatever its size.
double sum_by_hand(const double* in, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) s += by_hand(in + 6 * i);
  return s + by_hand(in);
}

double sum_with_ctgrad(const double* in, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) s += with_ctgrad(in + 6 * i);
  return s + with_ctgrad(in);
}
