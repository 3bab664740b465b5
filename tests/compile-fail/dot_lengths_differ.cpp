// dot of arrays of different lengths.
// expect: ctgrad::dot: the operands must be arrays of the same length

#include <ctgrad/ctgrad.hpp>

constexpr auto a = ctgrad::var<"a", 3>;
#ifdef CTGRAD_CONTROL
constexpr auto b = ctgrad::var<"b", 3>;
#else
constexpr auto b = ctgrad::var<"b", 2>;
#endif

int main() {
  const auto f = dot(a, b);
  (void)f;
}
