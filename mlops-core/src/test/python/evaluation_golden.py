"""Generates the golden values of EvaluationGoldenTest (dev.mlops.core.evaluation).

Run with scikit-learn 1.2.1 / NumPy 1.24: /usr/bin/python3 evaluation_golden.py > Golden.java
The output is committed as the test's numbers; the build never runs Python.
"""
import numpy as np
from sklearn import metrics
from sklearn.calibration import calibration_curve
from sklearn.preprocessing import label_binarize


def jarr(xs, kind):
    if kind == "s":
        return "List.of(" + ", ".join('"%s"' % x for x in xs) + ")"
    return "new double[] {" + ", ".join(repr(float(x)) for x in xs) + "}"


def jmat(m):
    return "new double[][] {" + ", ".join(jarr(r, "d") for r in m) + "}"


def r(x):
    return repr(float(x))


def classification_case(name, y, p, scores=None, classes=None, probs=None, zd="warn"):
    out = []
    out.append("  static final Case %s = new Case(" % name)
    out.append("      %s," % jarr(y, "s"))
    out.append("      %s," % jarr(p, "s"))
    labels = sorted(set(y) | set(p))
    cm = metrics.confusion_matrix(y, p, labels=labels)
    acc = metrics.accuracy_score(y, p)
    pr, rc, f1, sup = metrics.precision_recall_fscore_support(y, p, labels=labels, zero_division=zd)
    avg = {}
    for a in ["macro", "micro", "weighted"]:
        avg[a] = metrics.precision_recall_fscore_support(y, p, labels=labels, average=a, zero_division=zd)[:3]
    out.append("      %s," % jarr(labels, "s"))
    out.append("      new long[][] {" + ", ".join("{" + ", ".join(str(int(v)) for v in row) + "}" for row in cm) + "},")
    out.append("      %s," % r(acc))
    out.append("      %s, %s, %s," % (jarr(pr, "d"), jarr(rc, "d"), jarr(f1, "d")))
    out.append("      new double[] {%s}," % ", ".join(r(v) for a in ["macro", "micro", "weighted"] for v in avg[a]))
    if scores is not None:
        y01 = np.array([1 if v == "pos" else 0 for v in y])
        s = np.array(scores)
        auc = metrics.roc_auc_score(y01, s)
        ap = metrics.average_precision_score(y01, s)
        ll = metrics.log_loss(y01, s)
        br = metrics.brier_score_loss(y01, s)
        pt, pp = calibration_curve(y01, s, n_bins=5, strategy="uniform")
        out.append("      %s," % jarr(s, "d"))
        out.append("      null, null,")
        out.append("      new double[] {%s, %s, %s, %s, %s}," % (r(auc), r(auc), r(ap), r(ll), r(br)))
        out.append("      %s, %s);" % (jarr(pp, "d"), jarr(pt, "d")))
    else:
        pm = np.array(probs)
        yb = label_binarize(y, classes=classes)
        auc = metrics.roc_auc_score(y, pm, multi_class="ovr", average="macro", labels=classes)
        aucw = metrics.roc_auc_score(y, pm, multi_class="ovr", average="weighted", labels=classes)
        ap = metrics.average_precision_score(yb, pm, average="macro")
        ll = metrics.log_loss(y, pm, labels=classes)
        out.append("      null,")
        out.append("      %s, %s," % (jarr(classes, "s"), jmat(pm)))
        out.append("      new double[] {%s, %s, %s, %s, Double.NaN}," % (r(auc), r(aucw), r(ap), r(ll)))
        out.append("      null, null);")
    return "\n".join(out)


def regression_case(name, y, p):
    y = np.array(y, dtype=float)
    p = np.array(p, dtype=float)
    mae = metrics.mean_absolute_error(y, p)
    rmse = metrics.mean_squared_error(y, p, squared=False)
    mape = metrics.mean_absolute_percentage_error(y, p)
    r2 = metrics.r2_score(y, p)
    q = np.quantile(np.abs(y - p), [0.5, 0.9, 0.95, 0.99])
    return ("  static final RegCase %s = new RegCase(\n      %s,\n      %s,\n      new double[] {%s, %s, %s, %s},\n      %s);"
            % (name, jarr(y, "d"), jarr(p, "d"), r(mae), r(rmse), r(mape), r(r2), jarr(q, "d")))


rng = np.random.default_rng(20261128)
cases = []

# 1. balanced binary, scores rounded to 1 decimal so there are many ties
n = 40
y = rng.integers(0, 2, n)
s = np.clip(np.round(0.35 * y + rng.uniform(0, 0.65, n), 1), 0, 1)
s[0] = 0.0
s[1] = 1.0
pred = (s >= 0.5).astype(int)
lab = lambda a: ["pos" if v else "neg" for v in a]
cases.append(classification_case("BINARY_TIES", lab(y), lab(pred), scores=s))

# 2. skewed binary: 4 positives in 60, the model finds 2 and raises 3 false alarms
n = 60
y = np.zeros(n, dtype=int)
y[[5, 17, 33, 48]] = 1
s = rng.beta(1, 8, n)
s[[5, 17]] = [0.91, 0.72]
s[[33, 48]] = [0.31, 0.08]
s[[2, 40, 55]] = [0.66, 0.58, 0.93]
pred = (s >= 0.5).astype(int)
cases.append(classification_case("SKEWED_BINARY", lab(y), lab(pred), scores=s))

# 3. multi-class with probabilities; class "c" is never predicted (zero division)
classes = ["a", "b", "c"]
n = 45
yi = rng.choice(3, n, p=[0.5, 0.35, 0.15])
logits = rng.normal(0, 1, (n, 3))
logits[np.arange(n), yi] += 1.2
logits[:, 2] -= 2.0
pm = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
pm = np.round(pm, 6)
pm[:, 2] = 1 - pm[:, 0] - pm[:, 1]
pi = pm.argmax(axis=1)
cases.append(classification_case("MULTICLASS", [classes[i] for i in yi], [classes[i] for i in pi], classes=classes, probs=pm))

# 4. multi-class with a predicted label that never occurs ("d"), zero_division=1
y4 = ["x", "y", "z", "x", "y", "z", "x", "x", "y", "z", "x", "y"]
p4 = ["x", "y", "d", "x", "z", "z", "y", "x", "y", "d", "x", "x"]
classification_only = classification_case("UNSEEN_PREDICTION_ZD1", y4, p4, classes=["x", "y", "z"],
    probs=[[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.3, 0.3, 0.4], [0.6, 0.3, 0.1], [0.2, 0.3, 0.5], [0.1, 0.1, 0.8],
           [0.3, 0.5, 0.2], [0.5, 0.25, 0.25], [0.2, 0.7, 0.1], [0.4, 0.2, 0.4], [0.9, 0.05, 0.05], [0.45, 0.45, 0.1]],
    zd=1)
cases.append(classification_only)

# regression: ordinary, heavy-tailed with zero targets (MAPE eps), small
y = rng.normal(50, 10, 30)
p = y + rng.normal(0, 4, 30)
cases.append(regression_case("REG_NORMAL", y, p))
y = rng.lognormal(2, 1, 25)
y[[3, 11]] = 0.0
p = y * rng.uniform(0.6, 1.3, 25) + rng.normal(0, 1, 25)
cases.append(regression_case("REG_HEAVY_TAIL_WITH_ZEROS", y, p))
cases.append(regression_case("REG_SMALL", [3, -0.5, 2, 7], [2.5, 0.0, 2, 8]))

print("// Generated by src/test/python/evaluation_golden.py with scikit-learn 1.2.1, NumPy 1.24.2.")
print("\n\n".join(cases))
