"""The JSON Schema that `reformsim schema` prints, checked against the files it describes (what an editor does).

  shipped     every YAML file under scenarios/ (city, experiments, calibration, validation) is accepted by the
              schema of its format: a fit file ends in .fit.yaml or has `targets:`, an experiment has `base:`
              (itself or through its `extends:` chain), anything else is a scenario;
  typos       hand-written mistakes (unknown keys, misspelt nested keys, wrong types, out-of-range values, unknown
              or malformed key paths in arms' `set`, `vary` and fit `parameters`, files without the keys they must
              write) are rejected, and valid variants accepted — each by the schema and by `reformsim validate`
              alike, so the two agree;
  bad-inputs  the files of tests/integration/bad_inputs whose problem a schema can see (SCHEMA_CATCHES: unknown
              keys, types, ranges, required keys, key paths) are rejected, each error located at one of the
              file's `# expect:` key paths; the others (cross-field rules, catalogues, files that do not exist,
              cycles) are accepted: their problems are the simulator's to find.

YAML is read as YAML 1.2's core schema (what editors use, and close to the simulator's own reader): `yes`/`on` are
strings, `1e5` is a number, `010` is ten, dates stay text.

Usage (Debian's /usr/bin/python3 with python3-yaml and python3-jsonschema):
  check_schema.py {shipped|typos|bad-inputs} --binary BUILD/reformsim
Exit 0 when every check passes, 1 with the failures listed, 77 (CTest: skipped) without the Python packages.
"""
import argparse
import copy
import json
import os
import re
import subprocess
import sys
import tempfile

SKIP_RETURN_CODE = 77
try:
    import jsonschema
    import yaml
except ImportError as e:  # pragma: no cover - depends on the machine
    print("check_schema: skipped (%s; install python3-jsonschema python3-yaml)" % e)
    sys.exit(SKIP_RETURN_CODE)

SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHIPPED = ("scenarios/city", "scenarios/experiments", "scenarios/calibration", "scenarios/validation")
BAD_INPUTS = os.path.join(SOURCE, "tests", "integration", "bad_inputs")
BASELINE = os.path.join(SOURCE, "scenarios", "city", "baseline.yaml")

# Bad inputs whose problem is an unknown key, a wrong type, a value out of range, a missing required key or an
# unknown key path: the schema must reject them. Every other bad input is well-formed for a schema.
SCHEMA_CATCHES = (
    "audit_budget_negative.yaml",           # range
    "behaviour_probability.yaml",           # range
    "behaviour_unknown_violation.yaml",     # unknown nested key
    "budget_growth_cap.yaml",               # range (exclusive bound)
    "dip_bad_reserve.yaml",                 # range (exclusive bound)
    "drug_without_products.yaml",           # too few list items
    "experiment_bad_keys.yaml",             # range, enum
    "experiment_bad_override.yaml",         # unknown key path in arms[].set, range of a set value
    "family_doctor_target_above_one.yaml",  # range
    "fit_bad_targets.yaml",                 # fitted key path with a list index
    "fit_unknown_metric.yaml",              # fitted key path that is no scenario key
    "missing_required.yaml",                # required key of a list item
    "out_of_range.yaml",                    # range of a list item and of a key
    "per_diem_empty_prefix.yaml",           # empty string
    "procurement_agreed_ratio.yaml",        # range
    "procurement_winning_cut.yaml",         # range
    "supervision_fine_below_one.yaml",      # range
    "unknown_key.yaml",                     # unknown nested key
    "wrong_type.yaml",                      # type
    "huge_money.yaml",                      # range (money bounds)
    "yaml_alias_location.yaml",             # range, in a value copied by an alias
)
# Not convertible to JSON: syntax errors, and the loader's limits (a recursive alias, an alias bomb that expands to
# 10^11 values, a second document, a NUL byte, nesting past 64), which reformsim refuses before any schema applies.
NOT_YAML = ("yaml_syntax.yaml", "yaml_recursive_alias.yaml", "yaml_alias_bomb.yaml", "yaml_second_document.yaml",
            "yaml_nul_byte.yaml", "yaml_too_deep.yaml", "yaml_unterminated_quote.yaml", "yaml_nested_duplicates.yaml",
            # cases of other commands (`# run:`), whose input is a CSV file
            "audit_bad_values.yaml", "settle_misspelt_column.yaml")


class CoreLoader(yaml.SafeLoader):
    """PyYAML's safe loader with YAML 1.2 core-schema scalars instead of YAML 1.1's."""


_REPLACED = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
             "tag:yaml.org,2002:timestamp"}
CoreLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag not in _REPLACED]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
CoreLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                 list("tTfF"))
CoreLoader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+0123456789."))
CoreLoader.add_constructor("tag:yaml.org,2002:bool", lambda loader, node: loader.construct_scalar(node) in
                           ("true", "True", "TRUE"))
CoreLoader.add_constructor("tag:yaml.org,2002:int", lambda loader, node: int(loader.construct_scalar(node)))
CoreLoader.add_constructor("tag:yaml.org,2002:float",
                           lambda loader, node: float(loader.construct_scalar(node).lower().replace(".inf", "inf")
                                                      .replace(".nan", "nan")))


def as_json(value):
    """A loaded YAML tree as JSON data (map keys as text)."""
    if isinstance(value, dict):
        return {k if isinstance(k, str) else json.dumps(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value


def load_yaml(path):
    with open(path, encoding="utf-8") as f:
        return as_json(yaml.load(f, Loader=CoreLoader))


def schemas(binary):
    out = {}
    for which in ("scenario", "experiment", "fit"):
        done = subprocess.run([binary, "schema", which], capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit("check_schema: %s schema %s failed:\n%s" % (binary, which, done.stderr))
        schema = json.loads(done.stdout)
        jsonschema.Draft202012Validator.check_schema(schema)  # a valid draft 2020-12 schema
        out[which] = jsonschema.Draft202012Validator(schema)
    return out


def file_format(path, document):
    """fit, experiment or scenario, from the file's name and content (following `extends:`), as the simulator
    tells them apart: a fit file has `targets` (shipped ones end in .fit.yaml), an experiment `base`."""
    if path.endswith(".fit.yaml"):
        return "fit"
    seen = set()
    while isinstance(document, dict) and path not in seen:
        if "targets" in document:
            return "fit"
        if "base" in document:
            return "experiment"
        if not isinstance(document.get("extends"), str):
            break
        seen.add(path)
        path = os.path.normpath(os.path.join(os.path.dirname(path), document["extends"]))
        if not os.path.exists(path):
            break
        document = load_yaml(path)
    return "scenario"


def describe(errors):
    return "\n".join("    %s: %s" % (dotted(e.absolute_path) or "(root)", e.message[:300]) for e in errors)


def dotted(path):
    """A jsonschema error path as the simulator writes key paths: a.b[0].c."""
    out = ""
    for part in path:
        out += "[%d]" % part if isinstance(part, int) else ("." if out else "") + part
    return out


def check_shipped(validators, failures):
    files = []
    for folder in SHIPPED:
        names = sorted(n for n in os.listdir(os.path.join(SOURCE, folder)) if n.endswith(".yaml"))
        if not names:
            failures.append("%s: no YAML files" % folder)
        files += [os.path.join(SOURCE, folder, n) for n in names]
    counts = {}
    for path in files:
        document = load_yaml(path)
        which = file_format(path, document)
        errors = list(validators[which].iter_errors(document))
        if errors:
            failures.append("%s (%s) rejected:\n%s" % (os.path.relpath(path, SOURCE), which, describe(errors)))
        else:
            counts[which] = counts.get(which, 0) + 1
    print("shipped: %d of %d files accepted (%s)" % (sum(counts.values()), len(files),
                                                      ", ".join("%d %s" % (n, w) for w, n in sorted(counts.items()))))


# A minimal valid experiment and fit file on the baseline city (the typo cases change one thing in them).
EXPERIMENT = {
    "base": BASELINE,
    "arms": [{"name": "ffs"},
             {"name": "drg", "set": {"payment.switches": [{"year": 2, "method": "drg"}]}}],
}
FIT = {
    "base": BASELINE,
    "arms": [{"name": "ffs"},
             {"name": "drg", "set": {"payment.switches": [{"year": 2, "method": "drg"}]}}],
    "parameters": {"payment.drg.base_rate_yuan": {"min": 7000, "max": 10000}},
    "targets": [{"name": "cost", "metric": "years/cost_per_case_yuan", "arm": "drg", "year": 2, "from_year": 1,
                 "relative": True, "value": -0.17, "tolerance": 0.02}],
}


def scenario(**keys):
    return dict({"extends": BASELINE}, **keys)


def experiment(arm_set=None, **keys):
    out = copy.deepcopy(EXPERIMENT)
    if arm_set is not None:
        out["arms"][1]["set"] = arm_set
    out.update(keys)
    return out


def fit(**keys):
    out = copy.deepcopy(FIT)
    out.update(keys)
    return out


# (name, format, document, accepted?)
CASES = [
    # Valid variants: both accept them.
    ("scenario extending with a nested override", "scenario",
     scenario(horizon_years=2, payment={"drg": {"base_rate_yuan": 9000}}), True),
    ("standalone scenario (no extends)", "scenario",
     {"catalogue": os.path.join(SOURCE, "scenarios", "data", "drg_catalogue.csv"),
      "population": {"insured": 20000, "regions": 1},
      "hospitals": [{"name": "Ward", "tier": 2, "beds": 10}]}, True),
    ("experiment: set by section, list, list item and leaf; vary", "experiment",
     experiment({"payment.switches": [{"year": 2, "method": "drg"}],
                 "payment.global_budget": {"mode": "growth_cap", "growth_cap": 0.03},
                 "hospitals[0].beds": 300, "fund.employer_rate": 0.07},
                vary={"payment.drg.base_rate_yuan": [8000, 9000]}), True),
    ("experiment extending a shipped experiment (base inherited)", "experiment",
     {"extends": os.path.join(SOURCE, "scenarios", "experiments", "procurement.yaml"), "replicates": 2}, True),
    ("fit file", "fit", fit(), True),
    # Scenario typos.
    ("unknown top-level key", "scenario", scenario(horizon_yaers=2), False),
    ("misspelt nested key", "scenario", scenario(payment={"drg": {"base_rate_yaun": 9000}}), False),
    ("wrong type (text for an integer)", "scenario", scenario(horizon_years="two"), False),
    ("wrong type (fraction for an integer)", "scenario", scenario(population={"insured": 2000.5}), False),
    ("wrong type (yes is no boolean)", "scenario", scenario(demand={"outpatient_enabled": "yes"}), False),
    ("out-of-range value", "scenario", scenario(fund={"employer_rate": 1.5}), False),
    ("out-of-range value (horizon 0)", "scenario", scenario(horizon_years=0), False),
    ("value not among the choices", "scenario", scenario(payment={"method": "cash"}), False),
    ("extends is not a file name", "scenario", scenario(extends=[BASELINE]), False),
    ("no extends and no catalogue/hospitals", "scenario", {"name": "nothing"}, False),
    # Experiment typos.
    ("unknown top-level key (experiment)", "experiment", experiment(replicate=2), False),
    ("unknown path in arms[].set", "experiment", experiment({"payment.methd": "drg"}), False),
    ("misspelt section in arms[].set", "experiment", experiment({"paymnet.method": "drg"}), False),
    ("set path through a list without an index", "experiment", experiment({"hospitals.beds": 300}), False),
    ("set path with a misspelt key after an index", "experiment", experiment({"hospitals[0].bed": 300}), False),
    ("set value of the wrong type", "experiment", experiment({"horizon_years": "two"}), False),
    ("set value not among the choices", "experiment", experiment({"payment.method": "cash"}), False),
    ("set value out of range", "experiment", experiment({"fund.employer_rate": 2}), False),
    ("set value out of range at a list item", "experiment", experiment({"hospitals[0].beds": 0}), False),
    ("set section missing a required key of its items", "experiment",
     experiment({"payment.switches": [{"method": "drg"}]}), False),
    ("unknown path in vary", "experiment", experiment(vary={"payment.drg.base_rate": [8000, 9000]}), False),
    ("vary value out of range", "experiment", experiment(vary={"fund.employer_rate": [0.05, 1.5]}), False),
    ("experiment without base or extends", "experiment", {"arms": [{"name": "a"}]}, False),
    # Fit typos.
    ("fitted key that is no scenario key", "fit",
     fit(parameters={"behaviour.strategy.cost_contrl_rate": {"min": 0.1, "max": 1}}), False),
    ("fitted key with a list index", "fit", fit(parameters={"hospitals[0].beds": {"min": 100, "max": 400}}), False),
    ("fitted key that is not a number", "fit", fit(parameters={"payment.method": {"min": 0, "max": 1}}), False),
]


def simulator_accepts(binary, document, workdir, name):
    path = os.path.join(workdir, re.sub(r"[^a-z0-9]+", "_", name.lower()) + ".yaml")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(document, f)  # JSON is YAML
    done = subprocess.run([binary, "validate", path], capture_output=True, text=True)
    return done.returncode == 0, (done.stdout + done.stderr).strip()


def check_typos(validators, binary, failures):
    rejected = accepted = 0
    with tempfile.TemporaryDirectory() as workdir:
        for name, which, document, valid in CASES:
            errors = list(validators[which].iter_errors(document))
            if valid and errors:
                failures.append("%s: the %s schema rejects it:\n%s" % (name, which, describe(errors)))
            elif not valid and not errors:
                failures.append("%s: the %s schema accepts it" % (name, which))
            ok, output = simulator_accepts(binary, document, workdir, name)
            if ok != valid:
                failures.append("%s: reformsim validate %s it, the schema should not be alone in %s:\n    %s"
                                % (name, "accepts" if ok else "rejects", "rejecting" if ok else "accepting",
                                   output.replace("\n", "\n    ")))
            if valid:
                accepted += 1
            else:
                rejected += 1
    print("typos: %d typo cases, %d valid variants (each by the schema and by reformsim validate)"
          % (rejected, accepted))


def expected_paths(path):
    """The `# expect:` lines of a bad input that are key paths."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"#\s*expect:\s*(.*?)\s*$", line)
            if m and re.fullmatch(r"[A-Za-z_][\w]*(?:\[\d+\])*(?:\.[A-Za-z_]\w*(?:\[\d+\])*)*", m.group(1)):
                out.append(m.group(1))
            elif m:  # "key.path: message" lines
                k = re.match(r"([A-Za-z_][\w.\[\]]*): ", m.group(1))
                if k and not k.group(1).endswith(".yaml"):
                    out.append(k.group(1))
    return out


def error_places(error):
    """The key paths an error is about: where it is, and the keys it names (unexpected, missing, misnamed)."""
    at = dotted(error.absolute_path)
    join = lambda key: at + "." + key if at else key
    places = [at]
    if error.validator == "additionalProperties" and error.validator_value is False:
        known = error.schema.get("properties", {})
        patterns = error.schema.get("patternProperties", {})
        places += [join(k) for k in error.instance
                   if k not in known and not any(re.search(p, k) for p in patterns)]
    elif error.validator == "required":
        places += [join(k) for k in error.validator_value if k not in error.instance]
    elif "propertyNames" in error.schema_path:
        places.append(join(error.instance))
    return places


def located(places, expected):
    for place in places:
        for e in expected:
            if place == e or place.endswith("." + e) or place.startswith(e + ".") or place.startswith(e + "["):
                return True
    return False


def check_bad_inputs(validators, failures):
    names = sorted(n for n in os.listdir(BAD_INPUTS) if n.endswith(".yaml"))
    for listed in SCHEMA_CATCHES + NOT_YAML:
        if listed not in names:
            failures.append("%s is listed but not in %s" % (listed, BAD_INPUTS))
    caught = passed = 0
    for name in names:
        if name in NOT_YAML:
            continue
        path = os.path.join(BAD_INPUTS, name)
        document = load_yaml(path)
        which = file_format(path, document)
        errors = list(validators[which].iter_errors(document))
        if name in SCHEMA_CATCHES:
            expected = expected_paths(path)
            if not errors:
                failures.append("%s: the %s schema accepts it" % (name, which))
                continue
            stray = [e for e in errors if not located(error_places(e), expected)]
            if stray:
                failures.append("%s: errors not at an expected key path (%s):\n%s"
                                % (name, ", ".join(expected), describe(stray)))
            caught += 1
        elif errors:
            failures.append("%s: the %s schema rejects it, though it is not in SCHEMA_CATCHES (add it?):\n%s"
                            % (name, which, describe(errors)))
        else:
            passed += 1
    print("bad-inputs: %d rejected by the schema at their expected key paths, %d left to the simulator, %d not YAML"
          % (caught, passed, len(NOT_YAML)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("check", choices=("shipped", "typos", "bad-inputs"))
    parser.add_argument("--binary", required=True, help="the built reformsim")
    args = parser.parse_args()
    validators = schemas(args.binary)
    failures = []
    if args.check == "shipped":
        check_shipped(validators, failures)
    elif args.check == "typos":
        check_typos(validators, args.binary, failures)
    else:
        check_bad_inputs(validators, failures)
    for f in failures:
        print("FAIL " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
