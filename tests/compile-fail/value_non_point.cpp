// value() given a plain number where a point made by ctgrad::at is expected.
// expect: the second argument must be a point, made by ctgrad::at

#include <ctgrad/ctgrad.hpp>

constexpr auto x = ctgrad::var<"x">;

int main() {
  const auto L = square(x);
#ifdef CTGRAD_CONTROL
  ctgrad::value(L, ctgrad::at(x = 2.0));
#else
  ctgrad::value(L, 2.0);
#endif
}
