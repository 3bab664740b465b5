// sum of a number.
// expect: ctgrad::sum: the operand is a number, not an array

#include <ctgrad/ctgrad.hpp>

#ifdef CTGRAD_CONTROL
constexpr auto w = ctgrad::var<"w", 2>;
#else
constexpr auto w = ctgrad::var<"w">;
#endif

int main() {
  const auto f = sum(w * w);
  (void)f;
}
