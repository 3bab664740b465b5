#define BOOST_TEST_MODULE evaluation_count
#include <boost/test/unit_test.hpp>

// Each distinct node is computed once: shown by counting the arithmetic a scalar type performs,
// not by reading the library. `counted` wraps a double and counts every + - * / and negation.

#include <ctgrad/ctgrad.hpp>
#include <type_traits>

#include "counted_scalar.hpp"

namespace {

// Counts the operations done by f().
template <class F>
long operations_of(F f) {
  counted::operations = 0;
  f();
  return counted::operations;
}

}  // namespace

namespace {

using namespace ctgrad::literals;
constexpr auto x = ctgrad::var<"x">;
constexpr auto y = ctgrad::var<"y">;
const auto p = ctgrad::at(x = counted{1.0}, y = counted{2.0});

static_assert(std::is_same_v<decltype(p)::scalar_type, counted>);

}  // namespace

BOOST_AUTO_TEST_CASE(a_reused_subexpression_is_computed_once) {
  const auto u = x * y;
  counted r;
  // x*y once, then u*u: 2 multiplications, not 3.
  BOOST_TEST(operations_of([&] { r = ctgrad::value(u * u, p); }) == 2);
  BOOST_TEST(r.v == 4.0);
}

BOOST_AUTO_TEST_CASE(a_named_subexpression_with_numbers_is_computed_once) {
  const auto u = ctgrad::let<"u">(3 * x + 2);
  counted r;
  // 3*x, +2, u*u.
  BOOST_TEST(operations_of([&] { r = ctgrad::value(u * u, p); }) == 3);
  BOOST_TEST(r.v == 25.0);
}

BOOST_AUTO_TEST_CASE(a_subexpression_of_constants_is_computed_once) {
  const auto u = 3_c * x + 2_c;
  counted r;
  BOOST_TEST(operations_of([&] { r = ctgrad::value(u * u, p); }) == 3);
  BOOST_TEST(r.v == 25.0);
}

BOOST_AUTO_TEST_CASE(subexpressions_with_numbers_are_told_apart_by_position) {
  // 3*x and 5*x have one type but different values: both factors are computed (2 + 2 + 1).
  counted r;
  BOOST_TEST(operations_of([&] { r = ctgrad::value((3 * x + 2) * (5 * x + 2), p); }) == 5);
  BOOST_TEST(r.v == 35.0);
  const auto g = ctgrad::gradient((3 * x + 2) * (5 * x + 2), p);
  BOOST_TEST(g[x].v == 3.0 * 7.0 + 5.0 * 5.0);  // (3x+2)' (5x+2) + (3x+2) (5x+2)'
}

// The adjoint of a shared node gathers both uses: d(u*u)/dx = 2u du/dx.
BOOST_AUTO_TEST_CASE(the_adjoint_of_a_shared_node_sums_its_uses) {
  const auto u = x * y;  // u = 2 at the point
  BOOST_TEST(ctgrad::gradient(u * u, p)[x].v == 2.0 * 2.0 * 2.0);
  BOOST_TEST(ctgrad::gradient(u * u, p)[y].v == 2.0 * 2.0 * 1.0);

  const auto v = ctgrad::let<"v">(3 * x + 2);  // v = 5
  const auto g = ctgrad::gradient(v * v, p);
  BOOST_TEST(g[v].v == 2.0 * 5.0);
  BOOST_TEST(g[x].v == 2.0 * 5.0 * 3.0);
  // Forward: 3 operations. Reverse: one product per edge whose local derivative is not the
  // constant 1 (v*v -> v twice, 3x -> x), one sum where two edges meet (v); the edges through
  // the name and through + pass the adjoint on unchanged.
  const long sweep = operations_of([&] { (void)ctgrad::gradient(v * v, p); });
  BOOST_TEST_MESSAGE("value + gradient of v*v, v = let(3x+2): " << sweep << " operations");
  BOOST_TEST(sweep == 3 + 3 + 1);
}
