// iterate() whose state is an array variable; the state is a number.
// expect: the state must be a number variable

#include <array>
#include <ctgrad/ctgrad.hpp>

constexpr auto y = ctgrad::var<"y">;
constexpr auto w = ctgrad::var<"w", 2>;

int main() {
#ifdef CTGRAD_CONTROL
  const auto r = ctgrad::iterate(y + sum(w), y, 3, ctgrad::at(y = 1.0, w = std::array{1.0, 2.0}));
#else
  const auto r = ctgrad::iterate(y + sum(w), w, 3, ctgrad::at(y = 1.0, w = std::array{1.0, 2.0}));
#endif
  (void)r;
  return 0;
}
