// Arrays of different lengths in an element-wise operation.
// expect: an element-wise operation combines arrays of different lengths

#include <ctgrad/ctgrad.hpp>

constexpr auto w = ctgrad::var<"w", 3>;
#ifdef CTGRAD_CONTROL
constexpr auto b = ctgrad::var<"b", 3>;
#else
constexpr auto b = ctgrad::var<"b", 4>;
#endif

int main() {
  const auto f = sum(w + b);
  (void)f;
}
