"""The analysis package reads every output family as tidy tables and xarray Datasets, with arms and parameters
attached."""
import math

import numpy as np
import pandas as pd

import reformsim


def test_runs_table_has_arms_points_replicates_and_parameters(comparison):
    with reformsim.open_results(comparison["path"]) as r:
        runs = r.runs
        assert list(runs.index) == list(range(12))
        assert set(runs["arm"]) == {"ffs", "drg"}
        assert sorted(runs["supervision.audit_cases_per_year"].unique()) == [0.0, 600.0]
        assert (runs["status"] == "complete").all()
        assert r.reference_arm == "ffs" and r.arms == ["ffs", "drg"]
        assert r.parameters() == ["supervision.audit_cases_per_year"]


def test_every_family_reads_as_a_tidy_table(comparison):
    with reformsim.open_results(comparison["path"]) as r:
        assert {"summary", "monthly", "years", "hospitals", "groups", "supervision"} <= set(r.families())
        for family in r.families():
            by_dims = {}
            for metric in r.metrics(family):
                by_dims.setdefault(r.dims(family + "/" + metric), []).append(metric)
            for dims, metrics in by_dims.items():
                table = r.table(family, metrics)
                assert {"run", "arm", "point", "replicate", "supervision.audit_cases_per_year"} <= set(table.columns)
                assert set(dims[1:]) <= set(table.columns), (family, dims)
                for metric in metrics:
                    data = r.values(family + "/" + metric)
                    assert len(table) == data.size, (family, metric)
                    np.testing.assert_array_equal(table[metric].to_numpy(), data.reshape(-1))


def test_three_dimensional_metrics_keep_their_labels(comparison):
    with reformsim.open_results(comparison["path"]) as r:
        table = r.table("hospitals", ["cmi", "margin"])
        hospitals = r.dataset("hospitals")["hospital"].values
        assert set(table["hospital"]) == set(hospitals)
        assert table["year"].nunique() == 2
        assert len(table) == 12 * len(hospitals) * 2


def test_dataset_attaches_parameters_to_the_run_axis(comparison):
    with reformsim.open_results(comparison["path"]) as r:
        ds = r.dataset("summary")
        assert ds["supervision.audit_cases_per_year"].dims == ("run",)
        assert ds["arm"].dims == ("run",)


def test_sensitivity_and_discovery_read_back(sampled):
    with reformsim.open_results(sampled["path"]) as r:
        s = r.sensitivity()
        assert set(s["metric"]) == {"summary/months_of_reserve_end", "summary/cost_per_case_yuan"}
        assert set(s["factor"]) == {"fund.wage_growth", "payment.drg.base_rate_yuan"}
        assert {"SRRC", "PRCC"} <= set(s["index"])
        assert np.isfinite(s["estimate"]).all()
        d = r.discovery()
        assert d["where"].startswith("summary/months_of_reserve_end <")
        assert 0 <= d["coverage"] <= 1 and len(d["box"]) == 2
        assert r.meta("design") == "lhs"


def test_projection_reads_as_a_tidy_table(comparison):
    with reformsim.open_results(comparison["path"]) as r:
        p = r.projection()
        assert set(p["metric"]) == {"years/balance_end_yuan", "years/months_of_reserve_end"}
        assert p["quantile"].between(0, 1).all()


def test_t_quantile_matches_the_tables():
    # Student-t 97.5% quantiles (the CLI uses Boost.Math) to 12 digits.
    expected = {1: 12.7062047361747, 2: 4.30265272974946, 9: 2.26215716279820, 29: 2.04522964213270,
                1000: 1.96233908082641}
    for df, q in expected.items():
        assert math.isclose(reformsim.t_quantile(0.975, df), q, rel_tol=1e-12)
    mean, half, n = reformsim.mean_interval([1.0, 2.0, 3.0, float("nan")])
    assert (mean, n) == (2.0, 3) and math.isclose(half, 4.30265272974946 / math.sqrt(3))


def test_a_metric_with_several_values_per_run_needs_an_index(comparison):
    import pytest
    with reformsim.open_results(comparison["path"]) as r:
        with pytest.raises(ValueError, match="values per run"):
            reformsim.paired_differences(r, "years/months_of_reserve_end")
        last = reformsim.paired_differences(r, "years/months_of_reserve_end", index=(-1,))
        summary = reformsim.paired_differences(r, "summary/months_of_reserve_end")
        assert np.allclose(last["mean"], summary["mean"])
