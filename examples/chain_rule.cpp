// The chain rule, step by step: decompose a nested function, take each step's local derivative,
// multiply them, and compare with ctgrad's gradient and with a central difference.
// Reproduces R1 (seeds 000, 001), R2 (seed 000), R4 (seed 000 exercise) and R8 (seed 003).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include <ctgrad/ctgrad.hpp>

namespace {

int mismatches = 0;

void expect(const char* what, double got, double want, double relative_tolerance = 1e-12) {
  if (std::abs(got - want) <= relative_tolerance * std::max(1.0, std::abs(want))) return;
  std::printf("MISMATCH %s: got %.17g, expected %.17g\n", what, got, want);
  ++mismatches;
}

constexpr auto x = ctgrad::var<"x">;

// The seeds' numerical check: the slope of f between x - h and x + h.
template <class F>
double central_difference(const F& f, double at_x, double h = 1e-7) {
  return (ctgrad::value(f, ctgrad::at(x = at_x + h)) - ctgrad::value(f, ctgrad::at(x = at_x - h))) /
         (2 * h);
}

// y = u^2 with u = 3x + 2 (R1) and y = u^2 with u = 2x + 1 (R8): the outer step's local
// derivative is dy/du = 2u, the inner one's is du/dx, its slope.
template <class U>
void square_of_linear(const char* title, const U& u, double slope, double at_x, double want_y,
                      double want_dy_dx) {
  const auto named_u = ctgrad::let<"u">(u);
  const auto y = square(named_u);
  const auto g = ctgrad::gradient(y, ctgrad::at(x = at_x));

  const double dy_du = 2 * g.value(named_u);  // local derivative of the square
  const double du_dx = slope;                 // local derivative of the linear step
  std::printf("%s at x = %g\n", title, at_x);
  std::printf("  u = %.4f, y = u^2 = %.4f\n", g.value(named_u), g.value());
  std::printf("  dy/du = 2u = %.4f, du/dx = %.4f\n", dy_du, du_dx);
  std::printf("  chain rule: dy/dx = dy/du * du/dx = %.4f\n", dy_du * du_dx);
  std::printf("  ctgrad:     dy/dx = %.4f (and dy/du = %.4f)\n", g[x], g[named_u]);
  std::printf("  numerical:  dy/dx = %.4f\n", central_difference(y, at_x));

  expect(title, g.value(), want_y);
  expect(title, g[x], want_dy_dx);
  expect(title, g[named_u], dy_du);
  expect(title, dy_du * du_dx, want_dy_dx);
  expect(title, central_difference(y, at_x), want_dy_dx, 1e-6);
}

}  // namespace

int main() {
  using namespace ctgrad::literals;

  // R1: y = (3x + 2)^2 at x = 1. With compile-time constants the whole check runs in the
  // compiler: dy/dx = 6(3x + 2) = 30.
  constexpr auto r1 = square(3_c * x + 2_c);
  static_assert(ctgrad::value(r1, ctgrad::at(x = 1)) == 25);
  static_assert(ctgrad::gradient(r1, ctgrad::at(x = 1))[x] == 30);
  square_of_linear("R1: y = (3x+2)^2", 3 * x + 2, 3, 1.0, 25, 30);
  std::printf("\n");

  // R8: y = (2x + 1)^2 at x = 1: u = 3, y = 9, dy/du = 6, du/dx = 2, dy/dx = 12.
  square_of_linear("R8: y = (2x+1)^2", 2 * x + 1, 2, 1.0, 9, 12);
  std::printf("\n");

  // R4 (exercise): y = (2x + 1)^3, so dy/dx = 3(2x + 1)^2 * 2 = 54 at x = 1.
  {
    constexpr auto y = ctgrad::pow<3>(2_c * x + 1_c);
    constexpr auto g = ctgrad::gradient(y, ctgrad::at(x = 1));
    static_assert(g[x] == 54);
    std::printf("R4: y = (2x+1)^3 at x = 1\n");
    std::printf("  chain rule: dy/dx = 3u^2 * 2 = %.4f\n", 3.0 * 3.0 * 3.0 * 2.0);
    std::printf("  ctgrad:     dy/dx = %.4f\n", g[x]);
    std::printf("  numerical:  dy/dx = %.4f\n\n", central_difference(y, 1.0));
    expect("R4", central_difference(y, 1.0), 54, 1e-6);
  }

  // R2: y = sin(exp(x^2)) at x = 0.5, three steps a = x^2, b = exp(a), y = sin(b).
  {
    const auto a = ctgrad::let<"a">(square(x));
    const auto b = ctgrad::let<"b">(exp(a));
    const auto y = sin(b);
    const double x0 = 0.5;
    const auto g = ctgrad::gradient(y, ctgrad::at(x = x0));

    const double da_dx = 2 * x0;  // local derivatives of each step
    const double db_da = std::exp(g.value(a));
    const double dy_db = std::cos(g.value(b));
    std::printf("R2: y = sin(exp(x^2)) at x = %g\n", x0);
    std::printf("  a = x^2 = %.6f, b = exp(a) = %.6f, y = sin(b) = %.6f\n", g.value(a), g.value(b),
                g.value());
    std::printf("  da/dx = 2x = %.6f, db/da = exp(a) = %.6f, dy/db = cos(b) = %.6f\n", da_dx, db_da,
                dy_db);
    std::printf("  chain rule: dy/dx = dy/db * db/da * da/dx = %.6f\n", dy_db * db_da * da_dx);
    std::printf("  ctgrad:     dy/dx = %.6f (dy/db = %.6f, dy/da = %.6f)\n", g[x], g[b], g[a]);
    std::printf("  numerical:  dy/dx = %.6f\n", central_difference(y, x0));

    expect("R2 y", g.value(), 0.9591622435375395);
    expect("R2 dy/dx", g[x], 0.3631949148017262);
    expect("R2 dy/db", g[b], dy_db);
    expect("R2 dy/da", g[a], dy_db * db_da);
    expect("R2 chain rule", dy_db * db_da * da_dx, 0.3631949148017262);
    expect("R2 numerical", central_difference(y, x0), 0.3631949148017262, 1e-6);
  }

  if (mismatches != 0) {
    std::printf("chain_rule: %d MISMATCH(ES)\n", mismatches);
    return 1;
  }
  std::printf("\nchain_rule: all numbers match the tutorials\n");
  return 0;
}
