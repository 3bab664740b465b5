// A variable bound twice in one point is an error that names the variable.
// expect: a variable is bound twice
#include <ctgrad/ctgrad.hpp>

int main() {
  constexpr auto x = ctgrad::var<"x">;
#ifdef CTGRAD_CONTROL
  constexpr auto p = ctgrad::at(x = 1.0);
#else
  constexpr auto p = ctgrad::at(x = 1.0, x = 2.0);
#endif
  static_assert(ctgrad::value(2 * x, p) == 2.0);
}
