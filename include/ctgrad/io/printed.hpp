#pragma once
// Printed text that knows how tightly it binds, so that whoever prints around it puts
// parentheses only where they are needed (io/to_string.hpp, io/text_scalar.hpp).
#include <charconv>
#include <string>

#include "ctgrad/io/join.hpp"

namespace ctgrad::io_detail {

// How tightly a printed expression binds: what decides whether it needs parentheses.
enum class binding_power { comparison, sum, product, negation, atom };

struct printed {
  std::string text;
  binding_power power;
};

inline std::string parenthesized(const printed& p, bool wrap) {
  return wrap ? join("(", p.text, ")") : p.text;
}

inline printed number_text(double v) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
  std::string text(buffer, result.ptr);
  return {text, v < 0 || text[0] == '-' ? binding_power::negation : binding_power::atom};
}

}  // namespace ctgrad::io_detail
