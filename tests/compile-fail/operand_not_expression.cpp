// An operator between an expression and something that is neither an expression nor a number.
// The result is not stored: with `const auto e = x * not_a_number{};` g++ 12 first reports
// "'const void e' has incomplete type" and the library's message only second (the rejecting
// operator declares its return type void, so its body is instantiated after the declaration).
// expect: is neither a ctgrad expression nor a number

#include <ctgrad/ctgrad.hpp>

struct not_a_number {};

constexpr auto x = ctgrad::var<"x">;

int main() {
#ifdef CTGRAD_CONTROL
  (void)(x * 2.0);
#else
  (void)(x * not_a_number{});
#endif
}
