"""The package's arm means and paired differences are the numbers `reformsim run` prints (to the digits printed)."""
import re

import reformsim

NUMBER = re.compile(r"^([+-]?[\d,]*\.?\d+)(bn|M|%| pp)?$")
SCALE = {"bn": 1e9, "M": 1e6, "%": 0.01, " pp": 0.01, None: 1}


def parse(text):
    """(value, half-width, resolution) of a printed cell such as '852M ± 91M', '+0.34 ± 0.13 pp', '9,776'."""
    parts = text.split(" ± ")
    unit = None
    for suffix in ("%", " pp"):
        if parts[-1].endswith(suffix):
            unit = suffix
            parts = [p[:-len(suffix)] if p.endswith(suffix) else p for p in parts]
    values = []
    bound = len(parts) > 1 and parts[1].startswith("<")  # a spread narrower than the digits shown
    parts = [p.lstrip("<") for p in parts]
    for p in parts:
        m = NUMBER.match(p.strip())
        assert m, "cannot parse %r" % text
        digits = m.group(1).replace(",", "")
        scale = SCALE[m.group(2) or unit]
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        values.append((float(digits) * scale, 0.5 * 10 ** -decimals * scale))
    value, resolution = values[0]
    half = values[1] if len(values) > 1 else (float("nan"), 0)
    if bound:  # '< b': any half-width in [0, b] prints so
        return value, half[0] / 2, max(resolution, half[0] / 2)
    return value, half[0], max(resolution, half[1])


def printed_cells(table):
    """{(grid point, label, column header): cell text} of the CLI's table (wrapped blocks joined)."""
    cells, point, header = {}, None, None
    for line in table.splitlines():
        if line.startswith("grid point "):
            point = int(line.split()[2].rstrip(":"))
        elif line.startswith("metric ("):
            header = re.split(r"\s{2,}", line.strip())
        elif header and line and not line.startswith("-") and "  " in line:
            row = re.split(r"\s{2,}", line.strip())
            if len(row) == len(header):
                for h, c in zip(header[1:], row[1:]):
                    cells[(point, row[0], h)] = c
        elif not line.strip():
            header = None
    return cells


def test_the_package_gives_the_cli_numbers(comparison):
    cells = printed_cells(comparison["table"])
    assert cells, comparison["table"]
    checked = 0
    with reformsim.open_results(comparison["path"]) as r:
        for metric, label in r.headline:
            levels = reformsim.arm_means(r, metric)
            paired = reformsim.paired_differences(r, metric)
            for _, row in levels.iterrows():
                text = cells[(row["point"], label, row["arm"])]
                if text == "-":
                    continue
                value, half, tolerance = parse(text)
                assert abs(row["mean"] - value) <= tolerance * 1.0001, (label, row["arm"], text, row["mean"])
                assert abs(row["half_width"] - half) <= tolerance * 1.0001, (label, text, row["half_width"])
                checked += 1
            for _, row in paired.iterrows():
                text = cells[(row["point"], label, "%s − %s (paired)" % (row["arm"], row["reference"]))]
                if text == "-":
                    continue
                value, half, tolerance = parse(text)
                assert abs(row["mean"] - value) <= tolerance * 1.0001, (label, text, row["mean"])
                assert abs(row["half_width"] - half) <= tolerance * 1.0001, (label, text, row["half_width"])
                checked += 1
    assert checked >= 2 * 3 * len(r.headline) - 6


def test_headline_table_is_tidy(comparison):
    with reformsim.open_results(comparison["path"]) as r:
        t = reformsim.headline_table(r)
        assert set(t["kind"]) == {"level", "paired"}
        assert set(t["arm"]) == {"ffs", "drg", "drg − ffs"}
        assert set(t["point"]) == {0, 1}
        assert len(t) == len(r.headline) * 3 * 2
