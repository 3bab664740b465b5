// Uses ctgrad as an installed or embedded package: R5 at compile time and at run time.
#include <ctgrad/ctgrad.hpp>

#include <cstdio>

int main(int argc, char**) {
  constexpr auto w = ctgrad::var<"w">;
  constexpr auto x = ctgrad::var<"x">;
  constexpr auto b = ctgrad::var<"b">;
  constexpr auto L = square(w * x + b);
  static_assert(ctgrad::gradient(L, ctgrad::at(w = 2.0, x = 3.0, b = 1.0))[w] == 42.0);
  const double wv = 1.0 + argc;  // 2 when run without arguments
  const auto g = ctgrad::gradient(L, ctgrad::at(w = wv, x = 3.0, b = 1.0));
  std::printf("dL/dw = %g\n", g[w]);
  return g[w] == 42.0 ? 0 : 1;
}
