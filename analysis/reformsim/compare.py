"""Arms compared as `reformsim run` prints them: per arm the mean and 95% CI of a metric, and each arm's difference
from the reference arm paired by (design point, replicate) — runs with the same replicate share random numbers, so
the pairs share their illness and case draws. Grids are compared point by point; sampled designs (lhs, sobol,
morris) pool their points, as the CLI's table does.
"""
import pandas as pd

from .stats import mean_interval


def _pooled(results):
    return results.meta("design", "grid") not in ("grid", None)


def _complete_runs(results):
    runs = results.runs
    return runs[runs["status"] == "complete"] if "status" in runs else runs


def _values(results, metric, index=()):
    data = results.values(metric)
    if index:
        return data[(slice(None),) + tuple(index)]
    per_run = data.reshape(data.shape[0], -1)
    if per_run.shape[1] != 1:
        raise ValueError("%s has %d values per run (dims %s): pass index=(...) to pick one"
                         % (metric, per_run.shape[1], ", ".join(results.dims(metric))))
    return per_run[:, 0]

COLUMNS = ["point", "arm", "mean", "half_width", "n"]


def _compared_runs(results, metric, index):
    """(point, that point's complete runs, every run's value) per compared group: each grid point, or all points
    pooled for a sampled design."""
    runs = _complete_runs(results)
    values = pd.Series(_values(results, metric, index), index=results.runs.index)
    # Every point of the file, also one whose runs all failed (its cells are then empty, as the CLI prints them).
    points = [None] if _pooled(results) else sorted(results.runs["point"].unique())
    return [(point, runs if point is None else runs[runs["point"] == point], values) for point in points]


def arm_means(results, metric, index=()):
    """DataFrame (point, arm) → mean, half_width, n of `metric` (a /summary path, or any per-run dataset with
    `index` picking one value of each run's row, e.g. index=(4,) for year 5)."""
    rows = []
    for point, at, values in _compared_runs(results, metric, index):
        for arm in results.arms:
            mean, half, n = mean_interval(values[at.index[at["arm"] == arm]].to_numpy())
            rows.append({"point": point, "arm": arm, "mean": mean, "half_width": half, "n": n})
    return pd.DataFrame(rows, columns=COLUMNS)


def paired_differences(results, metric, index=(), reference=None):
    """DataFrame (point, arm) → mean, half_width, n of `metric`(arm) − `metric`(reference), paired by (point,
    replicate); the reference arm itself is left out. The same numbers as the CLI's "(paired)" columns."""
    reference = reference or results.reference_arm
    rows = []
    for point, at, values in _compared_runs(results, metric, index):
        base = at[at["arm"] == reference]
        base_value = pd.Series(values[base.index].to_numpy(), index=pd.MultiIndex.from_arrays(
            [base["point"], base["replicate"]]))
        for arm in results.arms:
            if arm == reference:
                continue
            other = at[at["arm"] == arm]
            keys = pd.MultiIndex.from_arrays([other["point"], other["replicate"]])
            matched = keys.isin(base_value.index)
            diff = values[other.index[matched]].to_numpy() - base_value.loc[keys[matched]].to_numpy()
            mean, half, n = mean_interval(diff)
            rows.append({"point": point, "arm": arm, "reference": reference, "mean": mean, "half_width": half,
                         "n": n})
    return pd.DataFrame(rows, columns=["point", "arm", "reference", "mean", "half_width", "n"])


def headline_table(results):
    """The CLI's table as a tidy DataFrame: label, metric, units, point, arm (or 'arm − reference'), kind ('level'
    or 'paired'), mean, half_width, n."""
    rows = []
    for metric, label in results.headline:
        units = results.units(metric)
        for _, r in arm_means(results, metric).iterrows():
            rows.append(dict(label=label, metric=metric, units=units, kind="level", **r.to_dict()))
        for _, r in paired_differences(results, metric).iterrows():
            d = r.to_dict()
            d["arm"] = "%s − %s" % (d["arm"], d.pop("reference"))
            rows.append(dict(label=label, metric=metric, units=units, kind="paired", **d))
    return pd.DataFrame(rows)
