// A variable that is a number in the expression, bound to an array in the point.
// expect: a variable that is a number .var<.*x.*>. is bound to an array here

#include <array>
#include <ctgrad/ctgrad.hpp>

constexpr auto w = ctgrad::var<"w", 2>;
constexpr auto x = ctgrad::var<"x">;
int main() {
  const std::array<double, 2> w0{1.0, 2.0};
#ifdef CTGRAD_CONTROL
  const auto g = ctgrad::gradient(sum(w * x), ctgrad::at(w = w0, x = 1.0));
#else
  constexpr auto x_elements = ctgrad::var<"x", 2>;  // the same name as the number x
  const auto g = ctgrad::gradient(sum(w * x), ctgrad::at(w = w0, x_elements = w0));
#endif
  (void)g;
}
