// A gradient asked with wrt_strict for a target the expression does not contain: here a
// misspelt variable, which plain wrt would silently give derivative 0.
// expect: the_expression_does_not_contain_the_target<ctgrad::name<'w', 'i', 'e', 'g', 'h', 't'>

#include <ctgrad/ctgrad.hpp>

constexpr auto weight = ctgrad::var<"weight">;
constexpr auto bias = ctgrad::var<"bias">;
constexpr auto x = ctgrad::var<"x">;

int main() {
  const auto p = ctgrad::at(weight = 0.5, bias = 0.1, x = 2.0);
#ifdef CTGRAD_CONTROL
  const auto g = ctgrad::gradient(square(weight * x + bias), p, ctgrad::wrt_strict(weight, bias));
#else
  constexpr auto wieght = ctgrad::var<"wieght">;
  const auto g = ctgrad::gradient(square(weight * x + bias), p, ctgrad::wrt_strict(wieght, bias));
#endif
  return g[bias] > 0 ? 0 : 1;
}
