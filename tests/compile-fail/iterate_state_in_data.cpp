// iterate() given a data column for its state variable, which takes its value from the step
// before.
// expect: the state variable is given a column in data

#include <ctgrad/ctgrad.hpp>
#include <vector>

constexpr auto y = ctgrad::var<"y">;
constexpr auto t = ctgrad::var<"t">;

int main() {
  const std::vector<double> ts{0.0, 0.1, 0.2};
#ifdef CTGRAD_CONTROL
  const auto r = ctgrad::iterate(y + t, y, ctgrad::at(y = 1.0), ctgrad::data(t = ts));
#else
  const auto r = ctgrad::iterate(y + t, y, ctgrad::at(y = 1.0), ctgrad::data(y = ts, t = ts));
#endif
  (void)r;
  return 0;
}
