// The logarithm of zero (a pole) during constant evaluation must fail the build, naming the
// problem. g++ names it in the error line, clang++ 14 in the note that follows the error.
// expect: log_of_zero

#include <ctgrad/math/math.hpp>

#ifdef CTGRAD_CONTROL
constexpr double log_of_zero_value = ctgrad::math::log(1.0);
#else
constexpr double log_of_zero_value = ctgrad::math::log(0.0);
#endif

static_assert(log_of_zero_value == log_of_zero_value);

int main() {}
