// ctgrad::at given a plain value instead of a binding `variable = value`.
// expect: ctgrad::at takes bindings written as variable = value

#include <ctgrad/ctgrad.hpp>

constexpr auto x = ctgrad::var<"x">;

int main() {
#ifdef CTGRAD_CONTROL
  const auto p = ctgrad::at(x = 1.0);
#else
  const auto p = ctgrad::at(1.0);
#endif
  (void)p;
}
