// A variable bound both as a parameter and as data in batch_gradient: an error that names it.
// expect: bound both as a parameter .*and as data
#include <array>
#include <ctgrad/ctgrad.hpp>

int main() {
  constexpr auto w = ctgrad::var<"w">;
  constexpr auto x = ctgrad::var<"x">;
  constexpr std::array<double, 2> xs{1, 2};
#ifdef CTGRAD_CONTROL
  constexpr auto g = ctgrad::batch_gradient(w * x, ctgrad::at(w = 2.0), ctgrad::data(x = xs));
#else
  constexpr auto g =
      ctgrad::batch_gradient(w * x, ctgrad::at(w = 2.0, x = 1.0), ctgrad::data(x = xs));
#endif
  static_assert(g[w] == 3);
}
