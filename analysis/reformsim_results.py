"""Read reformsim HDF5 results into pandas (Debian's python3-h5py, python3-numpy, python3-pandas).

    /usr/bin/python3 analysis/reformsim_results.py results/reform_comparison.h5

prints, per arm, the mean of every /summary metric and the paired difference against the reference arm.
As a library: runs(f), summary(f), monthly(f, metric), hospitals(f, metric).
"""
import sys

import h5py
import numpy as np
import pandas as pd


def _text(values):
    return [v.decode() if isinstance(v, bytes) else str(v) for v in values]


def runs(f):
    """One row per run: run_id, arm, replicate, point, seed and every varied parameter."""
    table = {}
    for name, ds in f["runs"].items():
        if isinstance(ds, h5py.Dataset):
            data = ds[()]
            table[name] = _text(data) if data.dtype.kind in "OS" else data
    if "param" in f["runs"]:
        f["runs/param"].visititems(
            lambda n, o: table.__setitem__(n, _text(o[()])) if isinstance(o, h5py.Dataset) else None)
    return pd.DataFrame(table).set_index("run_id")


def summary(f):
    """Runs joined with every end-of-horizon metric of /summary."""
    values = pd.DataFrame({name: ds[()] for name, ds in f["summary"].items()})
    values.index.name = "run_id"
    return runs(f).join(values)


def monthly(f, metric):
    """Long table (run_id, month, value) of one /monthly metric."""
    data = f["monthly/" + metric][()]
    months = _text(f["axes/month"][()])
    frame = pd.DataFrame(data, columns=months)
    frame.index.name = "run_id"
    return frame.reset_index().melt(id_vars="run_id", var_name="month", value_name=metric)


def hospitals(f, metric):
    """Long table (run_id, hospital, year, value) of one /hospitals metric."""
    data = f["hospitals/" + metric][()]
    names, years = _text(f["axes/hospital"][()]), _text(f["axes/year"][()])
    runs_, h, y = np.meshgrid(np.arange(data.shape[0]), names, years, indexing="ij")
    return pd.DataFrame({"run_id": runs_.ravel(), "hospital": h.ravel(), "year": y.ravel(), metric: data.ravel()})


def main(path):
    with h5py.File(path, "r") as f:
        table = summary(f)
        reference = _text(f["meta/reference_arm"][()])[0]
    metrics = [c for c in table.columns if c not in ("arm", "arm_index", "point", "replicate", "seed", "status",
                                                     "scenario_index", "events") and table[c].dtype.kind == "f"]
    print(table.groupby("arm")[metrics].mean().T.to_string(float_format=lambda v: "%.4g" % v))
    base = table[table.arm == reference].set_index(["point", "replicate"])
    for arm in sorted(set(table.arm) - {reference}):
        other = table[table.arm == arm].set_index(["point", "replicate"])
        diff = (other[metrics] - base[metrics]).mean()
        print("\npaired difference %s - %s:" % (arm, reference))
        print(diff.to_string(float_format=lambda v: "%.4g" % v))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "results/reform_comparison.h5")
