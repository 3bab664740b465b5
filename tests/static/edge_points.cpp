// Values and derivatives at the edges of the functions' domains, at compile time and at run time.
#include <ctgrad/ctgrad.hpp>

#include <bit>
#include <cmath>

namespace {
constexpr auto x = ctgrad::var<"x">;
constexpr auto y = ctgrad::var<"y">;

// sigmoid and softplus' derivative far below 0: e^-x would overflow; the result is 0.
static_assert(ctgrad::value(sigmoid(x), ctgrad::at(x = -800.0)) == 0.0);
static_assert(ctgrad::gradient(sigmoid(x), ctgrad::at(x = -800.0))[x] == 0.0);
static_assert(ctgrad::gradient(softplus(x), ctgrad::at(x = -800.0))[x] == 0.0);
static_assert(ctgrad::value(sigmoid(x), ctgrad::at(x = 800.0)) == 1.0);

// x^y at y = 0 is the constant 1: its slope in x is 0, also at x = 0.
static_assert(ctgrad::gradient(pow(x, y), ctgrad::at(x = 0.0, y = 0.0), ctgrad::wrt(x))[x] == 0.0);
static_assert(ctgrad::gradient(pow(x, 0.0), ctgrad::at(x = 0.0))[x] == 0.0);
// A gradient toward x alone never evaluates d/dy (a log of the negative base here).
static_assert(ctgrad::gradient(pow(x, y), ctgrad::at(x = -2.0, y = 2.0), ctgrad::wrt(x))[x] ==
              -4.0);

// abs(-0.0) is +0.0, as std::fabs gives.
constexpr double zero = ctgrad::value(abs(x), ctgrad::at(x = -0.0));
static_assert(std::bit_cast<unsigned long long>(zero) == 0);  // +0.0: no sign bit
}  // namespace

int main() {
  volatile double negative_zero = -0.0, big = -800.0;
  const double m = negative_zero, b = big;
  const bool ok = !std::signbit(ctgrad::value(abs(x), ctgrad::at(x = m))) &&
                  ctgrad::value(sigmoid(x), ctgrad::at(x = b)) == 0.0 &&
                  ctgrad::gradient(pow(x, y), ctgrad::at(x = m, y = 0.0), ctgrad::wrt(x))[x] == 0.0;
  return ok ? 0 : 1;
}
