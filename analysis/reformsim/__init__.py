"""reformsim's analysis package: results files as pandas tables and xarray Datasets, arms compared as the command
line compares them, plots and the HTML report. Uses only numpy, pandas, xarray (h5netcdf), h5py and matplotlib.

    PYTHONPATH=analysis /usr/bin/python3
    >>> import reformsim
    >>> r = reformsim.open_results("results/reform_comparison.h5")
    >>> reformsim.headline_table(r)
"""
from .compare import arm_means, headline_table, paired_differences
from .results import RUN_FAMILIES, Results, open_results
from .stats import mean_interval, t_quantile

__all__ = ["open_results", "Results", "RUN_FAMILIES", "arm_means", "paired_differences", "headline_table",
           "mean_interval", "t_quantile"]
