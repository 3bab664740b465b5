// iterate() with a step loss whose value is an array (w * y for an array w): a loss is a number.
// expect: the step loss's value is an array

#include <array>
#include <ctgrad/ctgrad.hpp>

constexpr auto y = ctgrad::var<"y">;
constexpr auto k = ctgrad::var<"k">;
constexpr auto w = ctgrad::var<"w", 2>;

int main() {
#ifdef CTGRAD_CONTROL
  const auto loss = ctgrad::step_loss(sum(w * y));
#else
  const auto loss = ctgrad::step_loss(w * y);
#endif
  const auto r = ctgrad::iterate(y - 0.1 * k * y, y, 10,
                                 ctgrad::at(y = 1.0, k = 0.5, w = std::array{1.0, 2.0}), loss);
  return r.value() > 0.0 ? 0 : 1;
}
