// A point returned from the function whose local array it views (clang++ -Wall; g++ 12 has no
// such warning). Binding a temporary copy makes the point own it (the positive control).
// expect: address of stack memory associated with local variable 'weights' returned

#include <array>
#include <ctgrad/ctgrad.hpp>

constexpr auto w = ctgrad::var<"w", 3>;

auto make_point(double scale) {
  const std::array<double, 3> weights{scale, 2 * scale, 3 * scale};
#ifdef CTGRAD_CONTROL
  return ctgrad::at(w = std::array<double, 3>(weights));
#else
  return ctgrad::at(w = weights);
#endif
}

int main() {
  return ctgrad::value(sum(w), make_point(1.0)) == 6.0 ? 0 : 1;
}
