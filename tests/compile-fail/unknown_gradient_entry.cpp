// Reading a gradient entry for a variable that is neither in the expression nor in wrt().
// (Given to wrt(), an absent variable has an entry, exactly 0: the positive control.)
// expect: this gradient has no entry for that argument

#include <ctgrad/ctgrad.hpp>

constexpr auto w = ctgrad::var<"w">;
constexpr auto x = ctgrad::var<"x">;
constexpr auto q = ctgrad::var<"q">;

int main() {
  const auto p = ctgrad::at(w = 2.0, x = 3.0);
#ifdef CTGRAD_CONTROL
  const auto g = ctgrad::gradient(w * x, p, ctgrad::wrt(x, q));
#else
  const auto g = ctgrad::gradient(w * x, p);
#endif
  return g[q] == 0.0 ? 0 : 1;
}
