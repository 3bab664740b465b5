// iterate(step, y, n, p) checked by the compiler: a run-time number of steps, its values and
// derivatives in closed form, equal to unroll<K> of the same step, with and without per-step data,
// and the exact type of its result; a loss summed over the steps; iterate_value, and both on dual
// numbers.
#include <array>
#include <ctgrad/ctgrad.hpp>
#include <type_traits>

namespace {

using ctgrad::at;
using ctgrad::iterate;

constexpr auto y = ctgrad::var<"y">;
constexpr auto a = ctgrad::var<"a">;
constexpr auto h = ctgrad::var<"h">;
constexpr auto t = ctgrad::var<"t">;
constexpr auto w = ctgrad::var<"w", 2>;

// y -> a y, three times: y_3 = a^3 y_0, d/dy_0 = a^3, d/da = 3 a^2 y_0. Exact in doubles.
constexpr auto geometric = iterate(y * a, y, 3, at(y = 1.5, a = 2.0));
static_assert(geometric.value() == 12.0);
static_assert(geometric[y] == 8.0);
static_assert(geometric[a] == 18.0);
static_assert(geometric.value(y) == 1.5 && geometric.value(a) == 2.0);
// The entries are the state, then the step's other variables bound in at(), in graph order.
static_assert(std::is_same_v<std::remove_cvref_t<decltype(geometric)>,
                             ctgrad::gradient_result<double, std::remove_cvref_t<decltype(y)>,
                                                     std::remove_cvref_t<decltype(a)>>>);

// No step: the state is its initial value.
constexpr auto none = iterate(y * a, y, 0, at(y = 1.5, a = 2.0));
static_assert(none.value() == 1.5 && none[y] == 1.0 && none[a] == 0.0);

// A step that does not read the state: y_n = 2 a for n >= 1, whatever y_0.
constexpr auto constant_step = iterate(2.0 * a, y, 4, at(y = 1.5, a = 3.0));
static_assert(constant_step.value() == 6.0 && constant_step[y] == 0.0 && constant_step[a] == 2.0);

// The same steps as unroll<K>: the same operations in the same order, so the same value and
// gradient bit for bit, for a step that uses its input twice.
constexpr int K = 5;
constexpr auto euler = [](const auto& s) { return s + h * (a - ctgrad::pow<3>(s)); };
constexpr auto point = at(y = 0.7, a = 0.5, h = 0.1);
constexpr auto unrolled = ctgrad::gradient(ctgrad::unroll<K>(y, euler), point);
constexpr auto iterated = iterate(euler(y), y, K, point);
static_assert(iterated.value() == unrolled.value());
static_assert(iterated[y] == unrolled[y] && iterated[a] == unrolled[a] &&
              iterated[h] == unrolled[h]);

// Per-step data: y_(i+1) = y_i + t_i, so y_3 = y_0 + t_0 + t_1 + t_2; a data variable is no entry.
constexpr std::array<double, 3> ts{0.5, 0.25, 0.125};
constexpr auto summed = iterate(y + t * a, y, at(y = 1.0, a = 2.0), ctgrad::data(t = ts));
static_assert(summed.value() == 2.75 && summed[y] == 1.0 && summed[a] == 0.875);
static_assert(decltype(summed)::size() == 2);

// An array parameter: y -> y + w . w, twice: y_2 = y_0 + 2 |w|^2, d/dw = 4 w.
constexpr auto with_array = iterate(y + dot(w, w), y, 2, at(y = 1.0, w = std::array{1.0, 3.0}));
static_assert(with_array.value() == 21.0 && with_array[y] == 1.0);
static_assert(with_array[w] == std::array{4.0, 12.0});

// iterate_value: the forward loop alone, the same value; on dual numbers, forward mode through
// the loop. iterate on dual numbers is forward over reverse: d2 y_3/da2 = 6 a y_0 = 18 and
// d2 y_3/da dy_0 = 3 a^2 = 12.
using dual = ctgrad::dual<double>;
static_assert(ctgrad::iterate_value(y * a, y, 3, at(y = 1.5, a = 2.0)) == geometric.value());
static_assert(
    std::is_same_v<decltype(ctgrad::iterate_value(y * a, y, 3, at(y = 1.5, a = 2.0))), double>);
static_assert(ctgrad::iterate_value(y * a, y, 3, at(y = 1.5, a = dual{2.0, 1.0})).tangent ==
              geometric[a]);
static_assert(ctgrad::iterate_value(y * a, y, 3, at(y = dual{1.5, 1.0}, a = 2.0)).tangent ==
              geometric[y]);
constexpr auto second = iterate(y * a, y, 3, at(y = 1.5, a = dual{2.0, 1.0}));
static_assert(second[a].value == 18.0 && second[a].tangent == 18.0 && second[y].tangent == 12.0);
static_assert(ctgrad::iterate_value(y + t * a, y, at(y = 1.0, a = 2.0), ctgrad::data(t = ts)) ==
              summed.value());

// A loss summed over the steps, at the state after each: y -> a y with loss y^2 over 3 steps,
// L = (a y_0)^2 + (a^2 y_0)^2 + (a^3 y_0)^2 = 84 at y_0 = 1, a = 2; dL/dy_0 = 2 y_0 (4 + 16 + 64)
// = 168; dL/da = 2 y_0^2 (a + 2 a^3 + 3 a^5) = 228.
constexpr auto squares = iterate(y * a, y, 3, at(y = 1.0, a = 2.0), ctgrad::step_loss(square(y)));
static_assert(squares.value() == 84.0 && squares[y] == 168.0 && squares[a] == 228.0);
static_assert(decltype(squares)::size() == 2);
// A parameter of the loss alone is an entry too: loss c y, L = c y_0 (a + a^2 + a^3) = 7.
constexpr auto weighted =
    iterate(y * a, y, 3, at(y = 1.0, a = 2.0, h = 0.5), ctgrad::step_loss(h* y));
static_assert(weighted.value() == 7.0 && weighted[h] == 14.0 && weighted[y] == 7.0 &&
              weighted[a] == 8.5);
// With data: step i reads t_i and its loss (y_(i+1) - t_i)^2; y -> y + a: y_(i+1) = 1 + 2 (i + 1).
constexpr auto fitted =
    iterate(y + a, y, at(y = 1.0, a = 2.0), ctgrad::data(t = ts), ctgrad::step_loss(square(y - t)));
static_assert(fitted.value() == 2.5 * 2.5 + 4.75 * 4.75 + 6.875 * 6.875);
static_assert(fitted[y] == 2 * (2.5 + 4.75 + 6.875) &&
              fitted[a] == 2 * (2.5 + 2 * 4.75 + 3 * 6.875));
// The summed loss alone, and on dual numbers its derivative in one pass.
static_assert(ctgrad::iterate_value(y * a, y, 3, at(y = 1.0, a = 2.0),
                                    ctgrad::step_loss(square(y))) == squares.value());
static_assert(ctgrad::iterate_value(y * a, y, 3, at(y = 1.0, a = dual{2.0, 1.0}),
                                    ctgrad::step_loss(square(y)))
                  .tangent == squares[a]);
static_assert(ctgrad::iterate_value(y + a, y, at(y = 1.0, a = 2.0), ctgrad::data(t = ts),
                                    ctgrad::step_loss(square(y - t))) == fitted.value());

}  // namespace

int main() {
  return 0;
}
