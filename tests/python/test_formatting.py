"""The report prints numbers as the command line does: the same cases as tests/sim/experiment/number_format_test.cpp
(and the CLI itself, through the built binary's table, in test_paired_differences.py)."""
import math

import pytest

from reformsim.formatting import format_estimate

CASES = [
    (16.66e6, 402360, "yuan", False, "16.66M ± 0.40M"),
    (2.345e9, 12e6, "yuan", False, "2.345bn ± 0.012bn"),
    (0.5e6, 2.5e6, "yuan", True, "+0.5M ± 2.5M"),
    (12345.6, 210, "yuan", False, "12,346 ± 210"),
    (987654, math.nan, "persons", False, "987,654"),
    (0.2731, 0.0042, "fraction", False, "27.31 ± 0.42%"),
    (-0.012, 0.003, "fraction", True, "-1.20 ± 0.30 pp"),
    (0.25, math.nan, "fraction", False, "25%"),
    (0.08696, 8.575e-10, "ratio", False, "0.08696 ± 0"),
    (1.0, 0.0, "", True, "+1 ± 0"),
    (9.123456, 0.37, "days", False, "9.12 ± 0.37"),
    (912.3456, 37, "days", False, "912 ± 37"),
    (9.5, math.nan, "days", False, "9.5"),
    (0, math.nan, "yuan", False, "0"),
    (999999.7, math.nan, "yuan", False, "1M"),
    (999999.7, 20000, "yuan", False, "1.000M ± 0.020M"),
    (999960000, 1e6, "yuan", False, "1.000bn ± 0.001bn"),
    (99.996, 0.02, "days", False, "100.0 ± <0.05"),
    (99.996, 0.002, "days", False, "100.0 ± <0.05"),
    (0.08696, 8.575e-12, "fraction", False, "8.696 ± 0%"),
    (1234.5, math.inf, "yuan", False, "1,234 ± inf"),
    (0.0001, 0.5, "", True, "0.00 ± 0.50"),
    (-0.0001, 0.5, "", True, "0.00 ± 0.50"),
    (0.3, 0.5, "", True, "+0.30 ± 0.50"),
]


@pytest.mark.parametrize("value,half,units,difference,expected", CASES)
def test_format_estimate(value, half, units, difference, expected):
    assert format_estimate(value, half, units, difference) == expected
