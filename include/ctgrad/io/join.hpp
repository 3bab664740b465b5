#pragma once
// Concatenation of text parts by appending. (g++ 12 at -O2 and -O3 warns falsely, -Wrestrict, on
// "literal" + std::string, so the io headers build their strings this way.)
#include <string>

namespace ctgrad::io_detail {

template <class... Parts>
std::string join(const Parts&... parts) {
  std::string out;
  (out.append(parts), ...);
  return out;
}

}  // namespace ctgrad::io_detail
