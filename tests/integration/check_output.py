"""Reads a reformsim result file the way an analyst would (h5py + pandas) and checks its shape.

Usage: /usr/bin/python3 check_output.py OUT.h5 RUNS MONTHS
"""
import sys

import h5py
import numpy as np


def main(path, runs, months):
    with h5py.File(path, "r") as f:
        for group in ("meta", "runs", "summary", "monthly", "hospitals", "groups", "axes"):
            assert group in f, "missing /" + group
        assert f["runs/run_id"].shape == (runs,), f["runs/run_id"].shape
        assert list(f["runs/run_id"][()]) == list(range(runs))
        assert all(s == b"complete" or s == "complete" for s in f["runs/status"][()])
        assert f["monthly/balance_yuan"].shape == (runs, months)
        hospitals = len(f["axes/hospital"])
        years = len(f["axes/year"])
        assert f["hospitals/cmi"].shape == (runs, hospitals, years)
        assert f["groups/cases"].shape == (runs, len(f["axes/group"]))
        bad = []
        f.visititems(lambda n, o: bad.append(n) if isinstance(o, h5py.Dataset) and
                     ("units" not in o.attrs or "description" not in o.attrs) else None)
        assert not bad, "datasets without units/description: %s" % bad
        balance = f["summary/fund_balance_end_yuan"][()]
        assert np.all(np.isfinite(balance))
        assert np.allclose(balance, f["monthly/balance_yuan"][:, -1])
        try:
            import pandas as pd
            runs_table = pd.DataFrame({k: f["runs"][k][()] for k in ("run_id", "arm", "replicate")})
            # Only the metrics stored in /summary: the run coordinates linked into it are soft links.
            summary = pd.DataFrame({k: f["summary"][k][()] for k in f["summary"]
                                    if isinstance(f["summary"].get(k, getlink=True), h5py.HardLink)})
            assert len(runs_table.join(summary)) == runs
        except ImportError:
            pass
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
