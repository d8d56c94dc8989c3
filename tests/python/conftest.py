"""Fixtures of the analysis package's tests: small results files written by the reformsim binary under test
(REFORMSIM_BINARY, set by CTest), once per session."""
import os
import subprocess
import sys

import pytest

SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(SOURCE, "analysis"))


def binary():
    path = os.environ.get("REFORMSIM_BINARY", os.path.join(SOURCE, "build", "reformsim"))
    if not os.access(path, os.X_OK):
        pytest.skip("no reformsim binary at %s (set REFORMSIM_BINARY)" % path)
    return path


def reformsim(*args):
    done = subprocess.run([binary()] + list(args), capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, "%s exited %d:\n%s" % (" ".join(args), done.returncode, done.stderr)
    return done.stdout


def write_city(folder, insured=20000, years=2):
    city = os.path.join(folder, "city.yaml")
    with open(city, "w") as f:
        f.write("extends: %s\nhorizon_years: %d\npopulation:\n  insured: %d\n"
                % (os.path.join(SOURCE, "scenarios/city/default_city.yaml"), years, insured))
    return city


@pytest.fixture(scope="session")
def comparison(tmp_path_factory):
    """A grid experiment: FFS against DRG from year 2, two audit budgets, 3 replicates (12 runs), and its table."""
    folder = str(tmp_path_factory.mktemp("comparison"))
    write_city(folder)
    experiment = os.path.join(folder, "experiment.yaml")
    with open(experiment, "w") as f:
        f.write("name: comparison\nbase: city.yaml\nseed: 5\nreplicates: 3\n"
                "vary:\n  supervision.audit_cases_per_year: [0, 600]\n"
                "arms:\n  - name: ffs\n    set:\n      payment.method: ffs\n"
                "  - name: drg\n    set:\n      payment.switches: [{year: 2, method: drg}]\n"
                "reference_arm: ffs\n")
    path = os.path.join(folder, "results.h5")
    table = reformsim("run", experiment, "-o", path, "--threads", "2")
    return {"path": path, "table": table, "folder": folder}


@pytest.fixture(scope="session")
def sampled(tmp_path_factory):
    """A Latin hypercube over two parameters (8 points × 2 replicates, one arm) with sensitivity and discovery."""
    folder = str(tmp_path_factory.mktemp("sampled"))
    write_city(folder, insured=10000, years=2)
    experiment = os.path.join(folder, "experiment.yaml")
    with open(experiment, "w") as f:
        f.write("name: sampled\nbase: city.yaml\nseed: 7\nreplicates: 2\ndesign: lhs\nsamples: 8\n"
                "ranges:\n  fund.wage_growth: {min: 0.0, max: 0.08}\n"
                "  payment.drg.base_rate_yuan: {min: 8000, max: 14000}\n"
                "arms:\n  - name: drg\n    set:\n      payment.method: drg\n")
    path = os.path.join(folder, "results.h5")
    reformsim("run", experiment, "-o", path, "--threads", "2", "--quiet")
    reformsim("sensitivity", path, "--metric", "summary/months_of_reserve_end,summary/cost_per_case_yuan",
              "--resamples", "200")
    reformsim("discover", path, "--where", "summary/months_of_reserve_end < 18")
    return {"path": path, "folder": folder}
