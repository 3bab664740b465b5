#!/usr/bin/env bash
# Builds ctgrad_bench with g++ and clang++ (Release, -O2), times every implementation, counts
# instructions per evaluation with callgrind (P1-P6, ctgrad vs hand), extracts the P1 loops'
# assembly, and writes docs/benchmarks.md (bench/report.py). About 10-15 minutes.
# JOBS=1 bench/run_benchmarks.sh builds with one job (default: all cores).
# Results go to build/bench-results/; bench/compile_time.py adds the compile-time table.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/build/bench-results"
mkdir -p "$out"
jobs=${JOBS:-$(nproc)}

for compiler in g++ clang++; do
  case $compiler in g++) tag=gcc ;; *) tag=clang ;; esac
  dir="$root/build/bench-$tag"
  cmake -S "$root" -B "$dir" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER="$compiler" \
    -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" -DCTGRAD_BUILD_TESTS=OFF -DCTGRAD_BUILD_EXAMPLES=OFF >/dev/null
  cmake --build "$dir" -j "$jobs" --target ctgrad_bench
  bin="$dir/bench/ctgrad_bench"
  "$compiler" --version | head -1 > "$out/$tag.version"

  "$bin" --benchmark_repetitions=5 --benchmark_display_aggregates_only=true \
    --benchmark_enable_random_interleaving=true --benchmark_min_time=0.2 \
    --benchmark_out="$out/$tag.json" --benchmark_out_format=json

  # Instructions per evaluation: the difference of two runs of n1 and n2 evaluations, divided by
  # n2 - n1 (start-up, tape recording and the harness cancel out). P6 evaluations are ~500 to
  # 100000 times longer, so fewer of them. A kernel that is not registered (ctgrad for P6_H64) is
  # skipped.
  : > "$out/$tag.callgrind.tsv"
  for problem in P1 P2 P3 P4 P5 P7 P8 P9 P10 P6_H1 P6_H4 P6_H16 P6_H64 P6_H256; do
    case $problem in
      P6_H64) n1=20 n2=220 ;;
      P6_H256) n1=10 n2=60 ;;
      P6*) n1=100 n2=1100 ;;
      *) n1=1000 n2=21000 ;;
    esac
    for impl in hand ctgrad hand_value ctgrad_value ctgrad_array ctgrad_array_value; do
      "$bin" --callgrind-one="$problem/$impl" --callgrind-n=0 >/dev/null 2>&1 || continue
      count() {
        valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" \
          --callgrind-one="$problem/$impl" --callgrind-n="$1" 2>&1 | sed -n 's/.*Collected : *//p'
      }
      c1=$(count $n1); c2=$(count $n2)
      printf '%s\t%s\t%s\n' "$problem" "$impl" "$(( (c2 - c1) / (n2 - n1) ))" >> "$out/$tag.callgrind.tsv"
    done
  done

  objdump -d --no-show-raw-insn -C "$bin" > "$out/$tag.dis"
done

python3 "$root/bench/report.py" "$out" "$root/docs/benchmarks.md"
echo "wrote $root/docs/benchmarks.md"
