"""Results files are netCDF-4 compatible: every group opens in xarray (h5netcdf and netCDF4 engines) with named
dimensions, the axes' labels and the run coordinates attached, and CF attributes on every variable."""
import h5py
import numpy as np
import pytest
import xarray as xr


def groups(path):
    names = [None]
    with h5py.File(path, "r") as f:
        f.visititems(lambda n, o: names.append(n) if isinstance(o, h5py.Group) else None)
    return names


@pytest.mark.parametrize("engine", ["h5netcdf", "netcdf4"])
@pytest.mark.parametrize("which", ["comparison", "sampled"])
def test_every_group_opens_with_named_dimensions(request, which, engine):
    path = request.getfixturevalue(which)["path"]
    opened = 0
    for group in groups(path):
        with xr.open_dataset(path, group=group, engine=engine) as ds:
            anonymous = [d for d in ds.dims if str(d).startswith(("phony_dim", "dim_"))]
            assert not anonymous, "%s: anonymous dims %s" % (group, anonymous)
            opened += 1
    assert opened > 10


def test_per_run_groups_carry_the_run_coordinates_and_axis_labels(comparison):
    path = comparison["path"]
    with h5py.File(path, "r") as f:
        hospitals = [h.decode() for h in f["hospital"][()]]
        arms = [a.decode() for a in f["runs/arm"][()]]
        years = [y.decode() for y in f["year"][()]]
    with xr.open_dataset(path, group="hospitals", engine="h5netcdf") as ds:
        assert ds["cmi"].dims == ("run", "hospital", "year")
        assert list(ds["hospital"].values) == hospitals
        assert list(ds["year"].values) == years
        assert list(ds["arm"].values) == arms
        for name in ("arm", "replicate", "point"):
            assert name in ds.coords and ds[name].dims == ("run",)
        # Labelled dims are usable as such: the mean CMI by arm and hospital.
        by_arm = ds["cmi"].groupby("arm").mean("run")
        assert by_arm.sizes == {"arm": 2, "hospital": len(hospitals), "year": len(years)}
    with xr.open_dataset(path, group="monthly", engine="netcdf4") as ds:
        assert ds["balance_yuan"].dims == ("run", "month")
        assert ds.sizes["run"] == 12


def test_every_variable_has_cf_attributes(comparison):
    path = comparison["path"]
    with h5py.File(path, "r") as f:
        missing, fills = [], []

        def visit(name, obj):
            if not isinstance(obj, h5py.Dataset):
                return
            if "units" not in obj.attrs or "description" not in obj.attrs:
                missing.append(name)
            if obj.attrs.get("description") and obj.attrs.get("long_name") != obj.attrs.get("description"):
                missing.append(name + " (long_name)")
            if obj.dtype.kind == "f":
                fill = obj.attrs.get("_FillValue")
                if fill is None or not np.isnan(fill).all() or obj.attrs["_FillValue"].dtype != obj.dtype:
                    fills.append(name)
        f.visititems(visit)
    assert not missing and not fills, (missing, fills)
    with xr.open_dataset(path, group="summary", engine="h5netcdf") as ds:
        assert ds["fund_balance_end_yuan"].attrs["units"] == "yuan"
        assert ds["fund_balance_end_yuan"].attrs["long_name"]


def test_axes_keep_their_older_names(comparison):
    with h5py.File(comparison["path"], "r") as f:
        assert isinstance(f.get("axes/month", getlink=True), h5py.SoftLink)
        assert list(f["axes/month"][()]) == list(f["month"][()])


def test_counts_are_integers_with_a_fill_value(comparison):
    with h5py.File(comparison["path"], "r") as f:
        for path in ("monthly/admissions", "hospitals/cases", "years/insured", "runs/events", "summary/admissions"):
            assert f[path].dtype == np.int64, path
            assert f[path].attrs["_FillValue"].dtype == np.int64
        assert f["monthly/balance_yuan"].dtype == np.float64
        assert f["summary/mortality_proxy"].dtype == np.float64  # expected deaths: not a count
    with xr.open_dataset(comparison["path"], group="monthly", engine="h5netcdf") as ds:
        assert float(ds["admissions"].sum()) > 0
