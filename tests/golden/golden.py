"""Golden outputs of the shipped scenarios and experiments: run one, and compare it with (or write) its golden file.

A case is a shipped file (scenarios/experiments/*.yaml, scenarios/city/*.yaml, scenarios/validation/*.yaml) run
with one replicate on one thread; a sampled design (lhs, sobol, morris) is run at its smallest useful size,
--samples 2, since the golden file checks the model's numbers, not the design's size. Its golden file tests/golden/<kind>/<name>.txt holds, for every run, every
dataset of /summary, /years, /alliances and /procurement, and the series of /monthly, /hospitals and /groups named
in SERIES below. Values are compared at stated precision:
  - units "yuan": equal to the fen (money is booked in fen);
  - a whole number in the golden file: exactly equal (counts);
  - anything else: relative difference at most 1e-12 (NaN equals NaN).

Usage (Debian's /usr/bin/python3 with python3-h5py):
  golden.py check      --binary BUILD/reformsim CASE_FILE     exit 0 when equal, 1 with the differences listed
  golden.py regenerate --binary BUILD/reformsim [CASE_FILE...] (default: every shipped file)
  golden.py selftest   --binary none                           checks the comparison rules themselves
"""
import argparse
import math
import os
import re
import subprocess
import sys
import tempfile

SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GOLDEN = os.path.join(SOURCE, "tests", "golden")
SHIPPED = ("scenarios/experiments", "scenarios/city", "scenarios/validation")
WHOLE_GROUPS = ("summary", "years", "alliances", "procurement")
SERIES = {
    "monthly": ("contributions_yuan", "fund_expenditure_yuan", "balance_yuan", "balance_by_scheme_yuan",
                "balance_by_region_yuan", "admissions", "discharges", "outpatient_visits", "cost_per_case_yuan",
                "mean_los_days", "cmi", "oop_share", "dip_point_value_yuan", "violations", "fund_loss_yuan",
                "recovered_yuan", "drug_spending_yuan", "mean_wait_days"),
    "hospitals": ("cases", "revenue_yuan", "cost_yuan", "margin", "settlement_yuan", "inpatient_fund_yuan",
                  "bed_occupancy", "mean_wait_days", "time_index", "cost_index", "dip_points", "dip_clearing_yuan",
                  "retained_surplus_yuan", "special_cases", "contracts", "referrals_up", "vbp_retained_savings_yuan"),
    "groups": ("cases",),
}
RELATIVE = 1e-12
SKIP_RETURN_CODE = 77  # CTest: the test is skipped (no h5py)


def shipped_cases():
    out = []
    for folder in SHIPPED:
        for name in sorted(os.listdir(os.path.join(SOURCE, folder))):
            if name.endswith(".yaml"):
                out.append(os.path.join(folder, name))
    return out


def golden_path(case):
    folder, name = os.path.split(case)
    return os.path.join(GOLDEN, os.path.basename(folder), os.path.splitext(name)[0] + ".txt")


SAMPLED_DESIGN = re.compile(r"^design:\s*[\"']?(lhs|sobol|morris)[\"']?\s*(#.*)?$", re.MULTILINE)


def case_options(case):
    """The options a case runs with beyond its own file."""
    options = ["--replicates", "1", "--threads", "1"]
    with open(os.path.join(SOURCE, case)) as f:
        if SAMPLED_DESIGN.search(f.read()):
            options += ["--samples", "2"]
    return options


def run_case(binary, case, workdir):
    out = os.path.join(workdir, "out.h5")
    command = [binary, "run", os.path.join(SOURCE, case), "-o", out, "--quiet"] + case_options(case)
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit("golden: %s failed (exit %d):\n%s" % (" ".join(command), done.returncode, done.stderr))
    return out


def selected_datasets(h5):
    """(path, units, per-run rows) of every dataset the golden file keeps, in a fixed order."""
    import h5py
    out = []
    for group in sorted(h5.keys()):
        if group not in WHOLE_GROUPS and group not in SERIES:
            continue
        for name in sorted(h5[group].keys()):
            if group in SERIES and name not in SERIES[group]:
                continue
            if not isinstance(h5[group].get(name, getlink=True), h5py.HardLink):
                continue  # a coordinate linked in from /runs or the root (kept once, where it is stored)
            d = h5[group][name]
            units = d.attrs.get("units", "")
            units = units.decode() if isinstance(units, bytes) else str(units)
            data = d[()]
            fill = d.attrs.get("_FillValue")
            if data.dtype.kind in "iu" and fill is not None:
                # A count a run did not produce is stored as its integer fill value: compared as NaN.
                missing = data == fill.reshape(-1)[0]
                data = data.astype(float)
                data[missing] = float("nan")
            out.append(("%s/%s" % (group, name), units, [data[r].reshape(-1).tolist() for r in range(data.shape[0])]))
    return out


def number_text(v):
    if math.isnan(v):
        return "nan"
    if v == int(v) and abs(v) < 2 ** 53:
        return str(int(v))
    return repr(v)  # shortest text that reads back to the same double


def write_golden(case, datasets):
    path = golden_path(case)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        sampled = ", --samples 2" if "--samples" in case_options(case) else ""
        f.write("# golden outputs of %s (1 replicate, 1 thread%s); regenerate with scripts/update-golden\n" %
                (case, sampled))
        for name, units, rows in datasets:
            for r, row in enumerate(rows):
                f.write("%s [run %d] %s: %s\n" % (name, r, units or "-", " ".join(number_text(v) for v in row)))


def parse_golden(case):
    """{(dataset, run): (units, [values])} of a golden file."""
    table = {}
    with open(golden_path(case)) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            head, values = line.rstrip("\n").split(": ", 1)
            name, rest = head.split(" [run ", 1)
            run, units = rest.split("] ", 1)
            table[(name, int(run))] = (units, [float(v) for v in values.split()])
    return table


def equal(units, expected, actual):
    if math.isnan(expected) or math.isnan(actual):
        return math.isnan(expected) and math.isnan(actual)
    if units == "yuan":
        return round(expected * 100) == round(actual * 100)
    if expected == int(expected):
        return expected == actual
    return abs(expected - actual) <= RELATIVE * max(abs(expected), abs(actual))


def compare(case, datasets):
    golden = parse_golden(case)
    problems = []
    seen = set()
    for name, units, rows in datasets:
        for r, row in enumerate(rows):
            key = (name, r)
            seen.add(key)
            if key not in golden:
                problems.append("%s run %d: not in the golden file" % key)
                continue
            gold_units, expected = golden[key]
            if len(expected) != len(row):
                problems.append("%s run %d: %d values, golden has %d" % (name, r, len(row), len(expected)))
                continue
            bad = [i for i, (e, a) in enumerate(zip(expected, row)) if not equal(gold_units, e, a)]
            if bad:
                i = bad[0]
                problems.append("%s run %d: %d of %d values differ; first at index %d: golden %r, now %r" %
                                (name, r, len(bad), len(row), i, expected[i], row[i]))
    for key in sorted(set(golden) - seen):
        problems.append("%s run %d: in the golden file but no longer written" % key)
    return problems


def selftest():
    """The comparison rules on constructed values: each must accept what it should and refuse what it should not."""
    cases = [
        ("yuan", 1234.56, 1234.5600000001, True),   # same fen
        ("yuan", 1234.56, 1234.57, False),          # one fen apart
        ("cases", 12345, 12345, True),
        ("cases", 12345, 12345.000001, False),      # a count is exact
        ("ratio", 0.123456789, 0.123456789 * (1 + 5e-13), True),
        ("ratio", 0.123456789, 0.123456789 * (1 + 5e-12), False),
        ("ratio", float("nan"), float("nan"), True),
        ("ratio", float("nan"), 0.0, False),
        ("ratio", 0.5, float("nan"), False),
    ]
    wrong = [c for c in cases if equal(c[0], c[1], c[2]) != c[3]]
    for units, expected, actual, want in wrong:
        print("golden selftest: equal(%r, %r, %r) should be %s" % (units, expected, actual, want))
    text = [number_text(v) for v in (3.0, 0.1 + 0.2, float("nan"), 1e20, 1.0000000000000022)]
    if text != ["3", "0.30000000000000004", "nan", "1e+20", "1.0000000000000022"]:
        print("golden selftest: number_text gave", text)
        return 1
    if not wrong:
        print("golden selftest: %d comparison rules hold" % len(cases))
    return 1 if wrong else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=("check", "regenerate", "selftest"))
    parser.add_argument("--binary", required=True)
    parser.add_argument("cases", nargs="*")
    args = parser.parse_intermixed_args()
    if args.mode == "selftest":
        return selftest()
    try:
        import h5py
    except ImportError:
        print("golden: Debian's python3-h5py is not installed; skipped")
        return SKIP_RETURN_CODE
    cases = [os.path.relpath(os.path.abspath(c), SOURCE) for c in args.cases] or shipped_cases()
    failed = 0
    for case in cases:
        with tempfile.TemporaryDirectory() as workdir:
            with h5py.File(run_case(args.binary, case, workdir), "r") as h5:
                datasets = selected_datasets(h5)
        if args.mode == "regenerate":
            write_golden(case, datasets)
            print("golden: wrote", os.path.relpath(golden_path(case), SOURCE))
            continue
        if not os.path.exists(golden_path(case)):
            print("golden: %s has no golden file %s (run scripts/update-golden)" % (case, golden_path(case)))
            failed += 1
            continue
        problems = compare(case, datasets)
        if problems:
            failed += 1
            print("golden: %s differs from %s:" % (case, os.path.relpath(golden_path(case), SOURCE)))
            for p in problems[:40]:
                print("  " + p)
            if len(problems) > 40:
                print("  … and %d more" % (len(problems) - 40))
        else:
            print("golden: %s matches" % case)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
