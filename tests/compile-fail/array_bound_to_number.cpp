// An array variable bound to a single number.
// expect: an array variable .var<.*w.*, N>. is bound to a single number; bind it to N numbers

#include <array>
#include <ctgrad/ctgrad.hpp>

constexpr auto w = ctgrad::var<"w", 3>;

int main() {
#ifdef CTGRAD_CONTROL
  const auto p = ctgrad::at(w = std::array{1.0, 2.0, 3.0});
#else
  const auto p = ctgrad::at(w = 1.0);
#endif
  (void)p;
}
