"""Command line of the analysis package (Debian's /usr/bin/python3, PYTHONPATH=analysis):

    python3 -m reformsim table RESULTS.h5            # the headline comparison as a tidy table (CSV with --csv)
    python3 -m reformsim report RESULTS.h5 [-o report.html]   # the HTML report (what `reformsim report` runs)
"""
import argparse
import sys


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python3 -m reformsim", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    table = commands.add_parser("table", help="the headline comparison, as the run printed it, as a tidy table")
    table.add_argument("results")
    table.add_argument("--csv", action="store_true", help="write CSV to the standard output")
    report = commands.add_parser("report", help="write the self-contained HTML report of a results file")
    report.add_argument("results")
    report.add_argument("-o", "--output", help="the HTML file (default: RESULTS with .html)")
    args = parser.parse_args(argv)

    try:
        from .results import open_results
        if args.command == "report":
            from .report import write_report
    except ImportError as error:
        print("reformsim %s: a Python module is missing (%s): scripts/setup installs Debian's python3-h5py, "
              "-numpy, -pandas, -xarray, -h5netcdf and -matplotlib" % (args.command, error), file=sys.stderr)
        return 1
    try:
        results = open_results(args.results)
    except OSError as error:
        print("reformsim %s: cannot open %s: %s" % (args.command, args.results, error), file=sys.stderr)
        return 2
    if not results.has("runs") and not results.has("fit"):
        print("reformsim %s: %s is not a reformsim results file (it has neither /runs nor /fit)"
              % (args.command, args.results), file=sys.stderr)
        results.close()
        return 2
    with results:
        if args.command == "table":
            from .compare import headline_table
            frame = headline_table(results)
            if frame.empty:
                print("reformsim table: %s has no headline metrics (not written by `reformsim run`?)" % args.results,
                      file=sys.stderr)
                return 2
            if args.csv:
                frame.to_csv(sys.stdout, index=False)
            else:
                import pandas as pd
                with pd.option_context("display.width", 160, "display.max_rows", None,
                                       "display.float_format", "{:.6g}".format):
                    print(frame.to_string(index=False))
            return 0
        import os
        output = args.output or os.path.splitext(args.results)[0] + ".html"
        if os.path.exists(output) and os.path.samefile(output, args.results):
            print("reformsim report: the report would replace the results file %s: choose another -o" % output,
                  file=sys.stderr)
            return 2
        try:
            path = write_report(results, output)
        except OSError as error:
            print("reformsim report: cannot write %s: %s (nothing written)" % (output, error), file=sys.stderr)
            return 3
        except (KeyError, IndexError) as error:  # a dataset a results file has is missing
            print("reformsim report: %s is not a complete reformsim results file (missing %s); nothing written"
                  % (args.results, error), file=sys.stderr)
            return 2
        print(path)
        return 0


if __name__ == "__main__":
    sys.exit(main())
