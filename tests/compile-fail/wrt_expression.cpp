// A gradient asked with respect to an expression instead of a variable or named intermediate.
// expect: not with respect to an expression

#include <ctgrad/ctgrad.hpp>

constexpr auto w = ctgrad::var<"w">;
constexpr auto x = ctgrad::var<"x">;

int main() {
  const auto p = ctgrad::at(w = 2.0, x = 3.0);
#ifdef CTGRAD_CONTROL
  const auto g = ctgrad::gradient(square(w * x), p, ctgrad::wrt(w));
#else
  const auto g = ctgrad::gradient(square(w * x), p, ctgrad::wrt(w * x));
#endif
  (void)g;
}
