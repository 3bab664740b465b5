// A Jacobian asked with wrt_strict for an input no output contains.
// expect: no_output_of_the_jacobian_contains_the_input<ctgrad::name<'z'>

#include <ctgrad/ctgrad.hpp>

constexpr auto x = ctgrad::var<"x">;
constexpr auto y = ctgrad::var<"y">;
constexpr auto z = ctgrad::var<"z">;

int main() {
  const auto f = ctgrad::outputs(x * y, x + y);
  const auto p = ctgrad::at(x = 2.0, y = 3.0, z = 1.0);
#ifdef CTGRAD_CONTROL
  const auto J = ctgrad::jacobian(f, p, ctgrad::wrt_strict(x, y));
  return J(0, x) == 3.0 ? 0 : 1;
#else
  const auto J = ctgrad::jacobian(f, p, ctgrad::wrt_strict(x, z));
  return J(0, z) == 0.0 ? 0 : 1;
#endif
}
