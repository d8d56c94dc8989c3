"""Every shipped experiment with a sampled design (lhs, sobol, morris), reduced and analysed end to end.

Each one is run with --samples 2 and one replicate, then `reformsim sensitivity` and `reformsim discover` (on months
of reserve below its median) are run on the results. Checked: the run count the design promises, a sensitivity
table per metric asked for with one row per factor of the design, both analyses written into the file under
/sensitivity and /discovery, the runs' outcomes untouched by those writes, --no-write leaving the file byte for
byte as it was, and a failed update (its temporary name taken by a directory) exiting 3 with the file unchanged.
Usage:
  /usr/bin/python3 shipped_designs_test.py --binary build/reformsim
Exits 77 (skipped) without Debian's python3-h5py.
"""
import argparse
import glob
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile

SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLED_DESIGN = re.compile(r"^design:\s*[\"']?(lhs|sobol|morris)[\"']?\s*(#.*)?$", re.MULTILINE)
METRICS = ("summary/months_of_reserve_end", "summary/min_months_of_reserve")


def run(args, expect_code=0):
    r = subprocess.run(args, capture_output=True, text=True, timeout=1200)
    if r.returncode != expect_code:
        raise AssertionError("%s exited %d (expected %d):\n%s%s" % (" ".join(args), r.returncode, expect_code,
                                                                     r.stdout, r.stderr))
    return r


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def outcomes(h5):
    """Every dataset outside /sensitivity and /discovery, as bytes."""
    out = {}

    def visit(name, obj):
        if hasattr(obj, "shape") and not name.startswith(("sensitivity", "discovery")):
            value = obj[()]
            # Strings come back as objects, whose bytes would be addresses.
            out[name] = repr(value.tolist()) if getattr(value, "dtype", None) == object else value.tobytes()
    h5.visititems(visit)
    return out


def check(binary, case, folder, h5py):
    name = os.path.splitext(os.path.basename(case))[0]
    results = os.path.join(folder, name + ".h5")
    run([binary, "run", case, "-o", results, "--samples", "2", "--replicates", "1", "--quiet"])
    with h5py.File(results, "r") as f:
        factors = [x.decode() for x in f["design/factors"][()]]
        design = f["meta/design"][0].decode()
        points = int(f["meta/design_points"][0])
        runs = f["runs/run_id"].shape[0]
        arms = f["meta/arms"].shape[0]
        expected_points = {"sobol": 2 * (len(factors) + 2), "morris": 2 * (len(factors) + 1), "lhs": 2}[design]
        expect(points == expected_points, "%s: %d design points, expected %d" % (name, points, expected_points))
        expect(runs == points * arms, "%s: %d runs for %d points × %d arms" % (name, runs, points, arms))
        reserve = sorted(f[METRICS[0]][()].reshape(-1).tolist())
        before = outcomes(f)

    untouched = digest(results)
    run([binary, "sensitivity", results, "--metric", ",".join(METRICS), "--resamples", "200", "--no-write"])
    expect(digest(results) == untouched, "%s: sensitivity --no-write changed the file" % name)

    printed = run([binary, "sensitivity", results, "--metric", ",".join(METRICS), "--resamples", "200"]).stdout
    for factor in factors:
        expect(factor in printed, "%s: factor %s missing from the sensitivity table:\n%s" % (name, factor, printed))
    median = (reserve[len(reserve) // 2 - 1] + reserve[len(reserve) // 2]) / 2
    where = "%s < %r" % (METRICS[0], median)
    if reserve[0] < median:
        run([binary, "discover", results, "--where", where])
    with h5py.File(results, "r") as f:
        for metric in METRICS:
            group = f["sensitivity/" + metric]
            recorded = [x.decode() for x in group["factors"][()]]
            expect(recorded == factors, "%s: /sensitivity/%s lists %s" % (name, metric, recorded))
            expect(group["estimate"].shape == (len(group["indices"]), len(factors)),
                   "%s: /sensitivity/%s/estimate has shape %s" % (name, metric, group["estimate"].shape))
            expect(group.attrs["metric"] == metric, "%s: metric attribute %r" % (name, group.attrs["metric"]))
        if reserve[0] < median:
            recorded = f["discovery"].attrs["where"]
            expect(recorded.startswith(METRICS[0] + " < "), "%s: /discovery where %r" % (name, recorded))
            expect([x.decode() for x in f["discovery/box/factors"][()]] == factors, "%s: /discovery factors" % name)
        expect(outcomes(f) == before, "%s: recording the analyses changed the run outcomes" % name)

    written = digest(results)
    os.mkdir(results + ".partial")
    r = run([binary, "sensitivity", results, "--metric", METRICS[0], "--resamples", "50"], expect_code=3)
    expect("partial" in r.stderr, "%s: the failed update does not say why:\n%s" % (name, r.stderr))
    expect(digest(results) == written, "%s: a failed update changed the file" % name)
    print("passed: %s (%d runs, %d factors)" % (name, runs, len(factors)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    a = parser.parse_args()
    try:
        import h5py
    except ImportError:
        print("shipped designs: Debian's python3-h5py is not installed; skipped")
        return 77
    cases = []
    for case in sorted(glob.glob(os.path.join(SOURCE, "scenarios", "experiments", "*.yaml"))):
        with open(case) as f:
            if SAMPLED_DESIGN.search(f.read()):
                cases.append(case)
    if not cases:
        print("FAILED: no shipped experiment has a sampled design")
        return 1
    folder = tempfile.mkdtemp(prefix="reformsim_designs_")
    try:
        for case in cases:
            check(os.path.abspath(a.binary), case, folder, h5py)
    except AssertionError as e:
        print("FAILED:", e)
        return 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
