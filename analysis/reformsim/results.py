"""A reformsim results file (`reformsim run`, `merge`, `fit`, `sensitivity`, `discover`) as pandas tables and xarray
Datasets.

    import reformsim
    r = reformsim.open_results("results/reform_comparison.h5")
    r.runs                          # one row per run: arm, point, replicate, seed, status, varied parameters
    r.table("monthly")              # tidy: one row per run and month, one column per metric, arms attached
    r.dataset("hospitals")          # xarray Dataset with dims (run, hospital, year); arm etc. are run coordinates
    reformsim.paired_differences(r, "summary/months_of_reserve_end")

Every dataset carries `units` and `long_name`; `r.units(path)` returns the former.
"""
import h5py
import numpy as np
import pandas as pd
import xarray as xr

# Groups of per-run datasets (first dimension `run`), in the order a reader meets them.
RUN_FAMILIES = ("summary", "monthly", "years", "hospitals", "groups", "supervision", "procurement", "alliances")


def _text(value):
    if isinstance(value, bytes):
        return value.decode("utf-8")
    return str(value)


def _texts(values):
    return [_text(v) for v in np.asarray(values).reshape(-1)]


def _is_own(group, name):
    """Whether `name` is stored in `group` (a hard link), not another name of an object stored elsewhere."""
    return isinstance(group.get(name, getlink=True), h5py.HardLink)


class Results:
    """An open results file. Use as a context manager or call close()."""

    def __init__(self, path):
        self.path = str(path)
        self._file = h5py.File(self.path, "r")
        self._datasets = {}  # family -> the xarray Dataset, opened once
        self._runs = None

    def close(self):
        for ds in self._datasets.values():
            ds.close()
        self._datasets.clear()
        self._file.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        return "Results(%r: %d runs, arms %s)" % (self.path, len(self.runs), ", ".join(self.arms))

    # --- what the file is -------------------------------------------------------------------------------------
    def has(self, path):
        return path.strip("/") in self._file

    def meta(self, name, default=None):
        """A /meta entry: a string or number when it holds one value, else a list."""
        if "meta/" + name not in self._file:
            return default
        data = self._file["meta/" + name][()]
        values = _texts(data) if data.dtype.kind in "OSU" else data.reshape(-1).tolist()
        return values[0] if len(values) == 1 else values

    @property
    def arms(self):
        arms = self.meta("arms", [])
        return [arms] if isinstance(arms, str) else list(arms)

    @property
    def reference_arm(self):
        return self.meta("reference_arm", self.arms[0] if self.arms else None)

    @property
    def experiment_name(self):
        return self.meta("experiment_name", self.meta("fit_name", ""))

    @property
    def headline(self):
        """[(metric path, label)] of the printed summary table, in its order."""
        paths, labels = self.meta("headline_metrics", []), self.meta("headline_labels", [])
        paths = [paths] if isinstance(paths, str) else list(paths)
        labels = [labels] if isinstance(labels, str) else list(labels)
        return [(p, l) for p, l in zip(paths, labels) if self.has(p)]

    def units(self, path):
        return _text(self._file[path.strip("/")].attrs.get("units", ""))

    def long_name(self, path):
        attrs = self._file[path.strip("/")].attrs
        return _text(attrs.get("long_name", attrs.get("description", "")))

    def families(self):
        """The groups of per-run metrics this file has."""
        return [g for g in RUN_FAMILIES if g in self._file and self.metrics(g)]

    def metrics(self, family):
        """Names of the metrics stored in `family` (the run coordinates linked into it left out)."""
        group = self._file[family]
        return sorted(n for n in group if _is_own(group, n) and isinstance(group[n], h5py.Dataset)
                      and not h5py.h5ds.is_scale(group[n].id))

    # --- runs ---------------------------------------------------------------------------------------------------
    @property
    def runs(self):
        """One row per run (index `run`): arm, arm_index, point, replicate, seed, status, events and each varied
        parameter (numbers as floats, categories as strings). A copy: change it freely."""
        if self._runs is None:
            self._runs = self._read_runs()
        return self._runs.copy()

    def _read_runs(self):
        if "runs" not in self._file:
            return pd.DataFrame()
        table = {}
        group = self._file["runs"]
        for name in group:
            obj = group[name]
            if isinstance(obj, h5py.Dataset) and obj.ndim == 1:
                data = obj[()]
                table[name] = _texts(data) if data.dtype.kind in "OSU" else data
        if "param" in group:
            def visit(name, obj):
                if isinstance(obj, h5py.Dataset):
                    data = obj[()]
                    table[name] = _texts(data) if data.dtype.kind in "OSU" else data
            group["param"].visititems(visit)
        frame = pd.DataFrame(table)
        frame.index = pd.Index(frame.pop("run_id").to_numpy(), name="run")
        return frame

    def parameters(self):
        """The varied parameters' key paths (the design's factors)."""
        varied = self.meta("varied_parameters", [])
        return [varied] if isinstance(varied, str) else list(varied)

    # --- per-run metrics ------------------------------------------------------------------------------------
    def dataset(self, family):
        """The group `family` as an xarray Dataset (netCDF-4 view, h5netcdf engine): labelled dims, CF attributes;
        arm, replicate and point, and the varied parameters, as coordinates of `run`."""
        if family not in self._datasets:
            # Units of "days" stay numbers (CF decoding would turn LOS and waits into timedeltas).
            self._datasets[family] = xr.open_dataset(self.path, group=family, engine="h5netcdf",
                                                     decode_timedelta=False)
        ds = self._datasets[family]
        if "run" in ds.dims and "runs" in self._file:
            runs = self.runs
            extra = {name: ("run", runs[name].to_numpy()) for name in self.parameters() if name in runs}
            if extra:
                ds = ds.assign_coords(extra)
        return ds

    def table(self, family, metrics=None):
        """Tidy table of `family`: one row per run and label of the other dims, one column per metric (metrics of
        other dims are left to their own call: pass `metrics`), with the run's arm, point, replicate and varied
        parameters."""
        names = list(metrics) if metrics else self.metrics(family)
        if not names:
            return pd.DataFrame()
        dims = None
        chosen = []
        for name in names:
            shape_dims = self._dim_names(family + "/" + name)
            if dims is None:
                dims = shape_dims
            if shape_dims == dims:
                chosen.append(name)
            elif metrics:
                raise ValueError("%s/%s has dims %s, not %s: ask for it separately" % (family, name, shape_dims, dims))
        ds = self.dataset(family)[chosen]
        frame = ds.to_dataframe().reset_index()
        runs = self.runs.drop(columns=[c for c in ("status", "message") if c in self.runs], errors="ignore")
        keep = [c for c in ("arm", "point", "replicate") + tuple(self.parameters()) if c in runs and c not in frame]
        if keep:
            frame = frame.merge(runs[keep], left_on="run", right_index=True, how="left")
        lead = ["run"] + [c for c in ("arm", "point", "replicate") if c in frame] + \
               [c for c in self.parameters() if c in frame] + [d for d in dims[1:] if d in frame]
        return frame[lead + [c for c in frame.columns if c not in lead]]

    def values(self, path):
        """One dataset as floats; a count a run did not produce (its integer `_FillValue`) reads as NaN."""
        dataset = self._file[path.strip("/")]
        raw = dataset[()]
        values = np.asarray(raw, dtype=float)
        fill = dataset.attrs.get("_FillValue")
        if raw.dtype.kind in "iu" and fill is not None:
            values[raw == np.asarray(fill).reshape(-1)[0]] = np.nan
        return values

    def dims(self, path):
        """Names of the dimensions of a dataset ('run', 'month', ...)."""
        return self._dim_names(path.strip("/"))

    def labels(self, dim):
        """The labels along dimension `dim` (its coordinate at the root: months, years, hospital names, ...)."""
        if dim in self._file and isinstance(self._file[dim], h5py.Dataset):
            data = self._file[dim][()]
            return _texts(data) if data.dtype.kind in "OSU" else list(data)
        return []

    def _dim_names(self, path):
        ds = self._file[path]
        return tuple(_text(d[0].name).rsplit("/", 1)[-1] if len(d) else "dim_%d" % k for k, d in enumerate(ds.dims))

    # --- analyses recorded in the file ---------------------------------------------------------------------------
    def sensitivity(self):
        """Tidy table of every /sensitivity result: metric, method, index, factor, estimate, low, high, units."""
        rows = []
        if "sensitivity" not in self._file:
            return pd.DataFrame(columns=["metric", "method", "index", "factor", "estimate", "low", "high", "units"])

        def visit(name, obj):
            if isinstance(obj, h5py.Group) and "estimate" in obj:
                indices, factors = _texts(obj["indices"][()]), _texts(obj["factors"][()])
                units = _texts(obj["index_units"][()])
                est, low, high = obj["estimate"][()], obj["low"][()], obj["high"][()]
                for i, index in enumerate(indices):
                    for f, factor in enumerate(factors):
                        rows.append({"metric": _text(obj.attrs.get("metric", name)),
                                     "method": _text(obj.attrs.get("method", "")), "index": index, "factor": factor,
                                     "estimate": est[i, f], "low": low[i, f], "high": high[i, f], "units": units[i]})
        self._file["sensitivity"].visititems(visit)
        return pd.DataFrame(rows)

    def discovery(self):
        """The recorded PRIM result: {'where', 'arm', 'trajectory' (DataFrame), 'box' (DataFrame), 'chosen'} or None."""
        if "discovery" not in self._file:
            return None
        g = self._file["discovery"]
        trajectory = pd.DataFrame({k: g["trajectory"][k][()] for k in ("coverage", "density", "mass",
                                                                        "restricted_factors")})
        box = pd.DataFrame({"factor": _texts(g["box/factors"][()]), "restricted": g["box/restricted"][()] == 1,
                            "low": g["box/low"][()], "high": g["box/high"][()],
                            "categories": _texts(g["box/categories"][()])})
        return {"where": _text(g.attrs.get("where", "")), "arm": _text(g.attrs.get("arm", "")),
                "chosen": int(g["chosen"][0]), "trajectory": trajectory, "box": box,
                "coverage": float(g["box/coverage"][0]), "density": float(g["box/density"][0]),
                "base_density": float(g["base_density"][0])}

    def fit_targets(self):
        """Calibration targets of a `reformsim fit` file with the best trial's simulated mean and CI half-width."""
        if "fit" not in self._file:
            return None
        g = self._file["fit"]
        best = int(g["best_trial"][0])
        return pd.DataFrame({"target": _texts(g["targets"][()]), "metric": _texts(g["target_metric"][()]),
                             "kind": _texts(g["target_kind"][()]), "source": _texts(g["target_source"][()]),
                             "value": g["target_value"][()], "tolerance": g["target_tolerance"][()],
                             "simulated": g["trials/outcome_mean"][best, :],
                             "half_width": g["trials/outcome_ci_half_width"][best, :]})

    def projection(self):
        """Tidy table of the fund projection fans: metric, group, year, quantile, value (None without one)."""
        if "projection" not in self._file:
            return None
        g = self._file["projection"]
        groups, quantiles = _texts(g["groups"][()]), g["quantiles"][()]
        axis = next(n for n in g if _is_own(g, n) and isinstance(g[n], h5py.Dataset)
                    and n not in ("groups", "quantiles"))
        years = _texts(g[axis][()])
        rows = []

        def visit(name, obj):
            if isinstance(obj, h5py.Dataset) and obj.ndim == 3:
                data = obj[()]
                for gi, group in enumerate(groups):
                    for yi, year in enumerate(years):
                        for qi, q in enumerate(quantiles):
                            rows.append({"metric": name, "group": group, "year": year, "quantile": q,
                                         "value": data[gi, yi, qi]})
        g.visititems(visit)
        return pd.DataFrame(rows)


def open_results(path):
    """Opens a results file (close it, or use `with reformsim.open_results(p) as r:`)."""
    return Results(path)
