#pragma once
// check_gradient(f, at(...)): compares the reverse sweep's gradient with central differences,
// (f(x + h) - f(x - h)) / 2h, per variable of f, as the tutorials check their hand-derived
// gradients (seed 002). Everything is constexpr, so a check can be a static_assert:
//
//     static_assert(ctgrad::check_gradient(square(w * x + b), ctgrad::at(w = 2, x = 3, b = 1)).ok);
//
// The step per variable is h = cbrt(eps) * max(1, |x|), which balances the difference's
// truncation error (~h^2) against rounding (~eps/h). Opt-in: not included by <ctgrad/ctgrad.hpp>.
#include <array>
#include <cstddef>
#include <cstdio>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "ctgrad/reverse/gradient.hpp"

namespace ctgrad {

// One variable's comparison (one element's, for an array variable).
template <class T>
struct gradient_check_entry {
  std::string_view variable;  // its name
  std::size_t element;        // the element of an array variable (row-major); 0 for a number
  bool of_array;              // whether the variable is an array
  T reverse;                  // df/dx from the reverse sweep (or the gradient under test)
  T numeric;                  // the central difference
  T absolute_error;           // |reverse - numeric|
  T relative_error;           // absolute_error / max(|reverse|, |numeric|); 0 when both are 0
  T step;                     // the h used
  bool pass;                  // absolute_error <= tolerance * max(1, |reverse|, |numeric|)
};

// The result: one entry per variable of f (per element of an array variable), in the order of
// f's graph; ok if every one passes.
template <class T, std::size_t N>
struct gradient_check_result {
  std::array<gradient_check_entry<T>, N> entries;
  T tolerance;
  bool ok;

  static constexpr std::size_t size() { return N; }

  // The entry of variable x: result[x].pass, result[x].relative_error, ...
  template <fixed_string Name>
  constexpr const gradient_check_entry<T>& operator[](const variable<Name>&) const {
    for (const gradient_check_entry<T>& e : entries)
      if (e.variable == Name.view()) return e;
    throw std::out_of_range("ctgrad: the gradient check has no entry for this variable");
  }
  // The entry of element k of array variable w: result(w, k).
  template <fixed_string Name, std::size_t Rows, std::size_t Cols>
  constexpr const gradient_check_entry<T>& operator()(const array_variable<Name, Rows, Cols>&,
                                                      std::size_t k) const {
    for (const gradient_check_entry<T>& e : entries)
      if (e.variable == Name.view() && e.element == k) return e;
    throw std::out_of_range("ctgrad: the gradient check has no entry for this element");
  }
};

inline constexpr double default_gradient_tolerance = 1e-6;

namespace check_detail {

template <class T>
constexpr T magnitude(const T& v) {
  return v < T(0) ? -v : v;
}
template <class T>
constexpr T larger(const T& a, const T& b) {
  return a < b ? b : a;
}

// cbrt(epsilon) by Newton's method, once per type (std::cbrt is not constexpr).
template <class T>
inline constexpr T cbrt_epsilon = [] {
  const T eps = std::numeric_limits<T>::epsilon();
  T y = T(1);
  for (int i = 0; i < 200; ++i) y -= (y * y * y - eps) / (T(3) * y * y);
  return y;
}();

// A binding of scalar type S with element `element` of variable Name replaced by v (a number
// variable has the one element 0); arrays are copied.
template <fixed_string Name, class S, fixed_string BName, class BT>
constexpr binding<BName, S> replaced(const binding<BName, BT>& b, std::size_t, const S& v) {
  return {Name == BName ? v : static_cast<S>(b.value)};
}
template <fixed_string Name, class S, fixed_string BName, class BT, std::size_t N, holds Storage>
constexpr array_binding<BName, S, N, holds::copy> replaced(
    const array_binding<BName, BT, N, Storage>& b, std::size_t element, const S& v) {
  array_binding<BName, S, N, holds::copy> r{};
  for (std::size_t k = 0; k < N; ++k) r.elements[k] = static_cast<S>(b.data()[k]);
  if (Name == BName) r.elements[element] = v;
  return r;
}

// The point with element `element` of variable Name replaced by v.
template <fixed_string Name, class S, class... B>
constexpr auto with_value(const point<B...>& p, std::size_t element, const S& v) {
  return ctgrad::at(replaced<Name, S>(static_cast<const B&>(p), element, v)...);
}

// The variables of E, in graph order.
template <class E>
struct variables_of {
  using entries = typename detail::sweep<E>::entry_ids;
  template <class List>
  struct pick_variables;
  template <class... Id>
  struct pick_variables<detail::list<Id...>> {
    static constexpr std::array<bool, sizeof...(Id)> is_variable{
        detail::is_variable_kind(detail::node_traits<Id>::kind)...};
    using type = typename detail::pick<detail::list<Id...>, detail::positions_of<detail::count_true(
                                                                is_variable)>(is_variable)>::type;
  };
  using type = typename pick_variables<entries>::type;
};

// Compares element `element` of variable Var.
template <class T, class Var, class E, class P, class Claimed>
constexpr gradient_check_entry<T> check_one(const E& f, const P& p, const Claimed& claimed,
                                            T tolerance, std::size_t element) {
  using traits = detail::node_traits<Var>;
  constexpr auto name = traits::name;
  T x{};
  T reverse{};
  if constexpr (traits::array) {
    std::array<T, traits::width> all{};
    p.template get_elements<name, traits::width>(all.data());
    x = all[element];
    reverse = static_cast<T>(claimed[Var{}][element]);
  } else {
    x = static_cast<T>(p.template get<name>());
    reverse = static_cast<T>(claimed[Var{}]);
  }
  const T h = cbrt_epsilon<T> * larger(T(1), magnitude(x));
  const T above = x + h;
  const T below = x - h;
  // Divide by the step actually taken: above - below is exact, 2h may not be.
  const T numeric = (static_cast<T>(value(f, with_value<name>(p, element, above))) -
                     static_cast<T>(value(f, with_value<name>(p, element, below)))) /
                    (above - below);
  const T error = magnitude(reverse - numeric);
  const T scale = larger(magnitude(reverse), magnitude(numeric));
  gradient_check_entry<T> e{Var::name(), element, traits::array, reverse, numeric, error,
                            T(0),        h,       false};
  e.relative_error = scale == T(0) ? T(0) : error / scale;
  e.pass = error <= tolerance * larger(T(1), scale);
  return e;
}

template <class E, class P, class Claimed, class... Vars>
constexpr auto check_all(const E& f, const P& p, const Claimed& claimed, double tolerance,
                         detail::list<Vars...>) {
  using T = typename P::scalar_type;
  static_assert(std::is_floating_point_v<T>,
                "ctgrad::check_gradient: central differences need a floating-point point");
  constexpr std::size_t n = (std::size_t{0} + ... + detail::node_traits<Vars>::width);
  gradient_check_result<T, n> r{{}, static_cast<T>(tolerance), true};
  std::size_t at = 0;
  const auto check_variable = [&]<class Var>(std::type_identity<Var>) {
    for (std::size_t k = 0; k < detail::node_traits<Var>::width; ++k)
      r.entries[at++] = check_one<T, Var>(f, p, claimed, static_cast<T>(tolerance), k);
  };
  (check_variable(std::type_identity<Vars>{}), ...);
  for (const auto& e : r.entries) r.ok = r.ok && e.pass;
  return r;
}

template <class... Vars>
constexpr auto targets_for(detail::list<Vars...>) {
  return targets<Vars...>{};
}

}  // namespace check_detail

// Checks `claimed` (anything indexed by f's variables, such as a gradient_result, e.g. of another
// function) against central differences of f at p: the lower-level form.
template <expression E, point_like P, class Claimed>
requires(!scalar<Claimed>) constexpr auto check_gradient(
    const E& f, const P& p, const Claimed& claimed, double tolerance = default_gradient_tolerance) {
  return check_detail::check_all(f, p, claimed, tolerance,
                                 typename check_detail::variables_of<E>::type{});
}

// Checks ctgrad's gradient of f at p against central differences, per variable.
template <expression E, point_like P>
constexpr auto check_gradient(const E& f, const P& p,
                              double tolerance = default_gradient_tolerance) {
  using variables = typename check_detail::variables_of<E>::type;
  return check_gradient(f, p, gradient(f, p, check_detail::targets_for(variables{})), tolerance);
}

// A table of the result, one line per variable (per element of an array variable: w[3]).
template <class T, std::size_t N>
std::string to_string(const gradient_check_result<T, N>& r) {
  std::string out;
  char line[192];
  for (const gradient_check_entry<T>& e : r.entries) {
    std::string name(e.variable);
    if (e.of_array) {  // appended piece by piece: g++ 12 warns (-Wrestrict) on "[" + string
      name += '[';
      name += std::to_string(e.element);
      name += ']';
    }
    std::snprintf(line, sizeof line,
                  "  d/d%-8.*s reverse %15.9g  central %15.9g  rel. error %.1e  %s\n",
                  static_cast<int>(name.size()), name.data(), static_cast<double>(e.reverse),
                  static_cast<double>(e.numeric), static_cast<double>(e.relative_error),
                  e.pass ? "ok" : "FAILED");
    out += line;
  }
  return out;
}

}  // namespace ctgrad
