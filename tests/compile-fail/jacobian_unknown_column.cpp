// Reading a Jacobian's column for a variable that is neither in the outputs nor in wrt().
// (Given to wrt(), an absent variable has a column, exactly 0: the positive control.)
// expect: this Jacobian has no column for that argument

#include <ctgrad/ctgrad.hpp>

constexpr auto x = ctgrad::var<"x">;
constexpr auto y = ctgrad::var<"y">;
constexpr auto q = ctgrad::var<"q">;

int main() {
  const auto f = ctgrad::outputs(x * y, x + y);
  const auto p = ctgrad::at(x = 2.0, y = 3.0);
#ifdef CTGRAD_CONTROL
  const auto J = ctgrad::jacobian(f, p, ctgrad::wrt(x, q));
#else
  const auto J = ctgrad::jacobian(f, p);
#endif
  return J(0, q) == 0.0 ? 0 : 1;
}
