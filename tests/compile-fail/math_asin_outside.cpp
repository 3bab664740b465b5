// asin of a number outside [-1, 1] during constant evaluation must fail the build, naming the
// problem. g++ names it in the error line, clang++ 14 in the note that follows the error.
// expect: asin_outside_minus_one_to_one

#include <ctgrad/math/math.hpp>

#ifdef CTGRAD_CONTROL
constexpr double asin_of_two = ctgrad::math::asin(1.0);
#else
constexpr double asin_of_two = ctgrad::math::asin(2.0);
#endif

static_assert(asin_of_two == asin_of_two);

int main() {}
