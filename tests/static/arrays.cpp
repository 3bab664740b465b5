// Array variables, checked by the compiler: the types and shapes the operations build, values
// and gradients against formulas derived by hand (evaluated with ctgrad's constexpr math, the
// same functions the sweep calls at compile time), broadcasting, reductions, matvec, named
// array intermediates, absent entries and bindings.
#include <algorithm>
#include <array>
#include <cstddef>
#include <ctgrad/check/gradient_check.hpp>
#include <ctgrad/ctgrad.hpp>
#include <span>
#include <type_traits>
#include "../support/tolerance.hpp"

namespace {

using ctgrad::array_shape;
using ctgrad::at;
using ctgrad::gradient;
using ctgrad::scalar_shape;
using ctgrad::value;
namespace ops = ctgrad::ops;
namespace cm = ctgrad::math;

constexpr auto w = ctgrad::var<"w", 3>;
constexpr auto b = ctgrad::var<"b", 3>;
constexpr auto v = ctgrad::var<"v", 3>;
constexpr auto W = ctgrad::var<"W", 2, 3>;
constexpr auto x = ctgrad::var<"x">;
constexpr auto c = ctgrad::var<"c">;

constexpr std::array<double, 3> w0{0.5, -1.25, 2.0};
constexpr std::array<double, 3> b0{0.25, 0.5, -0.75};
constexpr std::array<double, 3> v0{1.5, -0.5, 0.25};
constexpr std::array<double, 6> W0{1.0, -2.0, 0.5, 0.25, 3.0, -1.0};

// Compares ranges of numbers (a std::array entry with a std::span view, say).
template <class A, class B>
constexpr bool equal(const A& a, const B& b) {
  return std::ranges::equal(a, b);
}

constexpr bool close(double got, double want) {
  return ctgrad_test::close(got, want, 1e-15);
}

// ---- types and shapes ----
static_assert(std::is_same_v<std::remove_cv_t<decltype(w)>, ctgrad::array_variable<"w", 3, 1>>);
static_assert(std::is_same_v<std::remove_cv_t<decltype(W)>, ctgrad::array_variable<"W", 2, 3>>);
static_assert(std::is_same_v<std::remove_cv_t<decltype(x)>, ctgrad::variable<"x">>);
static_assert(decltype(w)::value_shape == array_shape<3>);
static_assert(decltype(W)::value_shape == array_shape<2, 3> &&
              decltype(W)::value_shape.width() == 6);
// Element-wise: numbers broadcast, the result is the array's shape.
static_assert(decltype(w * x + b)::value_shape == array_shape<3>);
static_assert(decltype(tanh(2.0 * w))::value_shape == array_shape<3>);
static_assert(decltype(x * x)::value_shape == scalar_shape);
// Reductions make numbers; matvec makes a vector of the matrix's rows.
static_assert(decltype(sum(w))::value_shape == scalar_shape);
static_assert(decltype(dot(w, v))::value_shape == scalar_shape);
static_assert(decltype(matvec(W, w))::value_shape == array_shape<2>);
// The exact type of a network's loss: nothing in it depends on the length but the leaves.
using tanh_layer = ctgrad::expr<
    ops::tanh,
    ctgrad::expr<ops::add,
                 ctgrad::expr<ops::mul, ctgrad::array_variable<"w", 3, 1>, ctgrad::variable<"x">>,
                 ctgrad::array_variable<"b", 3, 1>>>;
static_assert(
    std::is_same_v<ctgrad::structure_of<decltype(dot(v, tanh(w* x + b)))>,
                   ctgrad::expr<ops::dot, ctgrad::array_variable<"v", 3, 1>, tanh_layer>>);
// A 1-element array is an array, not a number.
static_assert(decltype(ctgrad::var<"u", 1>)::value_shape.array);
static_assert(sizeof(decltype(dot(v, tanh(w* x + b)))) == 1);  // no run-time numbers: empty

// ---- values ----
constexpr auto layer = value(w * x + b, at(w = w0, b = b0, x = 2.0));
static_assert(std::is_same_v<decltype(layer), const std::array<double, 3>>);
static_assert(layer[0] == 1.25 && layer[1] == -2.0 && layer[2] == 3.25);
static_assert(value(sum(w), at(w = w0)) == 1.25);
static_assert(value(dot(w, v), at(w = w0, v = v0)) == 0.75 + 0.625 + 0.5);
// matvec: row-major, y[i] = sum_j W[i][j] w[j].
constexpr auto Ww = value(matvec(W, w), at(W = W0, w = w0));
static_assert(Ww[0] == 0.5 + 2.5 + 1.0 && Ww[1] == 0.125 - 3.75 - 2.0);
// Run-time numbers inside array expressions.
constexpr auto affine = value(2.0 * w + 1.0, at(w = w0));
static_assert(affine[0] == 2.0 && affine[1] == -1.5 && affine[2] == 5.0);

// ---- gradients against hand-derived formulas ----
// f = v . tanh(w x + b): df/dv_k = h_k, df/db_k = v_k (1 - h_k^2), df/dw_k = x df/db_k,
// df/dx = sum_k w_k df/db_k.
constexpr double x0 = 0.75;
constexpr auto g = gradient(dot(v, tanh(w* x + b)), at(w = w0, b = b0, v = v0, x = x0));
constexpr bool tanh_layer_matches() {
  double f = 0, dx = 0;
  for (std::size_t k = 0; k < 3; ++k) {
    const double h = cm::tanh(w0[k] * x0 + b0[k]);
    const double dz = v0[k] * (1 - h * h);
    f += v0[k] * h;
    dx += w0[k] * dz;
    if (!close(g[v][k], h) || !close(g[b][k], dz) || !close(g[w][k], x0 * dz)) return false;
  }
  return close(g.value(), f) && close(g[x], dx);
}
static_assert(tanh_layer_matches());
// Entries are copies, arrays for array variables, from an lvalue result as from a temporary;
// view() and value_view() read them in place, from an lvalue result only.
static_assert(std::is_same_v<decltype(g[w]), std::array<double, 3>>);
static_assert(std::is_same_v<decltype(g[x]), double>);
static_assert(std::is_same_v<decltype(gradient(sum(w), at(w = w0))[w]), std::array<double, 3>>);
static_assert(std::is_same_v<decltype(g.value(w)), std::array<double, 3>>);
static_assert(g.value(w)[1] == -1.25 && g.value(x) == x0);
static_assert(std::is_same_v<decltype(g.view(w)), std::span<const double, 3>>);
static_assert(std::is_same_v<decltype(g.view(x)), const double&>);
static_assert(std::is_same_v<decltype(g.value_view(w)), std::span<const double, 3>>);
static_assert(equal(g.view(w), g[w]) && g.view(x) == g[x] && g.value_view(w)[1] == -1.25);
// A view reads the result's own numbers.
static_assert(g.view(w).data() >= g.adjoints.data() &&
              g.view(w).data() + 3 <= g.adjoints.data() + g.adjoints.size());
// Default entries in graph order.
static_assert(g.size() == 4);

// Broadcasting: a number used at every element collects every element's adjoint.
constexpr auto gb = gradient(sum(w * x), at(w = w0, x = 3.0));
static_assert(gb[x] == 1.25 && gb[w][0] == 3.0 && gb[w][1] == 3.0 && gb[w][2] == 3.0);
// The same node twice: d(w . w)/dw = 2w; d sum(w * w)/dw = 2w.
constexpr auto gww = gradient(dot(w, w), at(w = w0));
static_assert(gww[w][0] == 1.0 && gww[w][1] == -2.5 && gww[w][2] == 4.0);
static_assert(gradient(sum(w * w), at(w = w0))[w] == std::array{1.0, -2.5, 4.0});
// A number feeding several array nodes and a scalar one.
constexpr auto gmix = gradient(sum(c * w) + dot(c * w, v) + c * c, at(w = w0, v = v0, c = 2.0));
static_assert(gmix[c] == 1.25 + (0.75 + 0.625 + 0.5) + 4.0);
static_assert(gmix[w][1] == 2.0 + 2.0 * -0.5);

// matvec: d/dW of sum(W w) is w in every row; d/dw is the column sums.
constexpr auto gm = gradient(sum(matvec(W, w)), at(W = W0, w = w0));
static_assert(equal(gm[W], std::array{0.5, -1.25, 2.0, 0.5, -1.25, 2.0}));
static_assert(equal(gm[w], std::array{1.25, 1.0, -0.5}));
// A two-layer net: L = (sum(matvec(W, tanh(w x + b))) - c)^2, dL/dW[i][j] = 2 r h_j.
constexpr auto h0 = value(tanh(w * x + b), at(w = w0, b = b0, x = x0));
constexpr auto two = gradient(square(sum(matvec(W, tanh(w* x + b))) - c),
                              at(W = W0, w = w0, b = b0, x = x0, c = 0.5));
constexpr bool two_layer_matches() {
  double y = 0;
  for (std::size_t i = 0; i < 2; ++i)
    for (std::size_t j = 0; j < 3; ++j) y += W0[i * 3 + j] * h0[j];
  const double r = y - 0.5;
  for (std::size_t j = 0; j < 3; ++j) {
    const double dh = 2 * r * (W0[j] + W0[3 + j]);
    const double dz = dh * (1 - h0[j] * h0[j]);
    if (!close(two[W][j], 2 * r * h0[j]) || !close(two[W][3 + j], 2 * r * h0[j])) return false;
    if (!close(two[b][j], dz) || !close(two[w][j], dz * x0)) return false;
  }
  return close(two.value(), r * r) && close(two[c], -2 * r);
}
static_assert(two_layer_matches());

// check_gradient compares every element with central differences.
constexpr auto checked =
    ctgrad::check_gradient(dot(v, tanh(w* x + b)), at(w = w0, b = b0, v = v0, x = x0));
static_assert(checked.ok && checked.size() == 10);
static_assert(checked(w, 2).element == 2 && checked(w, 2).of_array && !checked[x].of_array);
static_assert(checked(b, 1).reverse == g[b][1]);
// A claimed gradient wrong in one element fails there, and only there.
struct wrong_in_one_element {
  template <class X>
  constexpr auto operator[](const X& entry) const {
    if constexpr (std::is_same_v<X, std::remove_cv_t<decltype(w)>>)
      return std::array{g[w][0], g[w][1], g[w][2] + 1e-3};
    else
      return g[entry];
  }
};
constexpr auto caught = ctgrad::check_gradient(
    dot(v, tanh(w* x + b)), at(w = w0, b = b0, v = v0, x = x0), wrong_in_one_element{});
static_assert(!caught.ok && !caught(w, 2).pass && caught(w, 1).pass && caught(b, 2).pass);

// Branches per element: a leaky relu.
constexpr auto leaky = gradient(sum(ctgrad::select(w > 0, w, 0.125 * w)), at(w = w0));
static_assert(equal(leaky[w], std::array{1.0, 0.125, 1.0}) && leaky.value() == 0.5 - 0.15625 + 2.0);

// Named array intermediates: their entry is an array too, and their adjoint is dL/dh.
constexpr auto h = ctgrad::let<"h">(tanh(w * x + b));
constexpr auto gh = gradient(dot(v, h), at(w = w0, b = b0, v = v0, x = x0));
static_assert(std::is_same_v<decltype(gh[h]), std::array<double, 3>>);
static_assert(gh[h][0] == v0[0] && gh[h][1] == v0[1] && gh[h][2] == v0[2]);
static_assert(close(gh.value(h)[2], h0[2]));

// wrt: an array variable the expression lacks has zero derivative and its bound value.
constexpr auto absent = gradient(sum(w), at(w = w0, v = v0), ctgrad::wrt(v, w));
static_assert(equal(absent[v], std::array{0.0, 0.0, 0.0}) && absent.value(v)[0] == 1.5);
static_assert(equal(absent[w], std::array{1.0, 1.0, 1.0}));

// A 1-element array behaves as the number it holds, but its entry is an array.
constexpr auto u = ctgrad::var<"u", 1>;
constexpr auto gu = gradient(square(dot(u, tanh(u* x))), at(u = std::array{0.5}, x = 2.0));
static_assert(std::is_same_v<decltype(gu[u]), std::array<double, 1>>);
static_assert(close(gu[u][0], gradient(square(c* tanh(c* x)), at(c = 0.5, x = 2.0))[c]));

// Bindings: an lvalue is viewed, a temporary is copied into the point; the type says which.
using ctgrad::holds;
static_assert(std::is_same_v<decltype(w = w0), ctgrad::array_binding<"w", double, 3, holds::view>>);
static_assert(std::is_same_v<decltype(w = std::array<double, 3>{}),
                             ctgrad::array_binding<"w", double, 3, holds::copy>>);
static_assert(std::is_same_v<decltype(w = std::span<const double, 3>(w0)),
                             ctgrad::array_binding<"w", double, 3, holds::view>>);
// Columns likewise: an lvalue range or a span is viewed, a temporary range copied.
static_assert(std::is_same_v<decltype(x = w0), ctgrad::column<"x", double, holds::view>>);
static_assert(std::is_same_v<decltype(x = std::span<const double>(w0)),
                             ctgrad::column<"x", double, holds::view>>);
static_assert(std::is_same_v<decltype(x = std::array<double, 3>{}),
                             ctgrad::column<"x", double, holds::copy>>);
// Other element types are converted to the point's scalar type.
static_assert(value(sum(w), at(w = std::array<int, 3>{1, 2, 3})) == 6.0);

// Batches: the parameters' arrays are shared, the data vary per sample.
constexpr std::array<double, 2> xs{0.5, -1.0}, ts{0.25, 1.0};
constexpr auto batch = ctgrad::batch_gradient(
    square(dot(v, tanh(w* x + b)) - c), at(w = w0, b = b0, v = v0), ctgrad::data(x = xs, c = ts));
constexpr bool batch_matches() {
  std::array<double, 3> dw{}, db{}, dv{};
  double total = 0;
  for (std::size_t i = 0; i < 2; ++i) {
    const auto gi = gradient(square(dot(v, tanh(w * x + b)) - c),
                             at(w = w0, b = b0, v = v0, x = xs[i], c = ts[i]));
    total += gi.value();
    for (std::size_t k = 0; k < 3; ++k) {
      dw[k] += gi[w][k];
      db[k] += gi[b][k];
      dv[k] += gi[v][k];
    }
  }
  for (std::size_t k = 0; k < 3; ++k)
    if (batch[w][k] != dw[k] || batch[b][k] != db[k] || batch[v][k] != dv[k]) return false;
  return batch.value() == total && batch.mean()[w][0] == dw[0] / 2;
}
static_assert(batch_matches());
static_assert(batch.size() == 3);

}  // namespace

int main() {}
