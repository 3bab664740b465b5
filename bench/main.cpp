// ctgrad_bench: checks every implementation against the hand-written one, then times them.
//   --check-only              the correctness check alone (the bench.smoke test)
//   --table                   a short run of the main implementations, printed as two tables
//                             (P1-P5; P6 for every H)
//   --callgrind-one=P/impl    run one kernel --callgrind-n times (default 10000) without the
//   harness
// Other arguments go to Google Benchmark.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "registry.hpp"

namespace {

using bench::kernel_entry;

const std::vector<std::string> problem_order = {"P1",    "P2",     "P3",     "P4",     "P5",
                                                "P7",    "P8",     "P9",     "P10",    "P6_H1",
                                                "P6_H4", "P6_H16", "P6_H64", "P6_H256"};
const std::vector<std::string> implementation_order = {
    "hand",         "hand_value",         "ctgrad",       "ctgrad_value",
    "ctgrad_array", "ctgrad_array_value", "adolc_record", "adolc_replay",
    "sacado_rad",   "sacado_fad"};

std::size_t rank(const std::vector<std::string>& order, const std::string& s) {
  return static_cast<std::size_t>(std::find(order.begin(), order.end(), s) - order.begin());
}

std::string full_name(const kernel_entry& e) {
  return e.problem + "/" + e.implementation;
}

std::vector<kernel_entry*> sorted_entries() {
  std::vector<kernel_entry*> all;
  for (kernel_entry& e : bench::registry()) all.push_back(&e);
  std::sort(all.begin(), all.end(), [](const kernel_entry* a, const kernel_entry* b) {
    const auto ka =
        std::pair{rank(problem_order, a->problem), rank(implementation_order, a->implementation)};
    const auto kb =
        std::pair{rank(problem_order, b->problem), rank(implementation_order, b->implementation)};
    return ka < kb;
  });
  return all;
}

const kernel_entry* find(const std::string& problem, const std::string& implementation) {
  for (const kernel_entry& e : bench::registry())
    if (e.problem == problem && e.implementation == implementation) return &e;
  return nullptr;
}

// Value and gradient of every implementation against `hand` at the problem's point.
bool check(const std::vector<kernel_entry*>& entries, bool verbose) {
  bool ok = true;
  if (verbose) std::printf("%-28s %12s %12s\n", "check against hand", "max |diff|", "max rel");
  for (const kernel_entry* e : entries) {
    const kernel_entry* hand = find(e->problem, "hand");
    if (hand == nullptr || hand == e) continue;
    std::vector<double> want(hand->outputs), got(e->outputs);
    std::vector<std::pair<double, double>> pairs{{hand->evaluate(hand->point.data(), want.data()),
                                                  e->evaluate(e->point.data(), got.data())}};
    if (e->computes_gradient)
      for (std::size_t k = 0; k < want.size(); ++k) pairs.emplace_back(want[k], got[k]);
    double max_abs = 0.0, max_rel = 0.0;
    for (auto [a, b] : pairs) {
      const double diff = std::abs(a - b);
      max_abs = std::max(max_abs, diff);
      max_rel =
          std::max(max_rel, std::isfinite(diff) ? diff / std::max(1.0, std::abs(a)) : INFINITY);
    }
    const bool good = max_rel <= 1e-10;
    ok = ok && good;
    if (verbose || !good)
      std::printf("%-28s %12.3g %12.3g%s\n", full_name(*e).c_str(), max_abs, max_rel,
                  good ? "" : "  MISMATCH");
  }
  std::printf("%s (%zu kernels)\n",
              ok ? "all implementations agree with hand" : "MISMATCH: see above", entries.size());
  return ok;
}

// Keeps the CPU time per evaluation (ns) of every run, for --table (CPU time, not wall time:
// less sensitive to other processes on a shared machine).
class collecting_reporter : public benchmark::BenchmarkReporter {
 public:
  std::map<std::string, double> ns;
  bool ReportContext(const Context&) override { return true; }
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& r : runs) ns[r.benchmark_name()] = r.GetAdjustedCPUTime();
  }
};

const std::vector<std::string> scalar_problems = {"P1", "P2", "P3", "P4", "P5",
                                                  "P7", "P8", "P9", "P10"};
const std::vector<std::string> p6_problems = {"P6_H1", "P6_H4", "P6_H16", "P6_H64", "P6_H256"};

void print_table(const collecting_reporter& r) {
  auto get = [&](const std::string& p, const char* impl) {
    auto it = r.ns.find(p + "/" + impl);
    return it == r.ns.end() ? NAN : it->second;
  };
  std::printf("%-7s %9s %10s %12s %17s %20s %18s\n", "problem", "hand ns", "ctgrad ns",
              "ctgrad/hand", "ctgrad grad/value", "adolc_replay/ctgrad", "sacado_rad/ctgrad");
  for (const std::string& p : scalar_problems) {
    const double hand = get(p, "hand"), ct = get(p, "ctgrad");
    if (std::isnan(hand) && std::isnan(ct)) continue;
    std::printf("%-7s %9.2f %10.2f %12.3f %17.2f %20.1f %18.1f\n", p.c_str(), hand, ct, ct / hand,
                ct / get(p, "ctgrad_value"), get(p, "adolc_replay") / ct,
                get(p, "sacado_rad") / ct);
  }
  // P6 with array variables (ctgrad_array) and, up to H = 16, one scalar variable per weight.
  std::printf("\n%-8s %10s %10s %10s %12s %12s %12s %8s %8s %8s\n", "P6", "hand", "ct_array",
              "ct_scalar", "adolc_replay", "adolc_record", "sacado_rad", "arr/hand", "replay/arr",
              "record/arr");
  for (const std::string& p : p6_problems) {
    const double hand = get(p, "hand"), arr = get(p, "ctgrad_array");
    if (std::isnan(hand) && std::isnan(arr)) continue;
    const double replay = get(p, "adolc_replay"), record = get(p, "adolc_record");
    std::printf("%-8s %10.0f %10.0f %10.0f %12.0f %12.0f %12.0f %8.3f %10.1f %10.1f\n", p.c_str(),
                hand, arr, get(p, "ctgrad"), replay, record, get(p, "sacado_rad"), arr / hand,
                replay / arr, record / arr);
  }
  std::printf("(ns per evaluation of the mean loss over 50 samples and its gradient)\n");
}

bool in_table(const kernel_entry& e) {
  static const std::vector<std::string> impls = {"hand", "ctgrad", "ctgrad_value", "adolc_replay",
                                                 "sacado_rad"};
  static const std::vector<std::string> p6_impls = {"hand",         "ctgrad_array", "ctgrad",
                                                    "adolc_replay", "adolc_record", "sacado_rad"};
  if (rank(p6_problems, e.problem) < p6_problems.size())
    return rank(p6_impls, e.implementation) < p6_impls.size();
  return rank(scalar_problems, e.problem) < scalar_problems.size() &&
         rank(impls, e.implementation) < impls.size();
}

}  // namespace

int main(int argc, char** argv) {
  bool check_only = false, table = false;
  std::string callgrind_one;
  long callgrind_n = 10000;
  std::vector<char*> rest{argv[0]};
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--check-only")
      check_only = true;
    else if (a == "--table")
      table = true;
    else if (a.starts_with("--callgrind-one="))
      callgrind_one = a.substr(16);
    else if (a.starts_with("--callgrind-n="))
      callgrind_n = std::atol(argv[i] + 14);
    else
      rest.push_back(argv[i]);
  }

  const std::vector<kernel_entry*> entries = sorted_entries();
  for (const kernel_entry* e : entries)
    if (e->prepare != nullptr) e->prepare();

  if (!callgrind_one.empty()) {
    for (const kernel_entry* e : entries)
      if (full_name(*e) == callgrind_one) {
        e->repeat(callgrind_n);
        return 0;
      }
    std::fprintf(stderr, "no kernel named %s\n", callgrind_one.c_str());
    return 2;
  }

  if (!check(entries, check_only)) return 1;
  if (check_only) return 0;

  static char min_time[] = "--benchmark_min_time=0.02";
  if (table) rest.push_back(min_time);
  for (const kernel_entry* e : entries)
    if (!table || in_table(*e)) benchmark::RegisterBenchmark(full_name(*e).c_str(), e->timed);
  int bench_argc = static_cast<int>(rest.size());
  benchmark::Initialize(&bench_argc, rest.data());
  if (benchmark::ReportUnrecognizedArguments(bench_argc, rest.data())) return 2;
  if (table) {
    collecting_reporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    print_table(reporter);
  } else {
    benchmark::RunSpecifiedBenchmarks();
  }
  benchmark::Shutdown();
  return 0;
}
