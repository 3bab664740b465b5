// acosh of a number below 1 during constant evaluation must fail the build, naming the problem.
// g++ names it in the error line, clang++ 14 in the note that follows the error.
// expect: acosh_below_one

#include <ctgrad/math/math.hpp>

#ifdef CTGRAD_CONTROL
constexpr double acosh_of_half = ctgrad::math::acosh(1.5);
#else
constexpr double acosh_of_half = ctgrad::math::acosh(0.5);
#endif

static_assert(acosh_of_half == acosh_of_half);

int main() {}
