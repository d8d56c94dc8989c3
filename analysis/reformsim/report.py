"""The HTML report of a results file: one self-contained page (figures embedded as PNG) with the experiment, its
arms, the headline table with CIs and paired differences, and the figures the file has data for.

    PYTHONPATH=analysis /usr/bin/python3 -m reformsim report results/reform_comparison.h5 -o report.html
"""
import base64
import html
import io
import os
import tempfile

import matplotlib.pyplot as plt

from . import plots
from .compare import arm_means, paired_differences
from .formatting import format_estimate

STYLE = """
body { font-family: 'DejaVu Sans', 'Noto Sans CJK SC', sans-serif; margin: 2em auto; max-width: 1100px;
       color: #222; line-height: 1.45; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { font-size: 1.2em; margin-top: 2em;
     border-bottom: 1px solid #ccc; padding-bottom: 0.2em; }
table { border-collapse: collapse; font-size: 0.85em; margin: 0.8em 0; }
th, td { border: 1px solid #ddd; padding: 0.25em 0.6em; text-align: right; white-space: nowrap; }
th:first-child, td:first-child { text-align: left; } th { background: #f3f3f3; }
td.paired { background: #f7fbff; } td.text, th.text { text-align: left; white-space: normal; } .note { color: #555; font-size: 0.9em; } img { max-width: 100%; }
code { background: #f3f3f3; padding: 0 0.2em; }
"""


def _figure_html(fig, alt):
    if fig is None:
        return ""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=96, bbox_inches="tight")
    plt.close(fig)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return '<img alt="%s" src="data:image/png;base64,%s">\n' % (html.escape(alt), data)


def _arm_descriptions(results):
    """{arm: description} from the experiment text stored in the file (python3-yaml), when it parses."""
    try:
        import yaml
        spec = yaml.safe_load(results.meta("experiment_text", "") or "") or {}
        return {a.get("name"): a.get("description", "") for a in spec.get("arms", []) if isinstance(a, dict)}, \
            spec.get("description", "")
    except Exception:  # an unreadable text only costs the descriptions
        return {}, ""


def _hospital_tiers(results):
    """Each hospital's tier from the first validated scenario stored in the file, or None."""
    try:
        import yaml
        scenarios = results.meta("scenarios", [])
        first = scenarios if isinstance(scenarios, str) else scenarios[0]
        hospitals = (yaml.safe_load(first) or {}).get("hospitals", [])
        tiers = [str(h.get("tier", "?")) for h in hospitals]
        return tiers if len(tiers) == len(results.labels("hospital")) else None
    except Exception:
        return None


def _headline_section(results):
    headline = results.headline
    if not headline:
        return ""
    reference = results.reference_arm
    others = [a for a in results.arms if a != reference]
    levels0 = arm_means(results, headline[0][0])
    points = list(dict.fromkeys(levels0["point"])) or [None]
    out = []
    for point in points:
        title = ""
        if point is not None and (len(points) > 1 or results.parameters()):
            runs = results.runs
            example = runs[runs["point"] == point].iloc[0]
            title = "<h3>grid point %d: %s</h3>" % (point, ", ".join(
                "%s = %s" % (html.escape(p), html.escape(str(example[p]))) for p in results.parameters()))
        rows = ["<tr><th>metric</th>" + "".join("<th>%s</th>" % html.escape(a) for a in results.arms) + "</tr>"]
        paired_rows = ["<tr><th>metric</th>" + "".join(
            "<th>%s − %s</th>" % (html.escape(a), html.escape(reference)) for a in others) + "</tr>"]
        for metric, label in headline:
            units = results.units(metric)
            levels = arm_means(results, metric)
            diffs = paired_differences(results, metric)
            cells, paired_cells = [], []
            for arm in results.arms:
                r = levels[(levels["arm"] == arm) & ((levels["point"] == point) if point is not None else True)]
                cells.append("<td>%s</td>" % (format_estimate(r["mean"].iloc[0], r["half_width"].iloc[0], units)
                                              if len(r) else "-"))
            for arm in others:
                r = diffs[(diffs["arm"] == arm) & ((diffs["point"] == point) if point is not None else True)]
                paired_cells.append('<td class="paired">%s</td>' % (format_estimate(
                    r["mean"].iloc[0], r["half_width"].iloc[0], units, True) if len(r) else "-"))
            rows.append("<tr><td>%s</td>%s</tr>" % (html.escape(label), "".join(cells)))
            paired_rows.append("<tr><td>%s</td>%s</tr>" % (html.escape(label), "".join(paired_cells)))
        out.append(title + "<h3>By arm</h3><table>\n%s\n</table>" % "\n".join(rows))
        if others:
            out.append("<h3>Paired differences against %s</h3><table>\n%s\n</table>"
                       % (html.escape(reference), "\n".join(paired_rows)))
    counts = sorted(set(int(n) for n in levels0["n"]))
    over = ("%d runs per arm" % counts[0]) if len(counts) == 1 else ("%d to %d runs per arm" % (counts[0], counts[-1]))
    pooled = (" The %s design's %s points are pooled: each cell is the mean over the design's distribution of the "
              "parameters, its interval includes their spread." % (results.meta("design"), results.meta("design_points"))
              if levels0["point"].isna().all() else "")
    return ('<h2 id="headline">Headline results</h2>\n<p class="note">Final-year flows; mean ± 95%% Student-t CI '
            'over %s (complete runs); paired differences by replicate (common random numbers), as <code>reformsim '
            'run</code> prints them.%s</p>\n%s' % (over, pooled, "\n".join(out)))


def build_report(results):
    """The report's HTML text."""
    sections = []
    arms, description = _arm_descriptions(results)
    name = results.experiment_name or os.path.basename(results.path)
    runs = results.runs
    head = ["<h1>%s</h1>" % html.escape(name)]
    if description:
        head.append("<p>%s</p>" % html.escape(description))
    facts = [("file", results.path)] + ([("runs", str(len(runs)))] if len(runs) else []) + \
        [("replicates", str(results.meta("replicates", "")))]
    design = results.meta("design", None)
    if design:
        points = results.meta("design_points", 0)
        facts.append(("design", "%s, %s point%s" % (design, points, "" if points == 1 else "s")))
    if results.parameters():
        facts.append(("varied", ", ".join(results.parameters())))
    facts.append(("reformsim", "%s (%s)" % (results.meta("tool_version", ""), results.meta("git_revision", ""))))
    if results.meta("created_utc"):
        facts.append(("written", str(results.meta("created_utc"))))
    failed = int((runs["status"] != "complete").sum()) if "status" in runs else 0
    if failed:
        facts.append(("failed runs", "%d (left out of every figure and table)" % failed))
    head.append("<table>%s</table>" % "".join('<tr><th>%s</th><td class="text">%s</td></tr>' % (html.escape(k), html.escape(v))
                                               for k, v in facts))
    if results.arms:
        head.append('<h2 id="arms">Arms</h2><table><tr><th>arm</th><th class="text">description</th></tr>%s</table>' % "".join(
            '<tr><td>%s%s</td><td class="text">%s</td></tr>' % (html.escape(a), " (reference)" if a == results.reference_arm
                                                  else "", html.escape(arms.get(a, "") or "")) for a in results.arms))
    sections.append("\n".join(head))
    sections.append(_headline_section(results))

    def figure(anchor, title, fig, note=""):
        if fig is not None:
            sections.append('<h2 id="%s">%s</h2>\n%s%s' % (anchor, html.escape(title),
                                                           '<p class="note">%s</p>' % note if note else "",
                                                           _figure_html(fig, title)))

    forest, wide = plots.forest(results)
    figure("forest", "Paired differences at a glance (against %s)" % results.reference_arm, forest,
           "Each arm minus the reference arm, paired by replicate, as a share of the reference arm's mean (95%% CI)."
           "%s" % (" Left out, their interval wider than ±100%% of a mean near zero: %s (see the table)."
                   % html.escape(", ".join(wide)) if wide else ""))
    figure("fund", "The fund: balance and months of reserve",
           plots.series_by_arm(results, ["monthly/balance_yuan", "monthly/months_of_reserve"], "Fund"),
           "Dashed: zero balance; six months of reserve.")
    if results.has("projection"):
        figure("deficit", "Year of first deficit and depletion",
               plots.series_by_arm(results, ["years/balance_end_yuan", "years/months_of_reserve_end"],
                                   "Year-end balance"),
               "A run's year of depletion is in /summary/year_of_depletion; the fund projection's probabilities "
               "are in /projection/p_by_year.")
        p = results.projection()
        if p is not None:
            sections.append(_depletion_table(results))
    figure("care", "Cost per case, length of stay, case mix and out-of-pocket share",
           plots.series_by_arm(results, ["years/cost_per_case_yuan", "years/mean_los_days", "years/cmi",
                                         "years/oop_share"], "Care by year"))
    figure("margins", "Hospital margins by tier", plots.margins_by_tier(results, _hospital_tiers(results)))
    audit = "supervision.audit_cases_per_year"
    if audit in results.parameters() and results.has("summary/violations"):
        figure("audits", "Violations and fund loss by audit budget",
               plots.by_parameter(results, ["summary/violations", "summary/fund_loss_yuan",
                                            "summary/recovered_yuan"], audit))
    figure("gaming", "Gaming and audits over time",
           plots.series_by_arm(results, ["years/violations", "years/fund_loss_yuan"], "Gaming")
           if _nonzero(results, "years/violations") else None)
    if _nonzero(results, "procurement/spend_yuan"):
        figure("procurement", "Volume-based procurement: prices and completion", _procurement(results))
    if _nonzero(results, "hospitals/contracts"):
        figure("primary-care", "Primary care: contracts and referrals",
               _hospital_sums(results, ["hospitals/contracts", "hospitals/referrals_up", "hospitals/referrals_down"]))
    sens = results.sensitivity()
    figure("sensitivity", "Sensitivity indices", plots.sensitivity_bars(sens),
           "Bars: estimates; whiskers: 95% percentile-bootstrap intervals.")
    discovery = results.discovery()
    if discovery:
        figure("discovery", "Scenario discovery (PRIM)", plots.prim_trajectory(discovery))
        sections.append(_box_table(discovery))
    targets = results.fit_targets()
    figure("calibration", "Calibration: targets against the best trial", plots.calibration_fit(targets))
    if targets is not None and not targets.empty:
        sections.append(_targets_table(targets))
    body = "\n".join(s for s in sections if s)
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>%s — reformsim report</title>'
            '<style>%s</style></head><body>\n%s\n</body></html>\n' % (html.escape(name), STYLE, body))


def _nonzero(results, path):
    if not results.has(path):
        return False
    import numpy as np
    v = results.values(path)
    return bool(np.isfinite(v).any() and np.nanmax(np.abs(v)) > 0)


def _procurement(results):
    import numpy as np
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.4))
    drugs, cycles = results.labels("drug"), results.labels("cycle")
    runs = results.runs
    for ax, path, scale, label in ((axes[0], "procurement/mean_price_yuan", 1, "yuan/unit"),
                                   (axes[1], "procurement/completion", 100, "% of agreed volume")):
        v = results.values(path) * scale  # run, drug, cycle
        for arm in results.arms:
            rows = v[[runs.index.get_loc(r) for r in runs.index[runs["arm"] == arm]]]
            for d, drug in enumerate(drugs):
                ax.plot(range(len(cycles)), np.nanmean(rows[:, d, :], axis=0), marker="o",
                        label="%s, %s" % (arm, drug))
        ax.set_xticks(range(len(cycles)))
        ax.set_xticklabels([str(c) for c in cycles])
        ax.set_xlabel("procurement cycle")
        ax.set_ylabel(label)
        ax.set_title(plots.label(results.long_name(path))[:60], fontsize=9)
    plots._legend(axes[0], fontsize=7, frameon=False)
    fig.tight_layout()
    return fig


def _hospital_sums(results, paths):
    import numpy as np
    paths = [p for p in paths if results.has(p)]
    runs = results.runs
    years = results.labels("year")
    fig, axes = plt.subplots(1, len(paths), figsize=(4.4 * len(paths), 3.3), squeeze=False)
    for ax, path in zip(axes[0], paths):
        total = np.nansum(results.values(path), axis=1)  # run, year
        for arm in results.arms:
            rows = total[[runs.index.get_loc(r) for r in runs.index[runs["arm"] == arm]]]
            plots._band(ax, np.arange(len(years)), rows, arm, None)
        ax.set_xticks(range(len(years)))
        ax.set_xticklabels([str(y) for y in years], fontsize=8)
        ax.set_title(plots.label(results.long_name(path))[:55] + " (all units)", fontsize=9)
        ax.set_ylabel(results.units(path))
    plots._legend(axes[0][0], fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


def _depletion_table(results):
    import h5py
    with h5py.File(results.path, "r") as f:
        if "projection/p_by_year" not in f:
            return ""
        groups = [g.decode() if isinstance(g, bytes) else str(g) for g in f["projection/groups"][()]]
        years = results.labels("year")
        rows = []
        for name in f["projection/p_by_year"]:
            d = f["projection/p_by_year"][name]
            label = d.attrs.get("long_name", name)
            label = label.decode() if isinstance(label, bytes) else str(label)
            rows.append("<tr><th colspan=%d>%s</th></tr>" % (len(years) + 1, html.escape(label.split(" [")[0])))
            for g, group in enumerate(groups):
                rows.append("<tr><td>%s</td>%s</tr>" % (html.escape(group), "".join(
                    "<td>%s</td>" % format_estimate(v, units="fraction") for v in d[g, :len(years)])))
    header = "<tr><th></th>%s</tr>" % "".join("<th>%s</th>" % html.escape(str(y)) for y in years)
    return "<table>%s%s</table>" % (header, "".join(rows))


def _targets_table(targets):
    rows = "".join(
        '<tr><td>%s</td><td class="text">%s</td><td>%s</td><td>%s</td><td class="text">%s</td></tr>' % (
            html.escape(t["target"]), html.escape(t["kind"]),
            format_estimate(t["value"], t["tolerance"]) if t["value"] == t["value"] else "direction",
            format_estimate(t["simulated"], t["half_width"]), html.escape(t["metric"]))
        for _, t in targets.iterrows())
    return ('<table><tr><th>target</th><th class="text">kind</th><th>value ± tolerance</th>'
            '<th>simulated ± 95%% CI</th><th class="text">metric</th></tr>%s</table>' % rows)


def _box_table(discovery):
    rows = []
    for _, r in discovery["box"].iterrows():
        if r["restricted"]:
            kept = r["categories"].replace("\n", ", ") if r["categories"] else "%g – %g" % (r["low"], r["high"])
            rows.append("<tr><td>%s</td><td>%s</td></tr>" % (html.escape(r["factor"]), html.escape(kept)))
    free = [r["factor"] for _, r in discovery["box"].iterrows() if not r["restricted"]]
    return ('<p>Chosen box: coverage %.0f%%, density %.0f%% (base rate %.0f%%).</p><table><tr><th>factor</th>'
            '<th>kept</th></tr>%s</table><p class="note">Left free: %s</p>' % (
                100 * discovery["coverage"], 100 * discovery["density"], 100 * discovery["base_density"],
                "".join(rows), html.escape(", ".join(free) or "none")))


def write_report(results, output=None):
    """Writes the report next to the results (RESULTS.html) or to `output`, atomically; returns its path."""
    output = output or os.path.splitext(results.path)[0] + ".html"
    text = build_report(results)
    folder = os.path.dirname(os.path.abspath(output))
    handle, temporary = tempfile.mkstemp(prefix=".report-", suffix=".html", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as f:
            f.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, output)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise
    return output
