// matvec with a vector as long as a column instead of a row.
// expect: ctgrad::matvec: the first operand must be a matrix

#include <ctgrad/ctgrad.hpp>

constexpr auto W = ctgrad::var<"W", 2, 3>;
#ifdef CTGRAD_CONTROL
constexpr auto x = ctgrad::var<"x", 3>;
#else
constexpr auto x = ctgrad::var<"x", 2>;
#endif

int main() {
  const auto y = matvec(W, x);
  (void)y;
}
