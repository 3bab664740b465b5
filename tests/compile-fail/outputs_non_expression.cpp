// A vector-valued function made of something that is not an expression (a plain number here;
// a constant output is written as a compile-time constant: the positive control).
// expect: ctgrad::outputs takes ctgrad expressions

#include <ctgrad/ctgrad.hpp>

constexpr auto x = ctgrad::var<"x">;

int main() {
#ifdef CTGRAD_CONTROL
  const auto f = ctgrad::outputs(square(x), ctgrad::c<2>);
#else
  const auto f = ctgrad::outputs(square(x), 2.0);
#endif
  (void)f;
}
