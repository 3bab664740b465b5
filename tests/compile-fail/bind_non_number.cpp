// A variable bound to something that is not a number.
// expect: a variable can only be bound to a number

#include <ctgrad/ctgrad.hpp>

constexpr auto x = ctgrad::var<"x">;

int main() {
#ifdef CTGRAD_CONTROL
  const auto p = ctgrad::at(x = 1.5);
#else
  const auto p = ctgrad::at(x = "text");
#endif
  (void)p;
}
