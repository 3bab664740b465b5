// Two headers give one name to a number and to an array (model_a::w, model_c::w): an expression
// that uses both cannot be bound, and the error names the variable. (One name as a number in two
// headers is one variable: tests/misuse/safe_behaviour.cpp.)
// expect: an_array_variable_is_bound_to_a_number<ctgrad::name<'w'>

#include <array>

#include "model_a.hpp"
#include "model_c.hpp"

int main() {
#ifdef CTGRAD_CONTROL
  const auto f = model_a::loss;
#else
  const auto f = model_a::loss + sum(model_c::w);
#endif
  const auto g = ctgrad::gradient(f, ctgrad::at(model_a::w = 2.0, model_a::x = 3.0));
  return g.value() > 0 ? 0 : 1;
}
