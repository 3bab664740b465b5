// A view of a result returned from the function that owns the result (clang++ -Wall; g++ 12 has
// no such warning). Its entry, a copy, may be returned (the positive control).
// expect: address of stack memory associated with local variable 'g' returned

#include <array>
#include <ctgrad/ctgrad.hpp>

constexpr auto w = ctgrad::var<"w", 3>;
constexpr auto x = ctgrad::var<"x", 3>;

auto grad_w(const std::array<double, 3>& wv, const std::array<double, 3>& xv) {
  const auto g = ctgrad::gradient(square(dot(w, x)), ctgrad::at(w = wv, x = xv));
#ifdef CTGRAD_CONTROL
  return g[w];
#else
  return g.view(w);
#endif
}

int main() {
  return grad_w({1, 2, 3}, {1, 2, 3})[0] == 28.0 ? 0 : 1;
}
