// A negative base to a non-integer power during constant evaluation must fail the build, naming the
// problem. g++ names it in the error line, clang++ 14 in the note that follows the error.
// expect: pow_of_a_negative_base_to_a_non_integer_exponent

#include <ctgrad/math/math.hpp>

#ifdef CTGRAD_CONTROL
constexpr double pow_of_minus_two_to_one_half = ctgrad::math::pow(-2.0, 2.0);
#else
constexpr double pow_of_minus_two_to_one_half = ctgrad::math::pow(-2.0, 0.5);
#endif

static_assert(pow_of_minus_two_to_one_half == pow_of_minus_two_to_one_half);

int main() {}
