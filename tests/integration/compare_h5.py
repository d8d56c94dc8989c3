"""Compares two reformsim result files dataset by dataset (exit 0 when identical in content).

/meta/created_utc and /meta/command_line are expected to differ between invocations and are skipped.
Usage: /usr/bin/python3 compare_h5.py A.h5 B.h5
"""
import sys

import h5py
import numpy as np

SKIP = {"meta/created_utc", "meta/command_line"}


def datasets(f):
    out = {}
    f.visititems(lambda name, obj: out.__setitem__(name, obj) if isinstance(obj, h5py.Dataset) else None)
    return out


def main(a_path, b_path):
    with h5py.File(a_path, "r") as a, h5py.File(b_path, "r") as b:
        da, db = datasets(a), datasets(b)
        if set(da) != set(db):
            print("different datasets:", sorted(set(da) ^ set(db)))
            return 1
        for name in sorted(da):
            if name in SKIP:
                continue
            x, y = da[name][()], db[name][()]
            if x.dtype.kind in "fc":
                same = x.shape == y.shape and np.array_equal(x, y, equal_nan=True)
            else:
                same = x.shape == y.shape and np.array_equal(x, y)
            if not same:
                print("dataset differs:", name)
                return 1
            for attr in ("units", "description"):
                if attr not in da[name].attrs:
                    print("missing attribute", attr, "on", name)
                    return 1
    print("identical")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
