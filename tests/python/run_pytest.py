"""Runs the analysis package's pytest suite for CTest (exit 77, skipped, without Debian's python3-pytest or the
package's modules). Usage: /usr/bin/python3 run_pytest.py --binary BUILD/reformsim [pytest args]"""
import importlib.util
import os
import sys

MODULES = ("pytest", "h5py", "numpy", "pandas", "xarray", "h5netcdf", "netCDF4", "matplotlib")


def main(argv):
    if len(argv) < 2 or argv[0] != "--binary":
        sys.exit("usage: run_pytest.py --binary REFORMSIM [pytest args]")
    missing = [m for m in MODULES if importlib.util.find_spec(m) is None]
    if missing:
        print("python tests skipped: missing %s (scripts/setup installs them)" % ", ".join(missing))
        return 77
    os.environ["REFORMSIM_BINARY"] = argv[1]
    import pytest
    here = os.path.dirname(os.path.abspath(__file__))
    return pytest.main(["-q", "-p", "no:cacheprovider", here] + argv[2:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
