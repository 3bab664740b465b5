// The square root of a negative number during constant evaluation must fail the build, naming the
// problem. g++ names it in the error line, clang++ 14 in the note that follows the error.
// expect: sqrt_of_a_negative_number

#include <ctgrad/math/math.hpp>

#ifdef CTGRAD_CONTROL
constexpr double sqrt_of_minus_four = ctgrad::math::sqrt(4.0);
#else
constexpr double sqrt_of_minus_four = ctgrad::math::sqrt(-4.0);
#endif

static_assert(sqrt_of_minus_four == sqrt_of_minus_four);

int main() {}
