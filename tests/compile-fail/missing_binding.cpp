// An expression evaluated at a point that binds no value to one of its variables (w).
// Both compilers also name the variable: g++ in the note after the error
// ("error::no_value_is_bound_to_variable<ctgrad::name<'w'> >"), clang++ in the error line itself
// ("requirement 'ctgrad::error::no_value_is_bound_to_variable<ctgrad::name<'w'>>::value'").
// expect: a variable of the expression has no value at this point

#include <ctgrad/ctgrad.hpp>

constexpr auto w = ctgrad::var<"w">;
constexpr auto x = ctgrad::var<"x">;
constexpr auto b = ctgrad::var<"b">;

int main() {
#ifdef CTGRAD_CONTROL
  const auto p = ctgrad::at(w = 2.0, x = 3.0, b = 1.0);
#else
  const auto p = ctgrad::at(x = 3.0, b = 1.0);
#endif
  return ctgrad::value(square(w * x + b), p) == 49.0 ? 0 : 1;
}
