// An operation whose rule gives no partial (nor a backward) for its operand: a library developer
// adding a function is told which protocol it breaks where the node is made.
// expect: does not follow the rule protocol

#include <cstddef>
#include <ctgrad/ctgrad.hpp>

struct cube {
  static constexpr const char* symbol = "cube";
  template <class T>
  static constexpr T value(const T& a) {
    return a * a * a;
  }
#ifdef CTGRAD_CONTROL
  template <std::size_t J, class T>
  static constexpr T partial(const T&, const T& a) {
    return T(3) * a * a;
  }
#endif
};

constexpr auto x = ctgrad::var<"x">;

int main() {
  const auto f = ctgrad::detail::make_node<cube>(x);
  return ctgrad::value(f, ctgrad::at(x = 2.0)) == 8.0 ? 0 : 1;
}
