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
//   a + -b -> a - b; a - -b -> a + b; signs move out of products; a factor merges with a
//   factor of the same base down the right-nested product it multiplies (a * (b * a) ->
//   b * square(a)), but a product of products keeps its shape ((a * b) * c is not re-nested:
//   re-nesting spelled every long chain anew in each product it entered, and made the second
//   derivative of a deep expression cost compile time with the cube of its depth);
// - branches: select(c, a, a) -> a; select(k, a, b) -> a or b for a constant k;
//   select(c, 1, 0) -> c for a comparison c.
// "a - a -> 0" and the other rules that compare operands apply only when the operand holds no
// run-time number: its type is then its value (docs/design.md, "Node identity").
// 0 * a -> 0 assumes a finite: the simplified derivative of an expression is its derivative
// where every operand is finite.
//
// The rules are class templates on terms (symbolic/term.hpp): `sum_of<A, B>` is the term that
// simplifying::add builds from terms A and B. Each operation picks its first rule that applies
// (`sum_rule` and so on, in the order listed) and one specialization per rule says what it
// builds. The functions of namespace `simplifying` and `simplify` read their arguments as terms
// and build the object of the result.
#include <cstddef>
#include <type_traits>
#include <utility>

#include "ctgrad/core/functions.hpp"
#include "ctgrad/core/operands.hpp"
#include "ctgrad/core/unroll.hpp"
#include "ctgrad/graph/graph.hpp"
#include "ctgrad/symbolic/term.hpp"
#include "ctgrad/symbolic/term_patterns.hpp"

namespace ctgrad {

namespace detail {

// The rules, one class template per operation, one specialization per rule.
template <class A, class B>
struct sum_t;
template <class A, class B>
struct difference_t;
template <class A, class B>
struct product_t;
template <class A, class B>
struct quotient_t;
template <class A>
struct negation_t;
template <class A>
struct square_t;
template <long long N, class A>
struct power_t;
template <class C, class A, class B>
struct selection_t;

template <class A, class B>
using sum_of = typename sum_t<A, B>::type;
template <class A, class B>
using difference_of = typename difference_t<A, B>::type;
template <class A, class B>
using product_of = typename product_t<A, B>::type;
template <class A, class B>
using quotient_of = typename quotient_t<A, B>::type;
template <class A>
using negation_of = typename negation_t<A>::type;
template <class A>
using square_of = typename square_t<A>::type;
template <long long N, class A>
using raised = typename power_t<N, A>::type;
template <class C, class A, class B>
using selection_of = typename selection_t<C, A, B>::type;

using zero_term = term<constant<0>>;
using one_term = term<constant<1>>;

// -a
template <class A>
struct negation_rule : std::integral_constant<int, (is_zero<A>::value                   ? 0
                                                    : folds<'-', constant<0>, A>::value ? 1
                                                    : is_negation<A>::value             ? 2
                                                    : is_scaled<A>::value               ? 3
                                                                                        : 4)> {};
template <class A, int = negation_rule<typename A::structure>::value>
struct negation_rules;
template <class A>
struct negation_rules<A, 0> {  // -0 = 0
  using type = A;
};
template <class A>
struct negation_rules<A, 1> {  // a number
  using type = fold<'-', zero_term, A>;
};
template <class A>
struct negation_rules<A, 2> {  // -(-a) = a
  using type = operand_term<0, A>;
};
template <class A>
struct negation_rules<A, 3> {  // -(k a) = (-k) a
  using type = product_of<negation_of<operand_term<0, A>>, operand_term<1, A>>;
};
template <class A>
struct negation_rules<A, 4> {
  using type = node_term<ops::neg, A>;
};
template <class A>
struct negation_t : negation_rules<A> {};

// a + b
template <class A, class B>
struct sum_rule
    : std::integral_constant<int, (is_zero<A>::value                                       ? 0
                                   : is_zero<B>::value                                     ? 1
                                   : folds<'+', A, B>::value                               ? 2
                                   : is_coefficient<A>::value && !is_coefficient<B>::value ? 3
                                   : terms_merge<'+', A, B>::value                         ? 4
                                   : is_negation<B>::value                                 ? 5
                                   : has_negative_constant_coefficient<B>::value           ? 6
                                   : is_negation<A>::value && !is_coefficient<B>::value    ? 7
                                                                                           : 8)> {};
template <class A, class B, int = sum_rule<typename A::structure, typename B::structure>::value>
struct sum_rules;
template <class A, class B>
struct sum_rules<A, B, 0> {
  using type = B;
};
template <class A, class B>
struct sum_rules<A, B, 1> {
  using type = A;
};
template <class A, class B>
struct sum_rules<A, B, 2> {
  using type = fold<'+', A, B>;
};
template <class A, class B>
struct sum_rules<A, B, 3> {  // numbers last: 3 * x + 2
  using type = sum_of<B, A>;
};
template <class A, class B>
struct sum_rules<A, B, 4> {  // k1 a + k2 a = (k1 + k2) a
  using type = product_of<
      fold<'+', typename split_term<A>::coefficient, typename split_term<B>::coefficient>,
      typename split_term<B>::base>;
};
template <class A, class B>
struct sum_rules<A, B, 5> {  // a + -b = a - b
  using type = difference_of<A, operand_term<0, B>>;
};
template <class A, class B>
struct sum_rules<A, B, 6> {  // a + k b = a - |k| b
  using type = difference_of<A, product_of<negation_of<operand_term<0, B>>, operand_term<1, B>>>;
};
template <class A, class B>
struct sum_rules<A, B, 7> {  // -a + b = b - a
  using type = difference_of<B, operand_term<0, A>>;
};
template <class A, class B>
struct sum_rules<A, B, 8> {
  using type = node_term<ops::add, A, B>;
};
template <class A, class B>
struct sum_t : sum_rules<A, B> {};

// a - b
template <class A, class B>
struct difference_rule
    : std::integral_constant<int, (is_zero<B>::value                             ? 0
                                   : is_zero<A>::value                           ? 1
                                   : folds<'-', A, B>::value                     ? 2
                                   : same_node<A, B>::value                      ? 3
                                   : terms_merge<'-', A, B>::value               ? 4
                                   : is_negation<B>::value                       ? 5
                                   : has_negative_constant_coefficient<B>::value ? 6
                                                                                 : 7)> {};
template <class A, class B,
          int = difference_rule<typename A::structure, typename B::structure>::value>
struct difference_rules;
template <class A, class B>
struct difference_rules<A, B, 0> {
  using type = A;
};
template <class A, class B>
struct difference_rules<A, B, 1> {
  using type = negation_of<B>;
};
template <class A, class B>
struct difference_rules<A, B, 2> {
  using type = fold<'-', A, B>;
};
template <class A, class B>
struct difference_rules<A, B, 3> {  // a - a = 0
  using type = zero_term;
};
template <class A, class B>
struct difference_rules<A, B, 4> {  // k1 a - k2 a = (k1 - k2) a
  using type = product_of<
      fold<'-', typename split_term<A>::coefficient, typename split_term<B>::coefficient>,
      typename split_term<B>::base>;
};
template <class A, class B>
struct difference_rules<A, B, 5> {  // a - -b = a + b
  using type = sum_of<A, operand_term<0, B>>;
};
template <class A, class B>
struct difference_rules<A, B, 6> {  // a - k b = a + |k| b
  using type = sum_of<A, product_of<negation_of<operand_term<0, B>>, operand_term<1, B>>>;
};
template <class A, class B>
struct difference_rules<A, B, 7> {
  using type = node_term<ops::sub, A, B>;
};
template <class A, class B>
struct difference_t : difference_rules<A, B> {};

// a * b
template <class A, class B>
struct product_rule
    : std::integral_constant<int,
                             (is_zero<A>::value || is_zero<B>::value ? 0
                              : is_one<A>::value                     ? 1
                              : is_one<B>::value                     ? 2
                              : is_coefficient<A>::value && is_coefficient<B>::value
                                  ? (folds<'*', A, B>::value ? 3 : 4)
                              : is_coefficient<B>::value                          ? 5
                              : is_minus_one<A>::value                            ? 6
                              : folds_into_scaled<A, B>::value                    ? 7
                              : is_coefficient<A>::value && is_negation<B>::value ? 8
                              : is_coefficient<A>::value                          ? 4
                              : is_negation<A>::value                             ? 9
                              : is_negation<B>::value                             ? 10
                              : is_scaled<A>::value                               ? 11
                              : is_scaled<B>::value                               ? 12
                              : !chain_has_base<A, B>::value                      ? 4
                              : is_product<B>::value ? (shares_first_base<A, B>::value ? 13 : 14)
                                                     : 15)> {};
template <class A, class B, int = product_rule<typename A::structure, typename B::structure>::value>
struct product_rules;
template <class A, class B>
struct product_rules<A, B, 0> {
  using type = zero_term;
};
template <class A, class B>
struct product_rules<A, B, 1> {
  using type = B;
};
template <class A, class B>
struct product_rules<A, B, 2> {
  using type = A;
};
template <class A, class B>
struct product_rules<A, B, 3> {
  using type = fold<'*', A, B>;
};
template <class A, class B>
struct product_rules<A, B, 4> {
  using type = node_term<ops::mul, A, B>;
};
template <class A, class B>
struct product_rules<A, B, 5> {  // coefficients first: 6 * x
  using type = product_of<B, A>;
};
template <class A, class B>
struct product_rules<A, B, 6> {  // -1 * b = -b
  using type = negation_of<B>;
};
template <class A, class B>
struct product_rules<A, B, 7> {  // a (k b) = (a k) b
  using type = product_of<fold<'*', A, operand_term<0, B>>, operand_term<1, B>>;
};
template <class A, class B>
struct product_rules<A, B, 8> {  // k (-b) = (-k) b
  using type = product_of<negation_of<A>, operand_term<0, B>>;
};
template <class A, class B>
struct product_rules<A, B, 9> {  // (-a) b = -(a b)
  using type = negation_of<product_of<operand_term<0, A>, B>>;
};
template <class A, class B>
struct product_rules<A, B, 10> {  // a (-b) = -(a b)
  using type = negation_of<product_of<A, operand_term<0, B>>>;
};
template <class A, class B>
struct product_rules<A, B, 11> {  // (k a) b = k (a b)
  using type = product_of<operand_term<0, A>, product_of<operand_term<1, A>, B>>;
};
template <class A, class B>
struct product_rules<A, B, 12> {  // a (k b) = k (a b)
  using type = product_of<operand_term<0, B>, product_of<A, operand_term<1, B>>>;
};
// a * (f * rest): a merges into f if they share a base, else looks further down the chain.
template <class A, class B>
struct product_rules<A, B, 13> {
  using F = coefficient_of<typename B::structure>;
  using base = power_of<typename A::structure>;
  using type = product_of<raised<base::exponent + power_of<F>::exponent, term<typename base::base>>,
                          operand_term<1, B>>;
};
template <class A, class B>
struct product_rules<A, B, 14> {
  using type = product_of<operand_term<0, B>, product_of<A, operand_term<1, B>>>;
};
template <class A, class B>
struct product_rules<A, B, 15> {  // a^m a^n = a^(m+n)
  using base = power_of<typename A::structure>;
  using type =
      raised<base::exponent + power_of<typename B::structure>::exponent, term<typename base::base>>;
};
template <class A, class B>
struct product_t : product_rules<A, B> {};

// a / b
template <class A, class B>
struct quotient_rule
    : std::integral_constant<int, (is_one<B>::value                                ? 0
                                   : is_zero<A>::value && !is_zero<B>::value       ? 1
                                   : !is_zero<B>::value && folds<'/', A, B>::value ? 2
                                   : is_constant<B>::value && !is_zero<B>::value &&
                                           folds<'/', constant<1>, B>::value
                                       ? 3
                                   : is_negation<A>::value ? 4
                                                           : 5)> {};
template <class A, class B,
          int = quotient_rule<typename A::structure, typename B::structure>::value>
struct quotient_rules;
template <class A, class B>
struct quotient_rules<A, B, 0> {
  using type = A;
};
template <class A, class B>
struct quotient_rules<A, B, 1> {
  using type = zero_term;
};
template <class A, class B>
struct quotient_rules<A, B, 2> {
  using type = fold<'/', A, B>;
};
template <class A, class B>
struct quotient_rules<A, B, 3> {  // a / k = (1/k) a
  using type = product_of<fold<'/', one_term, B>, A>;
};
template <class A, class B>
struct quotient_rules<A, B, 4> {  // (-a) / b = -(a / b)
  using type = negation_of<quotient_of<operand_term<0, A>, B>>;
};
template <class A, class B>
struct quotient_rules<A, B, 5> {
  using type = node_term<ops::div, A, B>;
};
template <class A, class B>
struct quotient_t : quotient_rules<A, B> {};

// square(a)
template <class A>
struct square_rule
    : std::integral_constant<int, (is_constant<A>::value && folds<'*', A, A>::value ? 0
                                   : is_negation<A>::value                          ? 1
                                                                                    : 2)> {};
template <class A, int = square_rule<typename A::structure>::value>
struct square_rules;
template <class A>
struct square_rules<A, 0> {
  using type = fold<'*', A, A>;
};
template <class A>
struct square_rules<A, 1> {  // square(-a) = square(a)
  using type = square_of<operand_term<0, A>>;
};
template <class A>
struct square_rules<A, 2> {
  using type = node_term<ops::square, A>;
};
template <class A>
struct square_t : square_rules<A> {};

// a^N for an integer N: a^0 = 1, a^1 = a, a^2 = square(a).
template <long long N, class A>
struct power_t {
  using type = node_term<ops::pow_int<N>, A>;
};
template <class A>
struct power_t<0, A> {
  using type = one_term;
};
template <class A>
struct power_t<1, A> {
  using type = A;
};
template <class A>
struct power_t<2, A> {
  using type = square_of<A>;
};

// select(c, a, b): select(c, a, a) = a; a constant condition picks its branch; and
// select(c, 1, 0) = c for a comparison c, which is already 1 or 0.
template <class C, class A, class B>
struct selection_rule
    : std::integral_constant<
          int, (same_node<A, B>::value                                             ? 0
                : is_constant<C>::value                                            ? 1
                : is_comparison<C>::value && is_one<A>::value && is_zero<B>::value ? 2
                                                                                   : 3)> {};
template <class C, class A, class B,
          int = selection_rule<typename C::structure, typename A::structure,
                               typename B::structure>::value>
struct selection_rules;
template <class C, class A, class B>
struct selection_rules<C, A, B, 0> {
  using type = A;
};
template <class C, class A, class B>
struct selection_rules<C, A, B, 1> {
  using type = std::conditional_t<C::structure::numerator != 0, A, B>;
};
template <class C, class A, class B>
struct selection_rules<C, A, B, 2> {
  using type = C;
};
template <class C, class A, class B>
struct selection_rules<C, A, B, 3> {
  using type = node_term<ops::select, C, A, B>;
};
template <class C, class A, class B>
struct selection_t : selection_rules<C, A, B> {};

// The node Op(operands...), simplified by the rules above where Op has any.
template <class Op, class... T>
struct simplified_node_t {
  using type = node_term<Op, T...>;
};
template <class A, class B>
struct simplified_node_t<ops::add, A, B> : sum_t<A, B> {};
template <class A, class B>
struct simplified_node_t<ops::sub, A, B> : difference_t<A, B> {};
template <class A, class B>
struct simplified_node_t<ops::mul, A, B> : product_t<A, B> {};
template <class A, class B>
struct simplified_node_t<ops::div, A, B> : quotient_t<A, B> {};
template <class A>
struct simplified_node_t<ops::neg, A> : negation_t<A> {};
template <class A>
struct simplified_node_t<ops::square, A> : square_t<A> {};
template <long long N, class A>
struct simplified_node_t<ops::pow_int<N>, A> : power_t<N, A> {};
template <class C, class A, class B>
struct simplified_node_t<ops::select, C, A, B> : selection_t<C, A, B> {};
template <class Op, class... T>
using simplified_node = typename simplified_node_t<Op, T...>::type;

// The term T rebuilt bottom-up by the rules; a loop keeps its steps, on the simplified input.
template <class T, class S = typename T::structure>
struct simplified_t {
  using type = T;
};
template <class T, class Op, class... A>
struct simplified_t<T, expr<Op, A...>> {
  template <std::size_t... J>
  static auto rebuild(std::index_sequence<J...>)
      -> simplified_node<Op, typename simplified_t<operand_term<J, T>>::type...>;
  using type = decltype(rebuild(std::index_sequence_for<A...>{}));
};
template <class T, std::size_t K, class R, class A>
struct simplified_t<T, expr<ops::loop<K, R>, A>> {
  using init = typename simplified_t<operand_term<0, T>>::type;
  using own = typename slice_sources<typename T::sources, A::number_count,
                                     T::structure::number_count - A::number_count>::type;
  using type = term<expr<ops::loop<K, R>, typename init::structure>,
                    typename join_sources<typename init::sources, own>::type>;
};

// The arguments of a simplifying function as terms: their numbers, one after another, are the
// input. A plain number is a number leaf.
template <std::size_t... Count>
constexpr std::array<std::size_t, sizeof...(Count) + 1> offsets() {
  std::array<std::size_t, sizeof...(Count) + 1> at{};
  const std::size_t counts[] = {Count..., 0};
  for (std::size_t i = 0; i < sizeof...(Count); ++i) at[i + 1] = at[i] + counts[i];
  return at;
}
template <class... S, std::size_t... I>
auto input_terms_of(std::index_sequence<I...>)
    -> list<input_term<S, offsets<S::number_count...>()[I]>...>;
template <class... E>
using input_terms =
    decltype(input_terms_of<operand_structure_t<E>...>(std::index_sequence_for<E...>{}));

// The object of the term Result, whose numbers come from the arguments e.
template <class Result, class... E>
constexpr auto build_term(const E&... e) {
  if constexpr (Result::structure::number_count == 0) {
    ((void)e, ...);
    return object_of_term<Result>(nullptr);
  } else {
    numbers_storage<(0 + ... + operand_structure_t<E>::number_count)> all;
    fill_numbers(all, numbers_arg(e)...);
    return object_of_term<Result>(all.numbers.data());
  }
}

}  // namespace detail

namespace simplifying {

namespace detail_terms {
template <class Op, class List>
struct apply_to;
template <class Op, class... T>
struct apply_to<Op, ctgrad::detail::list<T...>> {
  using type = ctgrad::detail::simplified_node<Op, T...>;
};
}  // namespace detail_terms

// The node Op(operands...), simplified by the rules above where Op has any.
template <class Op, class... A>
constexpr auto apply(const A&... a) {
  using Result = typename detail_terms::apply_to<Op, detail::input_terms<A...>>::type;
  return detail::build_term<Result>(a...);
}

template <class A, class B>
constexpr auto add(const A& a, const B& b) {
  return apply<ops::add>(a, b);
}
template <class A, class B>
constexpr auto sub(const A& a, const B& b) {
  return apply<ops::sub>(a, b);
}
template <class A, class B>
constexpr auto mul(const A& a, const B& b) {
  return apply<ops::mul>(a, b);
}
template <class A, class B>
constexpr auto div(const A& a, const B& b) {
  return apply<ops::div>(a, b);
}
template <class A>
constexpr auto neg(const A& a) {
  return apply<ops::neg>(a);
}
template <class A>
constexpr auto square(const A& a) {
  return apply<ops::square>(a);
}
// a^N for an integer N: a^0 -> 1, a^1 -> a, a^2 -> square(a).
template <long long N, class A>
constexpr auto pow_int(const A& a) {
  return apply<ops::pow_int<N>>(a);
}
template <class C, class A, class B>
constexpr auto select(const C& c, const A& a, const B& b) {
  return apply<ops::select>(c, a, b);
}

}  // namespace simplifying

// The expression e rebuilt bottom-up by the rules above: equal in value (where its operands are
// finite), and never larger.
template <expression E>
constexpr auto simplify(const E& e) {
  static_assert(detail::check_no_arrays<"simplify", E>());
  using Result = typename detail::simplified_t<detail::input_term<structure_of<E>, 0>>::type;
  return detail::object_of_term<Result>(e.numbers.data());
}

}  // namespace ctgrad
