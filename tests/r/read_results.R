# Reads a reformsim results file from R with Debian's r-cran-hdf5r: every per-run metric's dimensions are named by
# its HDF5 dimension scales, so R code can label the (reversed, column-major) array without knowing the layout.
# Usage: Rscript read_results.R RESULTS.h5   (prints "ok" and exits 0 when every check holds)
suppressPackageStartupMessages(library(hdf5r))
args <- commandArgs(trailingOnly = TRUE)
f <- H5File$new(args[1], mode = "r")

dimension_names <- function(dataset) {
  refs <- dataset$attr_open("DIMENSION_LIST")$read()
  sapply(refs, function(r) basename(r$dereference(obj = f)[[1]]$get_obj_name()))
}

labelled <- function(path) {
  d <- f[[path]]
  x <- d$read()
  refs <- d$attr_open("DIMENSION_LIST")$read()
  labels <- lapply(refs, function(r) as.character(r$dereference(obj = f)[[1]]$read()))
  dimnames(x) <- rev(labels)  # R holds HDF5's row-major array with its dimensions reversed
  names(dimnames(x)) <- rev(dimension_names(d))
  x
}

stopifnot(identical(dimension_names(f[["hospitals/cmi"]]), c("run", "hospital", "year")))
stopifnot(identical(dimension_names(f[["monthly/balance_yuan"]]), c("run", "month")))
cmi <- labelled("hospitals/cmi")
stopifnot(identical(names(dimnames(cmi)), c("year", "hospital", "run")))
stopifnot(identical(dimnames(cmi)$hospital, as.character(f[["hospital"]]$read())))
balance <- labelled("monthly/balance_yuan")
months <- as.character(f[["month"]]$read())
stopifnot(identical(dimnames(balance)$month, months))
# The labels address the same numbers HDF5 stores: run 0's last month.
stopifnot(balance[months[length(months)], "0"] == f[["summary/fund_balance_end_yuan"]]$read()[1])
stopifnot(h5attr(f[["summary/fund_balance_end_yuan"]], "units") == "yuan")
arms <- f[["runs/arm"]]$read()
stopifnot(length(arms) == dim(balance)[2])
f$close_all()
cat("ok\n")
