// The logarithm of a negative number during constant evaluation must fail the build, naming the
// problem. g++ names it in the error line, clang++ 14 in the note that follows the error.
// expect: log_of_a_negative_number

#include <ctgrad/math/math.hpp>

#ifdef CTGRAD_CONTROL
constexpr double log_of_minus_one = ctgrad::math::log(1.0);
#else
constexpr double log_of_minus_one = ctgrad::math::log(-1.0);
#endif

static_assert(log_of_minus_one == log_of_minus_one);

int main() {}
