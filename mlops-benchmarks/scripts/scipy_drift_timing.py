#!/usr/bin/env python3
"""Times scipy's ks_2samp and mannwhitneyu on the same 1M vs 1M data as DriftTestBenchmark.

Run: /usr/bin/python3 mlops-benchmarks/scripts/scipy_drift_timing.py [n]
The samples use integer arithmetic and one division, so Java builds bit-identical doubles:
a[i] = ((i*7919) % 1000003) / 1000003, b[i] = ((i*104729) % 1000033) / 1000033 + 0.001.
Prints statistic, p-value and the best of 3 wall times per test (the input arrays are unsorted,
as in the JMH benchmark, so sorting is part of each call).
"""
import sys
import time

import numpy as np
import scipy
from scipy import stats


def samples(n):
    i = np.arange(n, dtype=np.int64)
    a = ((i * 7919) % 1000003) / 1000003.0
    b = ((i * 104729) % 1000033) / 1000033.0 + 0.001
    return a, b


def best_of(fn, repeats=3):
    best, result = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    a, b = samples(n)
    print(f"scipy {scipy.__version__}, n = {n} vs {n}")
    t, r = best_of(lambda: stats.ks_2samp(a, b))
    print(f"ks_2samp      {t * 1000:9.1f} ms  statistic={r.statistic!r} pvalue={r.pvalue!r}")
    t, r = best_of(lambda: stats.mannwhitneyu(a, b))
    print(f"mannwhitneyu  {t * 1000:9.1f} ms  statistic={r.statistic!r} pvalue={r.pvalue!r}")
    t, r = best_of(lambda: stats.wasserstein_distance(a, b))
    print(f"wasserstein   {t * 1000:9.1f} ms  distance={r!r}")


if __name__ == "__main__":
    main()
