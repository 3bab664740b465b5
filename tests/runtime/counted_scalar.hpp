#pragma once
// A scalar type that counts the arithmetic done on it, for tests that show how often the library
// computes a node (evaluation_count.cpp, jacobian.cpp): `operations` counts every + - * / and
// negation, `divisions` the divisions alone.
#include <compare>
#include <ctgrad/ctgrad.hpp>
#include <type_traits>

// Outside any anonymous namespace: the operators a test does not call stay defined without an
// unused-function warning.
struct counted {
  static inline long operations = 0;
  static inline long divisions = 0;
  double v = 0;

  counted() = default;
  counted(double value) : v(value) {}  // NOLINT: implicit, as a double is

  friend counted operator+(counted a, counted b) { return ++operations, counted(a.v + b.v); }
  friend counted operator-(counted a, counted b) { return ++operations, counted(a.v - b.v); }
  friend counted operator*(counted a, counted b) { return ++operations, counted(a.v * b.v); }
  friend counted operator/(counted a, counted b) {
    return ++operations, ++divisions, counted(a.v / b.v);
  }
  friend counted operator-(counted a) { return ++operations, counted(-a.v); }
  counted& operator+=(counted b) { return *this = *this + b; }
  friend bool operator==(counted a, counted b) { return a.v == b.v; }
  friend auto operator<=>(counted a, counted b) { return a.v <=> b.v; }
};

template <>
inline constexpr bool ctgrad::enable_scalar<counted> = true;
// A point mixing double and counted computes in counted.
template <>
struct std::common_type<double, counted> {
  using type = counted;
};
template <>
struct std::common_type<counted, double> {
  using type = counted;
};
