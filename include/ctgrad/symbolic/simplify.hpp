#pragma once
// Building nodes with simplification, so that symbolic derivatives stay small. Each function of
// namespace `simplifying` builds the node its operation would, unless a rule below gives an
// equal, smaller expression. The rules look only at types, with one exception: two numbers (or
// a number and a constant) fold into one number whose value is computed when the expression is
// built. Rules:
// - folding: constant op constant -> constant (exact rationals; left alone on overflow), and
//   number op constant, number op number -> number;
// - identities: 0 + a, a + 0, a - 0 -> a; 0 - a -> -a; a - a -> 0; 0 * a, a * 0 -> 0;
//   1 * a, a * 1, a / 1 -> a; 0 / a -> 0; -(-a) -> a; -1 * a -> -a;
// - merging: a + a -> 2 * a; a * a -> square(a); coefficients move to the front and multiply
//   (2 * (3 * a) -> 6 * a, (2 * a) * b -> 2 * (a * b)); a / k -> (1/k) * a for a constant k;
//   a + -b -> a - b; a - -b -> a + b; signs move out of products;
// - branches: select(c, a, a) -> a; select(k, a, b) -> a or b for a constant k;
//   select(c, 1, 0) -> c for a comparison c.
// "a - a -> 0" and the other rules that compare operands apply only when the operand holds no
// run-time number: its type is then its value (docs/design.md, "Node identity").
// 0 * a -> 0 assumes a finite: the simplified derivative of an expression is its derivative
// where every operand is finite.
#include <cstddef>
#include <type_traits>
#include <utility>

#include "ctgrad/core/functions.hpp"
#include "ctgrad/core/operands.hpp"
#include "ctgrad/core/unroll.hpp"
#include "ctgrad/graph/graph.hpp"

namespace ctgrad {

namespace detail {

template <class T>
inline constexpr bool is_zero = false;
template <>
inline constexpr bool is_zero<constant<0, 1>> = true;

template <class T>
inline constexpr bool is_one = false;
template <>
inline constexpr bool is_one<constant<1, 1>> = true;

template <class T>
inline constexpr bool is_minus_one = false;
template <>
inline constexpr bool is_minus_one<constant<-1, 1>> = true;

// A number known when the expression is built: a compile-time constant or a run-time number.
template <class T>
inline constexpr bool is_coefficient = is_constant<T>::value || std::is_same_v<T, number>;

// The traits below read structures; an object is read through its structure (structure_t).
template <class T>
inline constexpr bool is_negation_s = false;
template <class A>
inline constexpr bool is_negation_s<expr<ops::neg, A>> = true;
template <class T>
inline constexpr bool is_negation = is_negation_s<structure_t<T>>;

// k * a with a coefficient k.
template <class T>
inline constexpr bool is_scaled_s = false;
template <class K, class A>
inline constexpr bool is_scaled_s<expr<ops::mul, K, A>> = is_coefficient<K>;
template <class T>
inline constexpr bool is_scaled = is_scaled_s<structure_t<T>>;

template <class Op>
inline constexpr bool is_pow_int_op = false;
template <long long N>
inline constexpr bool is_pow_int_op<ops::pow_int<N>> = true;

// A comparison node, whose value is 1 or 0.
template <class T>
inline constexpr bool is_comparison_s = false;
template <class Op, class A, class B>
inline constexpr bool is_comparison_s<expr<Op, A, B>> =
    std::is_same_v<Op, ops::less> || std::is_same_v<Op, ops::less_equal> ||
    std::is_same_v<Op, ops::greater> || std::is_same_v<Op, ops::greater_equal>;
template <class T>
inline constexpr bool is_comparison = is_comparison_s<structure_t<T>>;

// Two operands that are the same node: equal structures without run-time numbers.
template <class A, class B>
inline constexpr bool same_node =
    std::is_same_v<structure_t<A>, structure_t<B>>&& structure_t<A>::number_count == 0;

// Exact rational arithmetic on constants; `ok` is false on overflow or division by zero.
struct rational {
  long long num = 0;
  long long den = 1;
  bool ok = true;
};
constexpr rational normalized(long long num, long long den, bool ok) {
  if (!ok || den == 0) return {0, 1, false};
  if (den < 0) {
    if (num == (-9223372036854775807LL - 1) || den == (-9223372036854775807LL - 1))
      return {0, 1, false};
    num = -num;
    den = -den;
  }
  const long long g = gcd(num, den);
  return {num / g, den / g, true};
}
constexpr rational combine_rational(char op, rational a, rational b) {
  long long n1 = 0, n2 = 0, d = 0;
  bool overflow = false;
  switch (op) {
    case '+':
    case '-':
      overflow |= __builtin_mul_overflow(a.num, b.den, &n1);
      overflow |= __builtin_mul_overflow(b.num, a.den, &n2);
      overflow |= __builtin_mul_overflow(a.den, b.den, &d);
      if (op == '+')
        overflow |= __builtin_add_overflow(n1, n2, &n1);
      else
        overflow |= __builtin_sub_overflow(n1, n2, &n1);
      return normalized(n1, d, !overflow);
    case '*':
      overflow |= __builtin_mul_overflow(a.num, b.num, &n1);
      overflow |= __builtin_mul_overflow(a.den, b.den, &d);
      return normalized(n1, d, !overflow);
    default:  // '/'
      overflow |= __builtin_mul_overflow(a.num, b.den, &n1);
      overflow |= __builtin_mul_overflow(a.den, b.num, &d);
      return normalized(n1, d, !overflow && b.num != 0);
  }
}
template <class K>
inline constexpr rational rational_of = {K::numerator, K::denominator, true};

template <class K>
constexpr double coefficient_value(const K& k) {
  if constexpr (std::is_same_v<K, number>)
    return k.numbers[0];
  else
    return static_cast<double>(K::numerator) / static_cast<double>(K::denominator);
}

// The coefficient `a op b`, or void when it cannot be folded (a constant overflow).
template <char Op, class A, class B>
constexpr auto fold(const A& a, const B& b) {
  if constexpr (is_constant<A>::value && is_constant<B>::value) {
    constexpr rational r = combine_rational(Op, rational_of<A>, rational_of<B>);
    if constexpr (r.ok) return constant<r.num, r.den>{};
  } else {
    const double x = coefficient_value(a), y = coefficient_value(b);
    if constexpr (Op == '+')
      return number(x + y);
    else if constexpr (Op == '-')
      return number(x - y);
    else if constexpr (Op == '*')
      return number(x * y);
    else
      return number(x / y);
  }
}
// Whether `a op b` folds: both are coefficients, and constants do not overflow.
template <char Op, class A, class B, bool = is_coefficient<A>&& is_coefficient<B>>
inline constexpr bool folds = false;
template <char Op, class A, class B>
inline constexpr bool folds<Op, A, B, true> =
    !std::is_void_v<decltype(fold<Op>(std::declval<A>(), std::declval<B>()))>;

// The coefficient of k * a.
template <class T>
using coefficient_of = std::remove_cvref_t<decltype(operand<0>(std::declval<T>()))>;

// Whether a * (k * b) folds a * k: B is scaled by a coefficient that folds with A.
template <class A, class B, bool = is_coefficient<A>&& is_scaled<B>>
inline constexpr bool folds_into_scaled = false;
template <class A, class B>
inline constexpr bool folds_into_scaled<A, B, true> = folds<'*', A, coefficient_of<B>>;

// A term as coefficient * base: k * a is (k, a), -a is (-1, a), any other a is (1, a).
template <class T>
constexpr auto term_coefficient(const T& t) {
  if constexpr (is_scaled<T>)
    return operand<0>(t);
  else if constexpr (is_negation<T>)
    return constant<-1>{};
  else
    return constant<1>{};
}
template <class T>
constexpr auto term_base(const T& t) {
  if constexpr (is_scaled<T> || is_negation<T>)
    return operand < is_scaled<T> ? 1 : 0 > (t);
  else
    return t;
}
template <class T>
using term_base_t = std::remove_cvref_t<decltype(term_base(std::declval<T>()))>;
template <class T>
using term_coefficient_t = std::remove_cvref_t<decltype(term_coefficient(std::declval<T>()))>;

// Two terms with the same base (and no run-time numbers in it): k1 a +- k2 a = (k1 +- k2) a.
template <char Op, class A, class B, bool = !is_coefficient<A> && !is_coefficient<B>>
inline constexpr bool terms_merge = false;
template <char Op, class A, class B>
inline constexpr bool terms_merge<Op, A, B, true> = same_node<term_base_t<A>, term_base_t<B>>&&
    folds<Op, term_coefficient_t<A>, term_coefficient_t<B>>;

template <class T>
inline constexpr bool is_negative_constant = false;
template <long long Num, long long Den>
inline constexpr bool is_negative_constant<constant<Num, Den>> = Num < 0;

// k * a with a negative constant k: a + k b is written a - |k| b.
template <class T>
inline constexpr bool has_negative_constant_coefficient_s = false;
template <class K, class A>
inline constexpr bool has_negative_constant_coefficient_s<expr<ops::mul, K, A>> =
    is_negative_constant<K>;
template <class T>
inline constexpr bool has_negative_constant_coefficient =
    has_negative_constant_coefficient_s<structure_t<T>>;

// A factor as base^exponent: square(a) is (a, 2), pow<N>(a) is (a, N), any other a is (a, 1).
// The base is a structure.
template <class S>
struct power_of_s {
  using base = S;
  static constexpr long long exponent = 1;
};
template <class A>
struct power_of_s<expr<ops::square, A>> {
  using base = A;
  static constexpr long long exponent = 2;
};
template <long long N, class A>
struct power_of_s<expr<ops::pow_int<N>, A>> {
  using base = A;
  static constexpr long long exponent = N;
};
template <class T>
using power_of = power_of_s<structure_t<T>>;

template <class A, class B>
inline constexpr bool same_base_s =
    std::is_same_v<typename power_of_s<A>::base, typename power_of_s<B>::base>&&
        power_of_s<A>::base::number_count == 0;
template <class A, class B>
inline constexpr bool same_base = same_base_s<structure_t<A>, structure_t<B>>;

// A product that is not a coefficient times something: a * b with a not a coefficient.
template <class T>
inline constexpr bool is_product_s = false;
template <class A, class B>
inline constexpr bool is_product_s<expr<ops::mul, A, B>> = !is_coefficient<A>;
template <class T>
inline constexpr bool is_product = is_product_s<structure_t<T>>;

// Whether a factor with the base of A occurs in the right-nested product chain C (structures).
template <class A, class C>
struct chain_has_base {
  static constexpr bool value = same_base_s<A, C>;
};
template <class A, class F, class Rest>
requires(!is_coefficient<F>) struct chain_has_base<A, expr<ops::mul, F, Rest>> {
  static constexpr bool value = same_base_s<A, F> || chain_has_base<A, Rest>::value;
};

}  // namespace detail

namespace simplifying {

template <class A, class B>
constexpr auto add(const A& a, const B& b);
template <class A, class B>
constexpr auto sub(const A& a, const B& b);
template <class A, class B>
constexpr auto mul(const A& a, const B& b);
template <class A, class B>
constexpr auto div(const A& a, const B& b);
template <class A>
constexpr auto neg(const A& a);
template <long long N, class A>
constexpr auto pow_int(const A& a);

template <class A>
constexpr auto neg(const A& a) {
  using namespace detail;
  if constexpr (is_zero<A>) {
    return a;
  } else if constexpr (folds<'-', constant<0>, A>) {
    return fold<'-'>(constant<0>{}, a);
  } else if constexpr (is_negation<A>) {
    return operand<0>(a);
  } else if constexpr (is_scaled<A>) {
    return mul(neg(operand<0>(a)), operand<1>(a));
  } else {
    return make_node<ops::neg>(a);
  }
}

template <class A, class B>
constexpr auto add(const A& a, const B& b) {
  using namespace detail;
  if constexpr (is_zero<A>) {
    return b;
  } else if constexpr (is_zero<B>) {
    return a;
  } else if constexpr (folds<'+', A, B>) {
    return fold<'+'>(a, b);
  } else if constexpr (is_coefficient<A> && !is_coefficient<B>) {
    return add(b, a);  // numbers last: 3 * x + 2
  } else if constexpr (terms_merge<'+', A, B>) {
    return mul(fold<'+'>(term_coefficient(a), term_coefficient(b)), term_base(b));
  } else if constexpr (is_negation<B>) {
    return sub(a, operand<0>(b));
  } else if constexpr (has_negative_constant_coefficient<B>) {
    return sub(a, mul(neg(operand<0>(b)), operand<1>(b)));
  } else if constexpr (is_negation<A> && !is_coefficient<B>) {
    return sub(b, operand<0>(a));
  } else {
    return make_node<ops::add>(a, b);
  }
}

template <class A, class B>
constexpr auto sub(const A& a, const B& b) {
  using namespace detail;
  if constexpr (is_zero<B>) {
    return a;
  } else if constexpr (is_zero<A>) {
    return neg(b);
  } else if constexpr (folds<'-', A, B>) {
    return fold<'-'>(a, b);
  } else if constexpr (same_node<A, B>) {
    return constant<0>{};
  } else if constexpr (terms_merge<'-', A, B>) {
    return mul(fold<'-'>(term_coefficient(a), term_coefficient(b)), term_base(b));
  } else if constexpr (is_negation<B>) {
    return add(a, operand<0>(b));
  } else if constexpr (has_negative_constant_coefficient<B>) {
    return add(a, mul(neg(operand<0>(b)), operand<1>(b)));
  } else {
    return make_node<ops::sub>(a, b);
  }
}

template <class A, class B>
constexpr auto mul(const A& a, const B& b) {
  using namespace detail;
  if constexpr (is_zero<A> || is_zero<B>) {
    return constant<0>{};
  } else if constexpr (is_one<A>) {
    return b;
  } else if constexpr (is_one<B>) {
    return a;
  } else if constexpr (is_coefficient<A> && is_coefficient<B>) {
    if constexpr (folds<'*', A, B>)
      return fold<'*'>(a, b);
    else
      return make_node<ops::mul>(a, b);
  } else if constexpr (is_coefficient<B>) {
    return mul(b, a);  // coefficients first: 6 * x
  } else if constexpr (is_minus_one<A>) {
    return neg(b);
  } else if constexpr (folds_into_scaled<A, B>) {
    return mul(fold<'*'>(a, operand<0>(b)), operand<1>(b));
  } else if constexpr (is_coefficient<A> && is_negation<B>) {
    return mul(neg(a), operand<0>(b));
  } else if constexpr (is_coefficient<A>) {
    return make_node<ops::mul>(a, b);
  } else if constexpr (is_negation<A>) {
    return neg(mul(operand<0>(a), b));
  } else if constexpr (is_negation<B>) {
    return neg(mul(a, operand<0>(b)));
  } else if constexpr (is_scaled<A>) {
    return mul(operand<0>(a), mul(operand<1>(a), b));
  } else if constexpr (is_scaled<B>) {
    return mul(operand<0>(b), mul(a, operand<1>(b)));
  } else if constexpr (is_product<A>) {
    return mul(operand<0>(a), mul(operand<1>(a), b));  // products nest to the right
  } else if constexpr (!chain_has_base<structure_t<A>, structure_t<B>>::value) {
    return make_node<ops::mul>(a, b);
  } else if constexpr (is_product<B>) {
    // a * (f * rest): merge a into f if they share a base, else look further down the chain.
    using F = std::remove_cvref_t<decltype(operand<0>(b))>;
    if constexpr (same_base<A, F>)
      return mul(pow_int<power_of<A>::exponent + power_of<F>::exponent>(
                     object_of<typename power_of<A>::base>{}),
                 operand<1>(b));
    else
      return mul(operand<0>(b), mul(a, operand<1>(b)));
  } else {
    return pow_int<power_of<A>::exponent + power_of<B>::exponent>(
        object_of<typename power_of<A>::base>{});
  }
}

template <class A, class B>
constexpr auto div(const A& a, const B& b) {
  using namespace detail;
  if constexpr (is_one<B>) {
    return a;
  } else if constexpr (is_zero<A> && !is_zero<B>) {
    return constant<0>{};
  } else if constexpr (!is_zero<B> && folds<'/', A, B>) {
    return fold<'/'>(a, b);
  } else if constexpr (is_constant<B>::value && !is_zero<B> && folds<'/', constant<1>, B>) {
    return mul(fold<'/'>(constant<1>{}, b), a);
  } else if constexpr (is_negation<A>) {
    return neg(div(operand<0>(a), b));
  } else {
    return make_node<ops::div>(a, b);
  }
}

template <class A>
constexpr auto square(const A& a) {
  using namespace detail;
  if constexpr (is_constant<A>::value && folds<'*', A, A>) {
    return fold<'*'>(a, a);
  } else if constexpr (is_negation<A>) {
    return square(operand<0>(a));
  } else {
    return make_node<ops::square>(a);
  }
}

// a^N for an integer N: a^0 -> 1, a^1 -> a, a^2 -> square(a).
template <long long N, class A>
constexpr auto pow_int(const A& a) {
  if constexpr (N == 0)
    return constant<1>{};
  else if constexpr (N == 1)
    return a;
  else if constexpr (N == 2)
    return square(a);
  else
    return detail::make_node<ops::pow_int<N>>(a);
}

// select(c, a, b): select(c, a, a) -> a; a constant condition picks its branch; and
// select(c, 1, 0) -> c for a comparison c, which is already 1 or 0.
template <class C, class A, class B>
constexpr auto select(const C& c, const A& a, const B& b) {
  using namespace detail;
  if constexpr (same_node<A, B>) {
    return a;
  } else if constexpr (is_constant<C>::value) {
    if constexpr (C::numerator != 0)
      return a;
    else
      return b;
  } else if constexpr (is_comparison<C> && is_one<A> && is_zero<B>) {
    return c;
  } else {
    return make_node<ops::select>(c, a, b);
  }
}

// The node Op(operands...), simplified by the rules above where Op has any.
template <class Op, class... A>
constexpr auto apply(const A&... a) {
  if constexpr (std::is_same_v<Op, ops::add>)
    return add(a...);
  else if constexpr (std::is_same_v<Op, ops::sub>)
    return sub(a...);
  else if constexpr (std::is_same_v<Op, ops::mul>)
    return mul(a...);
  else if constexpr (std::is_same_v<Op, ops::div>)
    return div(a...);
  else if constexpr (std::is_same_v<Op, ops::neg>)
    return neg(a...);
  else if constexpr (std::is_same_v<Op, ops::square>)
    return square(a...);
  else if constexpr (detail::is_pow_int_op<Op>)
    return pow_int<Op::exponent>(a...);
  else if constexpr (std::is_same_v<Op, ops::select>)
    return select(a...);
  else
    return detail::make_node<Op>(a...);
}

}  // namespace simplifying

// The expression e rebuilt bottom-up by the rules above: equal in value (where its operands are
// finite), and never larger.
template <expression E>
constexpr auto simplify(const E& e) {
  static_assert(detail::check_no_arrays<"simplify", E>());
  using N = structure_of<E>;
  if constexpr (detail::is_loop_node<N>) {
    // The steps as they are, on the simplified operand.
    using Init = detail::list_at<0, typename N::operands>;
    return detail::loop_with<typename N::op>(simplify(operand<0>(e)),
                                             e.numbers.data() + Init::number_count);
  } else if constexpr (detail::is_interior<N>::value) {
    return [&]<std::size_t... J>(std::index_sequence<J...>) {
      return simplifying::apply<typename N::op>(simplify(operand<J>(e))...);
    }
    (std::make_index_sequence<N::operands::size>{});
  } else {
    return e;
  }
}

}  // namespace ctgrad
