#include "registry.hpp"

#include "problems.hpp"

namespace bench {

std::vector<kernel_entry>& registry() {
  static std::vector<kernel_entry> entries;
  return entries;
}

const samples& p6_samples() {
  static const samples s = [] {
    samples r;
    for (std::size_t i = 0; i < sample_count; ++i) {
      r.x[i] = -2.0 + 4.0 * static_cast<double>(i) / 49.0;
      r.t[i] = r.x[i] * r.x[i];
    }
    return r;
  }();
  return s;
}

}  // namespace bench
