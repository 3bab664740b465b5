// The constexpr elementary functions at compile time: exact values where the result is exact,
// otherwise within 2 ULP of the correctly rounded double (reference values from a 200-bit
// evaluation). The static_asserts are the test.

#include <bit>
#include <cstdint>
#include <ctgrad/math/math.hpp>

#include "../support/ulp.hpp"

namespace {

namespace m = ctgrad::math;

using ctgrad_test::ulp_distance;

consteval bool near(double got, double want, std::int64_t ulps = 2) {
  return ulp_distance(got, want) <= ulps;
}

// Exact cases.
static_assert(m::exp(0.0) == 1.0);
static_assert(m::expm1(0.0) == 0.0);
static_assert(m::log(1.0) == 0.0);
static_assert(m::log1p(0.0) == 0.0);
static_assert(m::sqrt(4.0) == 2.0);
static_assert(m::sqrt(2.25) == 1.5);
static_assert(m::sqrt(0x1p-1074) == 0x1p-537);
static_assert(m::sin(0.0) == 0.0);
static_assert(m::cos(0.0) == 1.0);
static_assert(m::tan(0.0) == 0.0);
static_assert(m::tanh(0.0) == 0.0);
static_assert(m::tanh(30.0) == 1.0 && m::tanh(-30.0) == -1.0);
static_assert(m::pow(2.0, 10.0) == 1024.0);
static_assert(m::pow(-3.0, 5.0) == -243.0);
static_assert(m::pow(-2.0, -2.0) == 0.25);
static_assert(m::pow(0.0, 3.0) == 0.0);
static_assert(m::pow(7.0, 0.0) == 1.0 && m::pow(1.0, 123.456) == 1.0);
static_assert(near(m::log(0x1p-1074), -744.4400719213812));  // subnormal argument
static_assert(m::exp(-745.0) == 0x1p-1074);                  // subnormal result
static_assert(m::exp(-746.0) == 0.0);                        // underflow is not an error

// Near cases.
static_assert(near(m::exp(1.0), 2.718281828459045));
static_assert(near(m::exp(-1.0), 0.36787944117144233));
static_assert(near(m::exp(700.0), 1.0142320547350045e+304));
static_assert(near(m::expm1(1e-10), 1.00000000005e-10));
static_assert(near(m::expm1(-0.5), -0.3934693402873666));
static_assert(near(m::log(2.0), 0.6931471805599453));
static_assert(near(m::log(10.0), 2.302585092994046));
static_assert(near(m::log(1e-310), -713.8013788281542));
static_assert(near(m::log1p(1e-10), 9.999999999500001e-11));
static_assert(near(m::log1p(-0.5), -0.6931471805599453));
static_assert(m::sqrt(2.0) == 1.4142135623730951);  // correctly rounded
static_assert(near(m::sin(1.0), 0.8414709848078965));
static_assert(near(m::cos(1.0), 0.5403023058681398));
static_assert(near(m::sin(100.0), -0.5063656411097588));
static_assert(near(m::cos(1e5), -0.9993608074382124));
static_assert(near(m::sin(1e22), -0.8522008497671888));  // large-argument reduction
static_assert(near(m::tan(0.5), 0.5463024898437905));
static_assert(near(m::tanh(0.5), 0.46211715726000974));
static_assert(near(m::tanh(1.5), 0.9051482536448664));
static_assert(near(m::pow(2.0, 0.5), 1.4142135623730951));
static_assert(near(m::pow(10.0, -3.5), 0.00031622776601683794));
static_assert(near(m::pow(1.5, 100.25), 4.4993390443029523e+17));

// Odd symmetry and signed zeros.
static_assert(m::sin(-1.0) == -m::sin(1.0) && m::tan(-0.5) == -m::tan(0.5) &&
              m::tanh(-0.5) == -m::tanh(0.5));
static_assert(std::bit_cast<std::uint64_t>(m::sin(-0.0)) == std::bit_cast<std::uint64_t>(-0.0));
static_assert(std::bit_cast<std::uint64_t>(m::sqrt(-0.0)) == std::bit_cast<std::uint64_t>(-0.0));

}  // namespace

int main() {}
