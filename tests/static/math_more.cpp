// The constexpr inverse trigonometric, hyperbolic and other elementary functions added after the
// first set (math_constexpr.cpp): exact values where the result is exact, otherwise within 1 ULP
// of the correctly rounded double (reference values from a 200-bit mpmath evaluation). The
// static_asserts are the test.

#include <bit>
#include <cstdint>
#include <ctgrad/math/math.hpp>
#include <limits>

#include "../support/ulp.hpp"

namespace {

namespace m = ctgrad::math;

using ctgrad_test::ulp_distance;

consteval bool near(double got, double want, std::int64_t ulps = 1) {
  return ulp_distance(got, want) <= ulps;
}
consteval bool same_bits(double a, double b) {
  return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

constexpr double pi = 3.141592653589793;
constexpr double inf = std::numeric_limits<double>::infinity();

// Inverse trigonometric functions.
static_assert(m::atan(0.0) == 0.0 && same_bits(m::atan(-0.0), -0.0));
static_assert(near(m::atan(1.0), pi / 4, 0) && near(m::atan(-1.0), -pi / 4, 0));
static_assert(m::atan(inf) == pi / 2 && m::atan(-inf) == -pi / 2);
static_assert(near(m::atan(0.5), 0.4636476090008061));
static_assert(near(m::atan(1e10), 1.5707963266948965));
static_assert(near(m::atan2(1.0, 1.0), pi / 4, 0));
static_assert(near(m::atan2(1.0, -1.0), 2.356194490192345));
static_assert(near(m::atan2(-2.0, -3.0), -2.5535900500422257));
static_assert(m::atan2(0.0, -1.0) == pi && same_bits(m::atan2(-0.0, -1.0), -pi));
static_assert(same_bits(m::atan2(-0.0, 1.0), -0.0) && m::atan2(-0.0, -0.0) == -pi);
static_assert(m::atan2(1.0, 0.0) == pi / 2 && m::atan2(-inf, inf) == -pi / 4);
static_assert(m::asin(1.0) == pi / 2 && m::asin(-1.0) == -pi / 2 && m::asin(0.0) == 0.0);
static_assert(near(m::asin(0.5), 0.5235987755982989));
static_assert(near(m::asin(-0.999), -1.526071239626163));
static_assert(m::acos(1.0) == 0.0 && m::acos(-1.0) == pi && m::acos(0.0) == pi / 2);
static_assert(near(m::acos(0.5), 1.0471975511965979));
static_assert(near(m::acos(-0.3), 1.8754889808102941));

// Hyperbolic functions.
static_assert(m::cosh(0.0) == 1.0 && m::sinh(0.0) == 0.0 && same_bits(m::sinh(-0.0), -0.0));
static_assert(near(m::sinh(1.0), 1.1752011936438014) && near(m::sinh(-0.25), -0.2526123168081683));
static_assert(near(m::cosh(1.0), 1.5430806348152437) && near(m::cosh(-3.0), 10.067661995777765));
static_assert(near(m::sinh(710.0), 1.1169973830808555e+308));  // e^710 alone would overflow
static_assert(m::asinh(0.0) == 0.0 && same_bits(m::asinh(-0.0), -0.0));
static_assert(near(m::asinh(1.0), 0.881373587019543) && near(m::asinh(-1e300), -691.4686750787737));
static_assert(m::acosh(1.0) == 0.0);
static_assert(near(m::acosh(2.0), 1.3169578969248168) && near(m::acosh(1e300), 691.4686750787737));
static_assert(m::atanh(0.0) == 0.0 && same_bits(m::atanh(-0.0), -0.0));
static_assert(near(m::atanh(0.5), 0.5493061443340549) &&
              near(m::atanh(-0.999), -3.8002011672501994));

// log2, log10, exp2, cbrt, hypot.
static_assert(m::log2(8.0) == 3.0 && m::log2(0x1p-1074) == -1074.0 && m::log2(1.0) == 0.0);
static_assert(m::log10(1000.0) == 3.0 && m::log10(1e22) == 22.0 && m::log10(1e-5) == -5.0);
static_assert(near(m::log2(10.0), 3.321928094887362) && near(m::log10(2.0), 0.3010299956639812));
static_assert(m::exp2(10.0) == 1024.0 && m::exp2(-1074.0) == 0x1p-1074 && m::exp2(0.0) == 1.0);
static_assert(m::exp2(-1080.0) == 0.0);  // underflow is not an error
static_assert(near(m::exp2(0.5), 1.4142135623730951) && near(m::exp2(-3.3), 0.10153154954452945));
static_assert(m::cbrt(27.0) == 3.0 && m::cbrt(-8.0) == -2.0 && m::cbrt(0x1p-1074) == 0x1p-358);
static_assert(same_bits(m::cbrt(-0.0), -0.0));
static_assert(near(m::cbrt(2.0), 1.2599210498948732) && near(m::cbrt(-1e-300), -1e-100));
static_assert(m::hypot(3.0, 4.0) == 5.0 && m::hypot(-5.0, 12.0) == 13.0);
static_assert(near(m::hypot(1e308, 1e308), 1.4142135623730951e308));  // no intermediate overflow
static_assert(m::hypot(3e-320, 4e-320) == 5e-320);                    // nor underflow
static_assert(m::hypot(inf, std::numeric_limits<double>::quiet_NaN()) == inf);
static_assert(m::hypot(1.0, 1e-10) == 1.0);

// erf, erfc.
static_assert(m::erf(0.0) == 0.0 && same_bits(m::erf(-0.0), -0.0) && m::erfc(0.0) == 1.0);
static_assert(m::erf(inf) == 1.0 && m::erf(-inf) == -1.0 && m::erf(7.0) == 1.0);
static_assert(m::erfc(inf) == 0.0 && m::erfc(-inf) == 2.0 && m::erfc(30.0) == 0.0);
static_assert(near(m::erf(0.5), 0.5204998778130465) && near(m::erf(-2.0), -0.9953222650189527));
static_assert(near(m::erf(1e-300), 1.1283791670955126e-300));
static_assert(near(m::erfc(0.5), 0.4795001221869535) && near(m::erfc(-1.0), 1.8427007929497148));
static_assert(near(m::erfc(3.0), 2.209049699858544e-05, 2));
static_assert(near(m::erfc(10.0), 2.088487583762545e-45, 2));
static_assert(near(m::erfc(27.0), 5.23705e-319, 2));  // subnormal result

}  // namespace

int main() {}
