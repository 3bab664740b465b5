// select with a condition that is neither an expression nor a number.
// expect: the condition must be a ctgrad expression
#include <ctgrad/ctgrad.hpp>
#include <string>

int main() {
  constexpr auto x = ctgrad::var<"x">;
#ifdef CTGRAD_CONTROL
  const auto f = select(x > 0, x, 0);
#else
  const auto f = select(std::string("x > 0"), x, 0);
#endif
  (void)f;
}
