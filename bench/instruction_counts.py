#!/usr/bin/env python3
"""Instructions per evaluation of ctgrad's kernels against the hand-written ones (callgrind, which
counts deterministically), and a check that no ratio ctgrad / hand rose above the one recorded
below: a change that costs the generated code instructions fails the test suite instead of going
unnoticed in a timing table.

    bench/instruction_counts.py <ctgrad_bench> <compiler id: GNU or Clang> [--record]

--record prints the measured ratios as a LIMITS entry instead of checking. Counts per evaluation are
the difference of two runs of n1 and n2 evaluations divided by n2 - n1, so start-up and the
harness cancel out (as bench/run_benchmarks.sh does).
"""
import concurrent.futures
import math
import os
import subprocess
import sys
import tempfile

# problem: (n1, n2) evaluations
RUNS = {"P1": (100, 2100), "P2": (100, 2100), "P3": (100, 2100), "P4": (100, 2100),
        "P5": (100, 2100), "P7": (100, 2100), "P8": (100, 2100), "P9": (100, 2100),
        "P10": (2, 12), "P6_H1": (10, 110), "P6_H4": (10, 110)}
# The implementation compared with `hand` for each problem.
IMPLEMENTATIONS = {p: ["ctgrad"] for p in RUNS}
IMPLEMENTATIONS["P6_H1"] = ["ctgrad", "ctgrad_array"]
IMPLEMENTATIONS["P6_H4"] = ["ctgrad", "ctgrad_array"]

# The highest ratio ctgrad / hand each compiler may reach in the test suite's Release build (-O3):
# the ratios measured when they were recorded, plus 0.02 for the C library, which picks its code
# for the processor at run time.
LIMITS = {
    "GNU": {"P1/ctgrad": 1.03, "P2/ctgrad": 1.02, "P3/ctgrad": 1.02, "P4/ctgrad": 1.02,
            "P5/ctgrad": 1.04, "P7/ctgrad": 0.98, "P8/ctgrad": 1.23, "P9/ctgrad": 1.04,
            "P10/ctgrad": 1.04, "P6_H1/ctgrad": 1.02,
            "P6_H1/ctgrad_array": 1.08, "P6_H4/ctgrad": 1.02, "P6_H4/ctgrad_array": 1.00},
    "Clang": {"P1/ctgrad": 1.02, "P2/ctgrad": 1.02, "P3/ctgrad": 1.02, "P4/ctgrad": 1.02,
              "P5/ctgrad": 1.04, "P7/ctgrad": 0.95, "P8/ctgrad": 1.19, "P9/ctgrad": 0.86,
              "P10/ctgrad": 0.94, "P6_H1/ctgrad": 1.08,
              "P6_H1/ctgrad_array": 1.05, "P6_H4/ctgrad": 1.03, "P6_H4/ctgrad_array": 1.06},
}


def instructions(binary, kernel, n, work):
    out = os.path.join(work, f"callgrind.{kernel.replace('/', '.')}.{n}.out")
    r = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", binary,
                        f"--callgrind-one={kernel}", f"--callgrind-n={n}"],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"instruction_counts: {kernel} failed under callgrind:\n{r.stderr[-2000:]}")
    for line in r.stderr.splitlines():
        if "Collected :" in line:
            return int(line.split()[-1])
    sys.exit(f"instruction_counts: no count for {kernel}:\n{r.stderr[-2000:]}")


def per_evaluation(counts, kernel, runs):
    n1, n2 = runs
    return (counts[(kernel, n2)] - counts[(kernel, n1)]) / (n2 - n1)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary, compiler = sys.argv[1], sys.argv[2]
    record = "--record" in sys.argv[3:]
    limits = LIMITS.get(compiler)
    if limits is None and not record:
        sys.exit(f"instruction_counts: no limits recorded for compiler {compiler}")
    failed = []
    measured = {}
    # Every run is a process of its own and counts deterministically: they run side by side.
    jobs = [(f"{problem}/{impl}", n) for problem, runs in RUNS.items()
            for impl in ["hand"] + IMPLEMENTATIONS[problem] for n in runs]
    with tempfile.TemporaryDirectory() as work:
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            counts = dict(zip(jobs, pool.map(lambda job: instructions(binary, *job, work), jobs)))
        print(f"{'kernel':22} {'ctgrad':>10} {'hand':>10} {'ratio':>7} {'limit':>7}")
        for problem, runs in RUNS.items():
            hand = per_evaluation(counts, f"{problem}/hand", runs)
            for impl in IMPLEMENTATIONS[problem]:
                key = f"{problem}/{impl}"
                ours = per_evaluation(counts, key, runs)
                ratio = ours / hand
                measured[key] = ratio
                limit = None if record else limits[key]
                bad = limit is not None and ratio > limit
                print(f"{key:22} {ours:10.1f} {hand:10.1f} {ratio:7.3f} "
                      f"{'' if limit is None else f'{limit:7.2f}'}{'  ABOVE THE LIMIT' if bad else ''}")
                if bad:
                    failed.append(key)
    if record:
        print({k: math.ceil((v + 0.02) * 100) / 100 for k, v in measured.items()})
        return 0
    if failed:
        print(f"instruction_counts: {len(failed)} kernel(s) above their recorded ratio: "
              f"{', '.join(failed)}")
        return 1
    print(f"instruction_counts: all {len(measured)} ratios within their limits")
    return 0


if __name__ == "__main__":
    sys.exit(main())
