// The functions added through the one-rule path (rules/more_functions.hpp), checked by the
// compiler: values and derivatives at points where both are exact or known to the last bit, in
// reverse mode, forward mode and symbolically.
#include <ctgrad/ctgrad.hpp>
#include <ctgrad/forward/tangent.hpp>

namespace {
using namespace ctgrad;
constexpr auto x = var<"x">;
constexpr auto y = var<"y">;

// d/dx at x0 by the adjoint sweep, by a tangent and by the symbolic derivative, which must agree.
template <class E>
constexpr double slope(const E& f, double x0) {
  const auto p = at(x = x0);
  const double reverse = gradient(f, p)[x];
  const double forward = tangent(f, p, along(x = 1.0)).tangent;
  const double symbolic = value(derivative(f, x), p);
  return reverse == forward && forward == symbolic ? reverse : -12345.0;
}

static_assert(slope(atan(x), 1.0) == 0.5);
static_assert(slope(atan(x), 0.0) == 1.0);
static_assert(slope(asinh(x), 0.0) == 1.0);
static_assert(slope(atanh(x), 0.0) == 1.0);
static_assert(slope(asin(x), 0.0) == 1.0);
static_assert(slope(acos(x), 0.0) == -1.0);
static_assert(slope(sinh(x), 0.0) == 1.0);
static_assert(slope(cosh(x), 0.0) == 0.0);
static_assert(slope(cbrt(x), 8.0) == 1.0 / 12.0);
static_assert(value(cbrt(x), at(x = -27.0)) == -3.0);
static_assert(value(exp2(x), at(x = 10.0)) == 1024.0);
static_assert(value(log2(x), at(x = 1024.0)) == 10.0);
static_assert(value(log10(x), at(x = 1000.0)) == 3.0);
static_assert(value(erf(x), at(x = 0.0)) == 0.0 && value(erfc(x), at(x = 0.0)) == 1.0);
static_assert(gradient(erf(x), at(x = 0.0))[x] == 0x1.20dd750429b6dp+0);  // 2 / sqrt(pi)
static_assert(gradient(erf(x) + erfc(x), at(x = 0.7))[x] == 0.0);
static_assert(value(log1p(x), at(x = 0.0)) == 0.0 && slope(log1p(x), 0.0) == 1.0);
static_assert(value(expm1(x), at(x = 0.0)) == 0.0 && slope(expm1(x), 0.0) == 1.0);

// hypot(3, 4) = 5 with slopes 3/5 and 4/5. atan2(y, x) at (1, 0) is 0 with slopes 1 and 0; at
// (1, 1) pi/4 with slopes 1/2 and -1/2, to the rounding of dividing twice by r = sqrt(2).
constexpr auto h = gradient(hypot(x, y), at(x = 3.0, y = 4.0));
static_assert(h.value() == 5.0 && h[x] == 0.6 && h[y] == 0.8);
constexpr auto a0 = gradient(atan2(y, x), at(x = 1.0, y = 0.0));
static_assert(a0.value() == 0.0 && a0[y] == 1.0 && a0[x] == 0.0);
constexpr auto a = gradient(atan2(y, x), at(x = 1.0, y = 1.0));
static_assert(a.value() == 0x1.921fb54442d18p-1);  // pi / 4
static_assert(a[y] - 0.5 < 1e-16 && 0.5 - a[y] < 1e-16 && a[x] + 0.5 < 1e-16 &&
              -0.5 - a[x] < 1e-16);
}  // namespace

int main() {}
