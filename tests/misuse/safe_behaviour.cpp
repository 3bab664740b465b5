#define BOOST_TEST_MODULE misuse
#include <boost/test/unit_test.hpp>

// The misuses of docs/reliability.md ("Misuse") that compile, each with its defined result:
// - entries and results own their numbers: returned from the function that made them, read
//   after the point's data changed;
// - points and data sets made from temporaries own copies; made from lvalues they view them and
//   see their changes;
// - one variable name in two headers is one variable;
// - lengths that differ at run time throw, naming the variables;
// - plain wrt gives a target the expression lacks exactly 0, wrt_strict accepts the ones it has.
// Under the sanitizer build (CTGRAD_SANITIZE) AddressSanitizer would report a view read after
// what it views is gone: these tests read none.

#include <array>
#include <ctgrad/ctgrad.hpp>
#include <ctgrad/reverse/parallel_batch.hpp>
#include <span>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "model_a.hpp"
#include "model_b.hpp"

namespace {

using ctgrad::holds;

constexpr auto w = ctgrad::var<"w", 3>;
constexpr auto x = ctgrad::var<"x", 3>;
constexpr auto s = ctgrad::var<"s">;
constexpr auto t = ctgrad::var<"t">;

// The example of issue 13: an entry returned from the function that owns the result.
auto grad_w(const std::array<double, 3>& wv, const std::array<double, 3>& xv) {
  const auto g = ctgrad::gradient(square(dot(w, x)), ctgrad::at(w = wv, x = xv));
  return g[w];
}

// A point made from a temporary owns its numbers, so it may be returned.
auto owning_point(const std::vector<double>& weights) {
  return ctgrad::at(w = std::vector<double>(weights));
}

// A data set made from temporaries owns them.
std::vector<double> load(double first) {
  return {first, first + 1, first + 2};
}
auto owning_data() {
  return ctgrad::data(t = load(1.0));
}

}  // namespace

BOOST_AUTO_TEST_CASE(an_entry_is_a_copy_that_outlives_its_result) {
  const std::array<double, 3> got = grad_w({1, 2, 3}, {1, 2, 3});
  // d/dw (w . x)^2 = 2 (w . x) x = 28 x.
  BOOST_TEST(got[0] == 28.0);
  BOOST_TEST(got[1] == 56.0);
  BOOST_TEST(got[2] == 84.0);
  static_assert(std::is_same_v<decltype(grad_w({}, {})), std::array<double, 3>>);
}

BOOST_AUTO_TEST_CASE(a_view_reads_its_result_in_place) {
  const std::array<double, 3> wv{1, 2, 3};
  const auto g = ctgrad::gradient(square(dot(w, x)), ctgrad::at(w = wv, x = wv));
  const std::span<const double, 3> in_place = g.view(w);
  BOOST_TEST(in_place.data() >= g.adjoints.data());
  BOOST_TEST(in_place[2] == g[w][2]);
  const auto b = ctgrad::batch_gradient(square(s - t), ctgrad::at(s = 1.0), owning_data());
  const double& ds = b.view(s);
  BOOST_TEST(ds == b[s]);
}

BOOST_AUTO_TEST_CASE(a_result_keeps_its_numbers_when_the_points_data_change) {
  std::array<double, 3> wv{1, 2, 3};
  const std::array<double, 3> xv{1, 1, 1};
  const auto p = ctgrad::at(w = wv, x = xv);  // views wv
  static_assert(std::is_base_of_v<ctgrad::array_binding<"w", double, 3, holds::view>,
                                  std::remove_const_t<decltype(p)>>);
  const auto f = square(dot(w, x));
  const auto before = ctgrad::gradient(f, p);
  const auto entry = before[w];
  wv = {2, 2, 3};
  // The result and its entry are copies: unchanged.
  BOOST_TEST(before.value() == 36.0);
  BOOST_TEST(before[w][0] == 12.0);
  BOOST_TEST(entry[0] == 12.0);
  // The point views wv: a new gradient at it sees the new numbers.
  const auto after = ctgrad::gradient(f, p);
  BOOST_TEST(after.value() == 49.0);
  BOOST_TEST(after.value(w)[0] == 2.0);
  // A point bound from a temporary copy does not.
  const auto copied = ctgrad::at(w = std::array<double, 3>(wv), x = xv);
  wv = {0, 0, 0};
  BOOST_TEST(ctgrad::value(f, copied) == 49.0);
  BOOST_TEST(ctgrad::value(f, p) == 0.0);
}

BOOST_AUTO_TEST_CASE(points_and_data_sets_of_temporaries_own_copies) {
  const std::vector<double> weights{1, 2, 3};
  const auto p = owning_point(weights);
  static_assert(std::is_same_v<std::remove_const_t<decltype(p)>,
                               ctgrad::point<ctgrad::array_binding<"w", double, 3, holds::copy>>>);
  BOOST_TEST(ctgrad::value(sum(w * w), p) == 14.0);

  const auto d = owning_data();
  static_assert(std::is_same_v<std::remove_const_t<decltype(d)>,
                               ctgrad::data_set<ctgrad::column<"t", double, holds::copy>>>);
  // data(t = load()) kept in a variable: the loss over samples 1, 2, 3 at s = 0 is 1 + 4 + 9.
  const auto kept = ctgrad::data(t = load(1.0));
  const auto r = ctgrad::batch_gradient(square(s - t), ctgrad::at(s = 0.0), kept);
  BOOST_TEST(r.value() == 14.0);
  BOOST_TEST(r[s] == -12.0);
  BOOST_TEST(ctgrad::batch_gradient(square(s - t), ctgrad::at(s = 0.0), d).value() == 14.0);

  // A vector moved in is the column's storage, not copied again.
  std::vector<double> samples{1, 2, 3};
  const double* storage = samples.data();
  const auto moved = ctgrad::data(t = std::move(samples));
  using copied_column = ctgrad::column<"t", double, holds::copy>;
  const double* moved_storage = static_cast<const copied_column&>(moved).values.data();
  BOOST_TEST(moved_storage == storage);

  // An lvalue is viewed and sees later changes.
  std::vector<double> ts{1, 2, 3};
  const auto viewed = ctgrad::data(t = ts);
  static_assert(std::is_same_v<std::remove_const_t<decltype(viewed)>,
                               ctgrad::data_set<ctgrad::column<"t", double, holds::view>>>);
  ts[0] = 0;
  BOOST_TEST(ctgrad::batch_gradient(square(s - t), ctgrad::at(s = 0.0), viewed).value() == 13.0);
}

BOOST_AUTO_TEST_CASE(one_name_in_two_headers_is_one_variable) {
  static_assert(std::is_same_v<decltype(model_a::w), decltype(model_b::w)>);
  // model_b's w binds model_a's: the same variable.
  const auto g = ctgrad::gradient(model_a::loss + model_b::output,
                                  ctgrad::at(model_b::w = 2.0, model_a::x = 3.0, model_b::b = 1.0));
  // d/dw [(w x - 1)^2 + w + b] = 2 (w x - 1) x + 1 = 31.
  BOOST_TEST(g[model_a::w] == 31.0);
  BOOST_TEST(g[model_b::w] == 31.0);
  BOOST_TEST(g.size() == 3u);  // w, x and b: one entry for w
}

BOOST_AUTO_TEST_CASE(lengths_that_differ_at_run_time_throw_naming_the_variables) {
  const std::vector<double> four{1, 2, 3, 4};
  BOOST_CHECK_EXCEPTION((void)ctgrad::at(w = four), std::invalid_argument,
                        [](const std::invalid_argument& e) {
                          return std::string(e.what()) ==
                                 "ctgrad: the array variable w has 3 elements but is bound to 4 "
                                 "numbers";
                        });
  BOOST_CHECK_EXCEPTION((void)ctgrad::data(s = four, t = load(0.0)), std::invalid_argument,
                        [](const std::invalid_argument& e) {
                          return std::string(e.what()) ==
                                 "ctgrad::data: the columns have different lengths: s has 4 "
                                 "samples, t has 3";
                        });
}

BOOST_AUTO_TEST_CASE(wrt_gives_an_absent_target_zero_and_wrt_strict_takes_present_ones) {
  const auto p = ctgrad::at(s = 2.0, t = 3.0);
  const auto plain = ctgrad::gradient(s * s, p, ctgrad::wrt(s, t));
  BOOST_TEST(plain[t] == 0.0);
  BOOST_TEST(plain.value(t) == 3.0);
  const auto strict = ctgrad::gradient(s * t, p, ctgrad::wrt_strict(t, s));
  BOOST_TEST(strict[s] == 3.0);
  BOOST_TEST(strict[t] == 2.0);
  const auto hv =
      ctgrad::hessian_vector(s * s * t, p, ctgrad::along(s = 1.0), ctgrad::wrt_strict(s));
  BOOST_TEST(hv[s].value == 12.0);
  BOOST_TEST(hv[s].tangent == 6.0);
  const auto d = ctgrad::data(t = load(1.0));
  const auto ps = ctgrad::at(s = 0.0);
  const auto one = ctgrad::batch_gradient(square(s - t), ps, d, ctgrad::wrt_strict(s));
  const auto two = ctgrad::parallel_batch_gradient(square(s - t), ps, d, ctgrad::wrt_strict(s), 2);
  BOOST_TEST(one[s] == -12.0);
  BOOST_TEST(two[s] == one[s]);
  const auto J = ctgrad::jacobian(ctgrad::outputs(s * t, s + t), p, ctgrad::wrt_strict(t));
  BOOST_TEST(J(0, t) == 2.0);
  BOOST_TEST(J(1, t) == 1.0);
}
