// One let<> name given to two different expressions in one graph, found where the graph is
// made (here by value()).
// expect: two different expressions are given the same name

#include <ctgrad/ctgrad.hpp>

constexpr auto x = ctgrad::var<"x">;
constexpr auto y = ctgrad::var<"y">;

int main() {
#ifdef CTGRAD_CONTROL
  const auto e = ctgrad::let<"h">(x) + ctgrad::let<"k">(y);
#else
  const auto e = ctgrad::let<"h">(x) + ctgrad::let<"h">(y);
#endif
  return static_cast<int>(ctgrad::value(e, ctgrad::at(x = 1.0, y = 2.0)));
}
