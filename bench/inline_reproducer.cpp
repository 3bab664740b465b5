// Not part of the build: shows that g++ -O2 inlines a hand-written gradient into its caller but
// not the same gradient computed by ctgrad::gradient, whose final code is as short. Run:
//   g++ -std=c++20 -O2 -Iinclude -c bench/inline_reproducer.cpp -fopt-info-inline-missed 2>&1 \
//     | grep with_ctgrad
// prints "not inlinable: ... --param max-inline-insns-auto limit reached"; clang++ inlines both.
#include <ctgrad/ctgrad.hpp>

namespace {
constexpr auto x = ctgrad::var<"x">;
constexpr auto f = square(3 * x + 2);
}  // namespace

double by_hand(double xv, double* g) {
  const double u = 3.0 * xv + 2.0;
  *g = 2.0 * u * 3.0;
  return u * u;
}

double with_ctgrad(double xv, double* g) {
  const auto r = ctgrad::gradient(f, ctgrad::at(x = xv));
  *g = r[x];
  return r.value();
}

// Two call sites each: a function called once is inlined whatever its size.
double sum_by_hand(const double* in, double* g, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) s += by_hand(in[i], g + i);
  return s + by_hand(in[0], g);
}

double sum_with_ctgrad(const double* in, double* g, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) s += with_ctgrad(in[i], g + i);
  return s + with_ctgrad(in[0], g);
}
