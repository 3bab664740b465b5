#!/usr/bin/env bash
# Compile time and peak memory of ctgrad::value and ctgrad::gradient on generated expressions of
# about N nodes (N = 25 ... 800), with g++ and clang++ at -O2. Each step of the expression,
#   e_k = sin(e_{k-1}) * v_{k%8} + exp(0.5 * v_{(k+3)%8}),
# adds 6 distinct nodes (the number 0.5 is a run-time value, so no step shares a node with
# another); 8 variables. A size that takes over 120 s is cut off and larger sizes are skipped.
# Writes build/bench-results/compile_time.tsv; bench/report.py turns it into a table.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/build/bench-results"
work="$root/build/bench-compile-time"
mkdir -p "$out" "$work"
limit=120

generate() {  # generate <steps> <mode: value|gradient>
  local steps=$1 mode=$2
  echo '#include <cstdio>'
  echo '#include <ctgrad/ctgrad.hpp>'
  echo 'int main(int argc, char**) {'
  for i in 0 1 2 3 4 5 6 7; do echo "  constexpr auto v$i = ctgrad::var<\"v$i\">;"; done
  echo '  const auto e0 = v0;'
  for ((k = 1; k <= steps; ++k)); do
    echo "  const auto e$k = sin(e$((k - 1))) * v$((k % 8)) + exp(0.5 * v$(((k + 3) % 8)));"
  done
  echo '  const double a = 0.1 * argc;'
  echo '  const auto p = ctgrad::at(v0 = a, v1 = a, v2 = a, v3 = a, v4 = a, v5 = a, v6 = a, v7 = a);'
  if [[ $mode == gradient ]]; then
    echo "  const auto g = ctgrad::gradient(e$steps, p);"
    echo '  std::printf("%g %g\n", g.value(), g[v0]);'
  else
    echo "  std::printf(\"%g\n\", ctgrad::value(e$steps, p));"
  fi
  echo '}'
}

echo -e "compiler\tmode\tnodes\tseconds\tpeak_mb\tstatus" > "$out/compile_time.tsv"
for compiler in g++ clang++; do
  for mode in value gradient; do
    skip=0
    for n in 25 50 100 200 400 800; do
      steps=$(( (n - 8 + 3) / 6 ))
      nodes=$(( 6 * steps + 8 ))
      if (( skip )); then
        echo -e "$compiler\t$mode\t$nodes\t\t\tskipped" >> "$out/compile_time.tsv"; continue
      fi
      src="$work/expr_${mode}_$n.cpp"
      generate "$steps" "$mode" > "$src"
      status=ok
      /usr/bin/time -o "$work/time.txt" -f "%e %M" timeout "$limit" "$compiler" -std=c++20 -O2 \
        -I"$root/include" -c "$src" -o "$work/expr.o" 2>"$work/last_error.txt"
      rc=$?
      read -r seconds kb < <(grep -E '^[0-9.]+ [0-9]+$' "$work/time.txt" || echo "0 0")
      if (( rc == 124 )); then
        status=timeout; skip=1
      elif (( rc != 0 )); then
        status="failed: $(grep -m1 -E 'error|fatal|Segmentation|internal' "$work/last_error.txt" | cut -c1-150)"
        skip=1
      fi
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$compiler" "$mode" "$nodes" "$seconds" \
        "$(( kb / 1024 ))" "$status" | tee -a "$out/compile_time.tsv"
    done
  done
done
