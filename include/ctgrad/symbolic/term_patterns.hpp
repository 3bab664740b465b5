#pragma once
// What the simplifying rules (symbolic/simplify.hpp) look for in terms and structures: numbers
// known when the expression is built, coefficients and the constants they fold into, a term as
// coefficient * base and a factor as base^exponent, and the right-nested product chains a factor
// can merge into.
#include <cstddef>
#include <type_traits>

#include "ctgrad/core/functions.hpp"
#include "ctgrad/core/operands.hpp"
#include "ctgrad/symbolic/rational.hpp"
#include "ctgrad/symbolic/term.hpp"

namespace ctgrad::detail {

// Predicates on structures.
template <class T>
struct is_zero : std::false_type {};
template <>
struct is_zero<constant<0, 1>> : std::true_type {};

template <class T>
struct is_one : std::false_type {};
template <>
struct is_one<constant<1, 1>> : std::true_type {};

template <class T>
struct is_minus_one : std::false_type {};
template <>
struct is_minus_one<constant<-1, 1>> : std::true_type {};

// A number known when the expression is built: a compile-time constant or a run-time number.
template <class T>
struct is_coefficient : std::bool_constant<(is_constant<T>::value || __is_same(T, number))> {};

template <class T>
struct is_negation : std::false_type {};
template <class A>
struct is_negation<expr<ops::neg, A>> : std::true_type {};

// k * a with a coefficient k.
template <class T>
struct is_scaled : std::false_type {};
template <class K, class A>
struct is_scaled<expr<ops::mul, K, A>> : std::bool_constant<(is_coefficient<K>::value)> {};

// A comparison node, whose value is 1 or 0.
template <class T>
struct is_comparison : std::false_type {};
template <class Op, class A, class B>
struct is_comparison<expr<Op, A, B>>
    : std::bool_constant<(__is_same(Op, ops::less) || __is_same(Op, ops::less_equal) ||
                          __is_same(Op, ops::greater) || __is_same(Op, ops::greater_equal))> {};

// Two operands that are the same node: equal structures without run-time numbers.
template <class A, class B>
struct same_node : std::bool_constant<(__is_same(A, B) && A::number_count == 0)> {};

// The constant `a op b` of two constants (ok false on overflow).
template <char Op, class A, class B>
inline constexpr rational folded_constant = combine_rational(Op, rational_of<A>, rational_of<B>);

// Whether `a op b` folds: both are coefficients, and constants do not overflow.
template <char Op, class A, class B>
struct folds : std::false_type {};
template <char Op, class A, class B>
requires(is_coefficient<A>::value&& is_coefficient<B>::value) struct folds<Op, A, B>
    : std::true_type {
};
template <char Op, long long N1, long long D1, long long N2, long long D2>
struct folds<Op, constant<N1, D1>, constant<N2, D2>>
    : std::bool_constant<folded_constant<Op, constant<N1, D1>, constant<N2, D2>>.ok> {};

// A term's value as a source of a folded number: a constant, or the number's one source.
template <class T>
struct coefficient_source {
  using type = typename T::structure;
};
template <class... Sources>
struct coefficient_source<term<number, list<Sources...>>> {
  using type = at<0, Sources...>;
};

// The coefficient `a op b` of two coefficient terms that fold.
template <char Op, class A, class B,
          bool =
              is_constant<typename A::structure>::value&& is_constant<typename B::structure>::value>
struct fold_t {
  using type = term<
      number,
      list<folded<Op, typename coefficient_source<A>::type, typename coefficient_source<B>::type>>>;
};
template <char Op, class A, class B>
struct fold_t<Op, A, B, true> {
  static constexpr rational r = folded_constant<Op, typename A::structure, typename B::structure>;
  using type = term<constant<r.num, r.den>>;
};
template <char Op, class A, class B>
using fold = typename fold_t<Op, A, B>::type;

// The coefficient of k * a (a structure).
template <class S>
using coefficient_of = list_at<0, typename S::operands>;

// Whether a * (k * b) folds a * k: B is scaled by a coefficient that folds with A.
template <class A, class B>
struct folds_into_scaled : std::false_type {};
template <class A, class B>
requires(is_coefficient<A>::value&& is_scaled<B>::value) struct folds_into_scaled<A, B>
    : std::bool_constant<(folds<'*', A, coefficient_of<B>>::value)> {
};

// A term as coefficient * base: k * a is (k, a), -a is (-1, a), any other a is (1, a).
template <class T, class S = typename T::structure>
struct split_term {
  using coefficient = term<constant<1>>;
  using base = T;
};
template <class T, class K, class A>
requires is_coefficient<K>::value struct split_term<T, expr<ops::mul, K, A>> {
  using coefficient = operand_term<0, T>;
  using base = operand_term<1, T>;
};
template <class T, class A>
struct split_term<T, expr<ops::neg, A>> {
  using coefficient = term<constant<-1>>;
  using base = operand_term<0, T>;
};

// The same on structures, for the rules' conditions.
template <class S>
struct split_structure {
  using coefficient = constant<1>;
  using base = S;
};
template <class K, class A>
requires is_coefficient<K>::value struct split_structure<expr<ops::mul, K, A>> {
  using coefficient = K;
  using base = A;
};
template <class A>
struct split_structure<expr<ops::neg, A>> {
  using coefficient = constant<-1>;
  using base = A;
};

// Two terms with the same base (and no run-time numbers in it): k1 a +- k2 a = (k1 +- k2) a.
template <char Op, class A, class B>
struct terms_merge : std::false_type {};
template <char Op, class A, class B>
requires(!is_coefficient<A>::value && !is_coefficient<B>::value) struct terms_merge<Op, A, B>
    : std::bool_constant<
          (same_node<typename split_structure<A>::base, typename split_structure<B>::base>::value &&
           folds<Op, typename split_structure<A>::coefficient,
                 typename split_structure<B>::coefficient>::value)> {
};

template <class T>
struct is_negative_constant : std::false_type {};
template <long long Num, long long Den>
struct is_negative_constant<constant<Num, Den>> : std::bool_constant<(Num < 0)> {};

// k * a with a negative constant k: a + k b is written a - |k| b.
template <class T>
struct has_negative_constant_coefficient : std::false_type {};
template <class K, class A>
struct has_negative_constant_coefficient<expr<ops::mul, K, A>>
    : std::bool_constant<(is_negative_constant<K>::value)> {};

// A factor as base^exponent: square(a) is (a, 2), pow<N>(a) is (a, N), any other a is (a, 1).
// The base is a structure.
template <class S>
struct power_of {
  using base = S;
  static constexpr long long exponent = 1;
};
template <class A>
struct power_of<expr<ops::square, A>> {
  using base = A;
  static constexpr long long exponent = 2;
};
template <long long N, class A>
struct power_of<expr<ops::pow_int<N>, A>> {
  using base = A;
  static constexpr long long exponent = N;
};

template <class A, class B>
struct same_base
    : std::bool_constant<(__is_same(typename power_of<A>::base, typename power_of<B>::base) &&
                          power_of<A>::base::number_count == 0)> {};

// A product that is not a coefficient times something: a * b with a not a coefficient.
template <class T>
struct is_product : std::false_type {};
template <class A, class B>
struct is_product<expr<ops::mul, A, B>> : std::bool_constant<(!is_coefficient<A>::value)> {};

// Whether a factor with the base of A occurs among the first `merge_reach` factors of the
// right-nested product chain C. The reach is bounded: merging a factor deep into a long chain
// spells the chain anew, and a chain shared by many products (the derivative of a deep
// expression is one) would be copied once per product, the graph growing with the square of the
// depth.
inline constexpr std::size_t merge_reach = 8;
template <class A, class C, std::size_t Reach = merge_reach>
struct chain_has_base : same_base<A, C> {};
template <class A, class F, class Rest, std::size_t Reach>
requires(!is_coefficient<F>::value) struct chain_has_base<A, expr<ops::mul, F, Rest>, Reach>
    : std::bool_constant<same_base<A, F>::value ||
                         std::conditional_t<(Reach > 1), chain_has_base<A, Rest, Reach - 1>,
                                            std::false_type>::value> {
};

// Whether A shares its base with the first factor of the product B.
template <class A, class B>
struct shares_first_base : std::false_type {};
template <class A, class F, class Rest>
struct shares_first_base<A, expr<ops::mul, F, Rest>>
    : std::bool_constant<(same_base<A, F>::value)> {};

}  // namespace ctgrad::detail
