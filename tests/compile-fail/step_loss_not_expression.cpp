// step_loss() given a number instead of an expression of the state.
// expect: the loss must be a ctgrad expression

#include <ctgrad/ctgrad.hpp>

constexpr auto y = ctgrad::var<"y">;
constexpr auto k = ctgrad::var<"k">;

int main() {
#ifdef CTGRAD_CONTROL
  const auto loss = ctgrad::step_loss(square(y - 2.0));
#else
  const auto loss = ctgrad::step_loss(2.0);
#endif
  const auto r = ctgrad::iterate(y * k, y, 3, ctgrad::at(y = 1.0, k = 2.0), loss);
  return r.value() > 0.0 ? 0 : 1;
}
