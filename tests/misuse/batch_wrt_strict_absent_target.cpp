// A batch gradient asked with wrt_strict for a target the loss does not contain: a variable of
// another expression.
// expect: the_expression_does_not_contain_the_target<ctgrad::name<'b', '2'>

#include <array>
#include <ctgrad/ctgrad.hpp>

constexpr auto w1 = ctgrad::var<"w1">;
constexpr auto b1 = ctgrad::var<"b1">;
constexpr auto b2 = ctgrad::var<"b2">;
constexpr auto x = ctgrad::var<"x">;
constexpr auto t = ctgrad::var<"t">;

int main() {
  constexpr std::array<double, 2> xs{1, 2}, ts{2, 3};
  const auto loss = square(w1 * x + b1 - t);
  const auto p = ctgrad::at(w1 = 0.5, b1 = 0.1, b2 = 0.0);
#ifdef CTGRAD_CONTROL
  const auto g =
      ctgrad::batch_gradient(loss, p, ctgrad::data(x = xs, t = ts), ctgrad::wrt_strict(w1, b1));
#else
  const auto g =
      ctgrad::batch_gradient(loss, p, ctgrad::data(x = xs, t = ts), ctgrad::wrt_strict(w1, b2));
#endif
  return g[w1] < 0 ? 0 : 1;
}
