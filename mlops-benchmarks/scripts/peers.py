#!/usr/bin/env python3
"""Times the non-JVM peers (scipy, scikit-learn, numpy) on the benchmarks' own data files.

Dev-time only; CI never runs it. Write the files, then run this script:

  java -cp mlops-benchmarks/target/benchmarks.jar dev.mlops.benchmarks.PeerDataWriter /tmp/peer-data
  /usr/bin/python3 mlops-benchmarks/scripts/peers.py /tmp/peer-data

The files hold exactly the values the JMH benchmarks compute on (dev.mlops.benchmarks.PeerData):
drift_a.f64 / drift_b.f64 (DriftTestBenchmark, 1M vs 1M), eval_actual.u8 / eval_scores.f64
(EvaluationBenchmark, 1M rows), ratings.i8 (KrippendorffAlphaBenchmark, 100k items x 10
annotators, -1 missing). Each row printed is the best of 3 wall-clock times (inputs unsorted, so
sorting is part of every drift test, as in the JMH benchmarks), in the same shape as the rows of
BENCHMARKS.md.
"""
import os
import platform
import sys
import time
import warnings

import numpy as np
import scipy
import sklearn
from scipy import stats
from sklearn import metrics
from sklearn.calibration import calibration_curve


def best_of(fn, repeats=3):
    best, result = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def row(peer, operation, seconds, value):
    print(f"| {peer:<34} | {operation:<40} | {seconds * 1000:10.1f} ms | {value} |")


def drift(data):
    a = np.fromfile(os.path.join(data, "drift_a.f64"), dtype="<f8")
    b = np.fromfile(os.path.join(data, "drift_b.f64"), dtype="<f8")
    n = f"{len(a)} vs {len(b)}"
    t, _ = best_of(lambda: (np.sort(a), np.sort(b)))
    row(f"numpy {np.__version__} sort", f"sort both samples, {n}", t, "floor")
    t, r = best_of(lambda: stats.ks_2samp(a, b))
    row(f"scipy {scipy.__version__} ks_2samp", f"KS, {n}", t, f"D={r.statistic!r} p={r.pvalue!r}")
    t, r = best_of(lambda: stats.mannwhitneyu(a, b))
    row(f"scipy {scipy.__version__} mannwhitneyu", f"Mann-Whitney, {n}", t, f"p={r.pvalue!r}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the p-value is capped at 0.25 for these data
        t, r = best_of(lambda: stats.anderson_ksamp([a, b]))
    row(f"scipy {scipy.__version__} anderson_ksamp", f"Anderson-Darling, {n}", t,
        f"A2={r.statistic!r}")
    t, r = best_of(lambda: stats.cramervonmises_2samp(a, b))
    row(f"scipy {scipy.__version__} cramervonmises_2samp", f"Cramer-von Mises, {n}", t,
        f"p={r.pvalue!r}")
    t, r = best_of(lambda: stats.energy_distance(a, b))
    row(f"scipy {scipy.__version__} energy_distance", f"energy distance, {n}", t, repr(r))
    t, r = best_of(lambda: stats.wasserstein_distance(a, b) / np.std(a))
    row(f"scipy {scipy.__version__} wasserstein_distance", f"normed Wasserstein, {n}", t, repr(r))


def evaluation(data):
    y = np.fromfile(os.path.join(data, "eval_actual.u8"), dtype=np.uint8)
    s = np.fromfile(os.path.join(data, "eval_scores.f64"), dtype="<f8")

    def report():
        predicted = (s >= 0.5).astype(np.uint8)
        return (metrics.confusion_matrix(y, predicted),
                metrics.precision_recall_fscore_support(y, predicted, zero_division=0),
                metrics.accuracy_score(y, predicted),
                metrics.roc_auc_score(y, s),
                metrics.average_precision_score(y, s),
                metrics.log_loss(y, np.clip(s, 1e-15, 1 - 1e-15)),
                metrics.brier_score_loss(y, s),
                calibration_curve(y, s, n_bins=10))

    t, r = best_of(report)
    row(f"scikit-learn {sklearn.__version__}", f"classification report, {len(y)} rows", t,
        f"roc_auc={r[3]!r}")


def krippendorff(data):
    ratings = np.fromfile(os.path.join(data, "ratings.i8"), dtype=np.int8).reshape(-1, 10)

    def alpha():
        # nominal alpha from the labels x labels coincidence matrix (Krippendorff 2011)
        present = ratings >= 0
        m = present.sum(axis=1)
        keep = m >= 2
        counts = np.stack([((ratings == k) & present).sum(axis=1) for k in range(5)], axis=1)
        counts, m = counts[keep], m[keep]
        weight = 1.0 / (m - 1)
        coincidence = (counts[:, :, None] * counts[:, None, :]).astype(np.float64)
        idx = np.arange(5)
        coincidence[:, idx, idx] -= counts
        o = (coincidence * weight[:, None, None]).sum(axis=0)
        n_c = o.sum(axis=1)
        n = n_c.sum()
        observed = n - np.trace(o)
        expected = (n * n - (n_c * n_c).sum()) / (n - 1)
        return 1 - observed / expected

    t, r = best_of(alpha)
    row(f"numpy {np.__version__}", f"Krippendorff alpha (nominal), {ratings.shape[0]} x 10", t,
        f"alpha={r!r}")


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else "/tmp/peer-data"
    print(f"Python {platform.python_version()}, numpy {np.__version__}, scipy {scipy.__version__},"
          f" scikit-learn {sklearn.__version__}; load average {os.getloadavg()[0]:.2f}")
    print("| peer | operation | best of 3 | value |")
    print("|---|---|---|---|")
    drift(data)
    evaluation(data)
    krippendorff(data)


if __name__ == "__main__":
    main()
