// A symbolic derivative of an expression with array variables.
// expect: this function does not take expressions with array variables yet

#include <ctgrad/ctgrad.hpp>

constexpr auto x = ctgrad::var<"x">;
constexpr auto c = ctgrad::var<"c">;

int main() {
#ifdef CTGRAD_CONTROL
  const auto d = ctgrad::derivative(c * x * x, x);
#else
  constexpr auto w = ctgrad::var<"w", 2>;
  const auto d = ctgrad::derivative(sum(w * x * x), x);
#endif
  (void)d;
}
