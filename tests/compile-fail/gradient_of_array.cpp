// The gradient of an array-valued function.
// expect: a gradient is taken of a function whose value is a number

#include <array>
#include <ctgrad/ctgrad.hpp>

constexpr auto w = ctgrad::var<"w", 2>;
constexpr auto x = ctgrad::var<"x">;

int main() {
  const std::array<double, 2> w0{1.0, 2.0};
#ifdef CTGRAD_CONTROL
  const auto g = ctgrad::gradient(sum(w * x), ctgrad::at(w = w0, x = 3.0));
#else
  const auto g = ctgrad::gradient(w * x, ctgrad::at(w = w0, x = 3.0));
#endif
  (void)g;
}
