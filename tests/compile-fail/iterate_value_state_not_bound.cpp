// iterate_value() whose state variable (y) has no initial value in at(): the same checks as
// iterate().
// expect: the state variable has no initial value

#include <ctgrad/ctgrad.hpp>

constexpr auto y = ctgrad::var<"y">;
constexpr auto k = ctgrad::var<"k">;

int main() {
#ifdef CTGRAD_CONTROL
  const auto p = ctgrad::at(y = 1.0, k = 0.5);
#else
  const auto p = ctgrad::at(k = 0.5);
#endif
  return ctgrad::iterate_value(y - 0.1 * k * y, y, 10, p) > 0.0 ? 0 : 1;
}
