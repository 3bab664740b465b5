// An array variable bound to an array of another length.
// expect: an array variable is bound to an array of a different length

#include <array>
#include <ctgrad/ctgrad.hpp>

constexpr auto w = ctgrad::var<"w", 3>;

int main() {
#ifdef CTGRAD_CONTROL
  const std::array<double, 3> values{1.0, 2.0, 3.0};
#else
  const std::array<double, 4> values{1.0, 2.0, 3.0, 4.0};
#endif
  const auto g = ctgrad::gradient(sum(w), ctgrad::at(w = values));
  (void)g;
}
