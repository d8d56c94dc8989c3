"""The report's figures (matplotlib, headless): each function takes an open Results and returns a Figure, or None
when the file lacks the data."""
import math
import re

import matplotlib
import matplotlib.font_manager

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from .compare import paired_differences  # noqa: E402
from .stats import mean_interval  # noqa: E402

# Latin text in DejaVu Sans; a Chinese term in a label (a description may carry one) falls back to a CJK font that
# matplotlib finds (Debian's fonts-noto-cjk), and is left out of the figure where there is none: a figure never
# shows empty boxes.
_CJK_FONTS = [f.name for f in matplotlib.font_manager.fontManager.ttflist
              if any(k in f.name for k in ("CJK", "WenQuanYi", "Droid Sans Fallback", "AR PL"))]
matplotlib.rcParams["font.family"] = ["DejaVu Sans"] + sorted(set(_CJK_FONTS))
_CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+")


def label(text):
    """`text` as a figure can show it: Chinese terms kept where a CJK font is available, else left out."""
    if _CJK_FONTS:
        return text
    return re.sub(r"\s*\(\s*\)", "", _CJK.sub("", text)).strip()
matplotlib.rcParams["figure.dpi"] = 96
matplotlib.rcParams["axes.spines.top"] = False
matplotlib.rcParams["axes.spines.right"] = False


def _complete(results):
    runs = results.runs
    return runs[runs["status"] == "complete"] if "status" in runs else runs


def _scaled(values, units):
    """(values in a readable scale, the axis label's unit)."""
    finite = np.abs(values[np.isfinite(values)])
    top = finite.max() if finite.size else 0
    if units == "fraction":
        return values * 100, "%"
    if top >= 1e9:
        return values / 1e9, "bn " + units
    if top >= 1e6:
        return values / 1e6, "M " + units
    return values, units


def _legend(ax, **options):
    """A legend where something is labelled (an arm without complete runs draws nothing)."""
    if ax.get_legend_handles_labels()[0]:
        ax.legend(**options)


def _band(ax, x, rows, label, color):
    """Mean across runs with its 95% CI as a band; rows is (runs, len(x))."""
    stats = [mean_interval(rows[:, k]) for k in range(rows.shape[1])]
    mean = np.array([s[0] for s in stats])
    half = np.array([s[1] if math.isfinite(s[1]) else 0 for s in stats])
    ax.plot(x, mean, label=label, color=color, lw=1.8)
    ax.fill_between(x, mean - half, mean + half, color=color, alpha=0.2, lw=0)


def series_by_arm(results, paths, title, axis_label=None):
    """One panel per dataset of shape (run, T): each arm's mean over time with its 95% CI band."""
    paths = [p for p in paths if results.has(p) and results.values(p).ndim == 2]
    if not paths:
        return None
    runs = _complete(results)
    columns = 2 if len(paths) == 4 else min(len(paths), 3)
    rows_of_panels = -(-len(paths) // columns)
    fig, axes = plt.subplots(rows_of_panels, columns, figsize=(5.2 * columns, 3.6 * rows_of_panels), squeeze=False)
    for ax in axes.flat[len(paths):]:
        ax.set_visible(False)
    colors = plt.get_cmap("tab10").colors
    for ax, path in zip(axes.flat, paths):
        values = results.values(path)
        units = results.units(path)
        scaled, unit_label = _scaled(values, units)
        ticks = results.labels(results.dims(path)[1])
        x = np.arange(values.shape[1])
        for i, arm in enumerate(results.arms):
            rows = scaled[[results.runs.index.get_loc(r) for r in runs.index[runs["arm"] == arm]]]
            if rows.size and np.isfinite(rows).any():
                _band(ax, x, rows, arm, colors[i % len(colors)])
        step = max(1, len(x) // 8)
        ax.set_xticks(x[::step])
        ax.set_xticklabels([str(t) for t in ticks[::step]], rotation=30 if len(x) > 8 else 0, fontsize=8)
        ax.set_title(label(results.long_name(path))[:70], fontsize=9)
        ax.set_ylabel(unit_label or "")
        if path.endswith("months_of_reserve") or path.endswith("months_of_reserve_end"):
            ax.axhline(6, color="grey", lw=0.8, ls="--")
        if path.endswith("balance_yuan") or path.endswith("balance_end_yuan"):
            ax.axhline(0, color="grey", lw=0.8, ls="--")
    _legend(axes[0][0], fontsize=8, frameon=False)
    fig.suptitle(title + (" — mean and 95% CI across runs" if not axis_label else axis_label), fontsize=10)
    fig.tight_layout()
    return fig


def forest(results, widest=100.0):
    """Paired differences of the headline metrics against the reference arm, as % of the reference mean; returns
    (figure, labels left out because their interval is wider than ±`widest`% — a reference mean near zero)."""
    headline = results.headline
    arms = [a for a in results.arms if a != results.reference_arm]
    if not headline or not arms:
        return None, []
    from .compare import arm_means
    rows = []
    for metric, label in headline:
        levels = arm_means(results, metric)
        levels = levels[levels["arm"] == results.reference_arm]
        base_at = dict(zip(levels["point"].fillna(-1), levels["mean"]))
        diffs = paired_differences(results, metric)
        several = diffs["point"].nunique() > 1
        for _, d in diffs.iterrows():
            base = base_at.get(-1 if d["point"] is None or d["point"] != d["point"] else d["point"], math.nan)
            if not math.isfinite(base) or base == 0 or not math.isfinite(d["mean"]):
                continue
            # One row per grid point: their intervals are not to be averaged.
            row_label = "%s · point %d" % (label, d["point"]) if several else label
            rows.append((row_label, d["arm"], 100 * d["mean"] / abs(base), 100 * d["half_width"] / abs(base)))
    wide = sorted({r[0] for r in rows if not math.isfinite(r[3]) or r[3] > widest})
    rows = [r for r in rows if r[0] not in wide]
    if not rows:
        return None, wide
    labels = [r[0] for r in rows]
    labels = list(dict.fromkeys(labels))
    fig, ax = plt.subplots(figsize=(8.5, 0.42 * len(labels) + 1.2))
    colors = plt.get_cmap("tab10").colors
    for j, arm in enumerate(arms):
        ys, xs, es = [], [], []
        for label, a, mean, half in rows:
            if a == arm:
                ys.append(labels.index(label) + (j - (len(arms) - 1) / 2) * 0.22)
                xs.append(mean)
                es.append(half if math.isfinite(half) else 0)
        ax.errorbar(xs, ys, xerr=es, fmt="o", ms=4, capsize=2, color=colors[(j + 1) % len(colors)],
                    label="%s − %s" % (arm, results.reference_arm))
    ax.axvline(0, color="grey", lw=0.8)
    ax.set_yticks(range(len(labels)))
    ax.set_yticklabels(labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("paired difference, % of the reference arm's mean (95% CI)")
    _legend(ax, fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.tight_layout()
    return fig, wide


def by_parameter(results, paths, parameter):
    """Each metric's mean (95% CI) against the values of a varied parameter, one line per arm."""
    paths = [p for p in paths if results.has(p)]
    runs = _complete(results)
    if not paths or parameter not in runs:
        return None
    levels = sorted(runs[parameter].unique())
    fig, axes = plt.subplots(1, len(paths), figsize=(4.6 * len(paths), 3.4), squeeze=False)
    colors = plt.get_cmap("tab10").colors
    for ax, path in zip(axes[0], paths):
        values, unit_label = _scaled(results.values(path).reshape(len(results.runs), -1)[:, 0], results.units(path))
        series = dict(zip(results.runs.index, values))
        for i, arm in enumerate(results.arms):
            stats = [mean_interval([series[r] for r in runs.index[(runs["arm"] == arm) & (runs[parameter] == lv)]])
                     for lv in levels]
            ax.errorbar(range(len(levels)), [s[0] for s in stats],
                        yerr=[s[1] if math.isfinite(s[1]) else 0 for s in stats], marker="o", capsize=3,
                        label=arm, color=colors[i % len(colors)])
        ax.set_xticks(range(len(levels)))
        ax.set_xticklabels([("%g" % lv) if isinstance(lv, float) else str(lv) for lv in levels])
        ax.set_xlabel(parameter, fontsize=8)
        ax.set_ylabel(unit_label)
        ax.set_title(label(results.long_name(path))[:60], fontsize=9)
    _legend(axes[0][0], fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


def margins_by_tier(results, tiers):
    """Hospital margin by tier over the years (mean over the tier's hospitals, then over runs), one panel per arm."""
    if not results.has("hospitals/margin") or not tiers:
        return None
    runs = _complete(results)
    margin = results.values("hospitals/margin")  # run, hospital, year
    years = results.labels("year")
    tier_names = sorted(set(tiers))
    fig, axes = plt.subplots(1, len(results.arms), figsize=(4.2 * len(results.arms), 3.3), squeeze=False,
                             sharey=True)
    colors = plt.get_cmap("Set2").colors
    for ax, arm in zip(axes[0], results.arms):
        rows = margin[[results.runs.index.get_loc(r) for r in runs.index[runs["arm"] == arm]]]
        for k, tier in enumerate(tier_names):
            members = [h for h, t in enumerate(tiers) if t == tier]
            if rows.size and members:
                _band(ax, np.arange(len(years)), 100 * np.nanmean(rows[:, members, :], axis=1), "tier %s" % tier,
                      colors[k % len(colors)])
        ax.axhline(0, color="grey", lw=0.8, ls="--")
        ax.set_xticks(range(len(years)))
        ax.set_xticklabels([str(y) for y in years], fontsize=8)
        ax.set_title(arm, fontsize=9)
    axes[0][0].set_ylabel("margin, % of true cost")
    _legend(axes[0][0], fontsize=8, frameon=False)
    fig.suptitle("Hospital margin by tier — mean and 95% CI across runs", fontsize=10)
    fig.tight_layout()
    return fig


def sensitivity_bars(table):
    """Sensitivity indices with their bootstrap CIs, one panel per metric (the first two indices of each)."""
    if table is None or table.empty:
        return None
    metrics = list(dict.fromkeys(table["metric"]))[:6]
    fig, axes = plt.subplots(len(metrics), 1, figsize=(8, 0.5 + 2.2 * len(metrics)), squeeze=False)
    for ax, metric in zip(axes[:, 0], metrics):
        t = table[table["metric"] == metric]
        indices = list(dict.fromkeys(t["index"]))[:2]
        factors = list(dict.fromkeys(t["factor"]))
        width = 0.8 / max(1, len(indices))
        for j, index in enumerate(indices):
            s = t[t["index"] == index].set_index("factor").reindex(factors)
            low = np.nan_to_num(s["estimate"] - s["low"])
            high = np.nan_to_num(s["high"] - s["estimate"])
            ax.barh(np.arange(len(factors)) + (j - (len(indices) - 1) / 2) * width, s["estimate"], height=width,
                    xerr=[low, high], capsize=2, label=index)
        ax.set_yticks(range(len(factors)))
        ax.set_yticklabels(factors, fontsize=8)
        ax.invert_yaxis()
        ax.axvline(0, color="grey", lw=0.8)
        ax.set_title("%s (%s)" % (metric, t["method"].iloc[0]), fontsize=9)
        _legend(ax, fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


def prim_trajectory(discovery):
    """PRIM's peeling trajectory: coverage against density, the chosen box marked."""
    if not discovery:
        return None
    t = discovery["trajectory"]
    fig, ax = plt.subplots(figsize=(5, 3.6))
    sc = ax.scatter(t["coverage"], t["density"], c=t["restricted_factors"], cmap="viridis", s=18)
    chosen = discovery["chosen"]
    ax.scatter([t["coverage"][chosen]], [t["density"][chosen]], s=120, facecolors="none", edgecolors="red",
               label="chosen box")
    ax.set_xlabel("coverage")
    ax.set_ylabel("density")
    fig.colorbar(sc, ax=ax, label="factors restricted")
    _legend(ax, fontsize=8, frameon=False)
    ax.set_title("PRIM: %s (arm %s)" % (discovery["where"], discovery["arm"]), fontsize=9)
    fig.tight_layout()
    return fig


def calibration_fit(targets):
    """Each calibration target's distance from the best trial in tolerances: (simulated − target) ÷ tolerance with
    the simulated mean's 95% CI; the band is "within tolerance"."""
    if targets is None or targets.empty:
        return None
    t = targets[np.isfinite(targets["value"]) & (targets["tolerance"] > 0)]
    if t.empty:
        return None
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(t) + 1.4))
    y = np.arange(len(t))
    z = (t["simulated"] - t["value"]) / t["tolerance"]
    ax.axvspan(-1, 1, color="tab:green", alpha=0.12, lw=0, label="within tolerance")
    ax.errorbar(z, y, xerr=np.nan_to_num(t["half_width"] / t["tolerance"]), fmt="o", color="tab:red", ms=4,
                capsize=2, label="simulated (best trial) ± 95% CI")
    ax.axvline(0, color="grey", lw=0.8)
    ax.set_yticks(y)
    ax.set_yticklabels(t["target"], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("(simulated − target) ÷ tolerance")
    _legend(ax, fontsize=8, frameon=False)
    fig.tight_layout()
    return fig
