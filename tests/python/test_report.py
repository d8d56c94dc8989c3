"""`reformsim report` writes one self-contained HTML page with the sections the file has data for; headless
Chromium renders it to a screenshot that is not blank. Also: R (hdf5r) reads the labelled dimensions."""
import os
import re
import shutil
import subprocess

import numpy as np
import pytest

from conftest import SOURCE, reformsim

CHROMIUM = shutil.which("chromium")


def report(fixture, name):
    path = os.path.join(fixture["folder"], name)
    printed = reformsim("report", fixture["path"], "-o", path).strip()
    assert printed == path
    with open(path, encoding="utf-8") as f:
        return path, f.read()


def section_ids(text):
    return set(re.findall(r'<h2 id="([a-z-]+)"', text))


def test_report_of_a_comparison_has_its_sections_and_images(comparison):
    _, text = report(comparison, "report.html")
    assert {"arms", "headline", "forest", "fund", "deficit", "care", "margins", "audits"} <= section_ids(text)
    images = re.findall(r'<img alt="[^"]*" src="data:image/png;base64,([A-Za-z0-9+/=]+)"', text)
    assert len(images) >= 6 and all(len(i) > 2000 for i in images)
    # Self-contained: nothing is fetched from elsewhere.
    assert not re.search(r'(src|href)="(?!data:)', text)
    assert "drg − ffs" in text and "± " in text


def test_report_of_a_sampled_design_shows_sensitivity_and_discovery(sampled):
    _, text = report(sampled, "report.html")
    assert {"headline", "sensitivity", "discovery"} <= section_ids(text)
    assert "Left free" in text


def test_report_refuses_what_is_not_a_results_file(comparison, tmp_path):
    bad = tmp_path / "not.h5"
    bad.write_text("not HDF5")
    done = subprocess.run([os.environ.get("REFORMSIM_BINARY", os.path.join(SOURCE, "build", "reformsim")),
                           "report", str(bad), "-o", str(tmp_path / "r.html")], capture_output=True, text=True)
    assert done.returncode == 2 and "cannot open" in done.stderr
    assert not (tmp_path / "r.html").exists()


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
def test_chromium_renders_a_report_that_is_not_blank(comparison):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.image
    path, _ = report(comparison, "rendered.html")
    screenshot = os.path.join(comparison["folder"], "report.png")
    done = subprocess.run([CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           "--window-size=1200,4000", "--screenshot=" + screenshot, "file://" + path],
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0 and os.path.exists(screenshot), done.stderr
    pixels = matplotlib.image.imread(screenshot)[..., :3]
    ink = (pixels.min(axis=2) < 0.9).mean()
    # Text, tables and figures: a blank or broken page is all white (or one colour).
    assert ink > 0.03, "screenshot %s is nearly blank (%.3f of pixels inked)" % (screenshot, ink)
    assert pixels.std() > 0.05
    # Colour comes from the figures (lines and CI bands), not only from black text.
    saturation = pixels.max(axis=2) - pixels.min(axis=2)
    assert (saturation > 0.3).mean() > 0.0003
    lower = pixels[2000:]
    assert (lower.min(axis=2) < 0.9).mean() > 0.01, "the page's lower half (the figures) is blank"


@pytest.mark.skipif(shutil.which("Rscript") is None, reason="R is not installed")
def test_r_reads_labelled_dimensions(comparison):
    check = subprocess.run(["Rscript", "-e", "library(hdf5r)"], capture_output=True, text=True)
    if check.returncode != 0:
        pytest.skip("Debian's r-cran-hdf5r is not installed")
    done = subprocess.run(["Rscript", os.path.join(SOURCE, "tests", "r", "read_results.R"), comparison["path"]],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stdout + done.stderr


def test_report_of_a_file_whose_runs_all_failed(tmp_path):
    """Every run failed (the test hook REFORMSIM_FAIL_RUNS fails the listed runs): the report still says so."""
    from conftest import binary, write_city
    city = write_city(str(tmp_path), insured=2000, years=1)
    results = str(tmp_path / "failed.h5")
    env = dict(os.environ, REFORMSIM_FAIL_RUNS="0")
    done = subprocess.run([binary(), "run", city, "-o", results, "--on-error", "continue", "--quiet"],
                          capture_output=True, text=True, env=env)
    assert os.path.exists(results), done.stderr
    page = str(tmp_path / "failed.html")
    done = subprocess.run([binary(), "report", results, "-o", page], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    with open(page, encoding="utf-8") as f:
        text = f.read()
    assert "failed runs" in text and "<td>-</td>" in text


def test_report_of_a_calibration_shows_the_fit(tmp_path):
    from conftest import write_city
    write_city(str(tmp_path), insured=3000, years=2)
    fit = tmp_path / "check.fit.yaml"
    fit.write_text("name: check\nbase: city.yaml\nseed: 3\nreplicates: 2\narms:\n  - name: ffs\n  - name: drg\n"
                   "    set: {payment.switches: [{year: 2, method: drg}]}\ntargets:\n"
                   "  - {name: drg_cost, source: made up, metric: years/cost_per_case_yuan, arm: drg, year: 2,"
                   " from_year: 1, relative: true, value: -0.05, tolerance: 0.02}\n")
    results = str(tmp_path / "fit.h5")
    reformsim("fit", str(fit), "-o", results, "--best", str(tmp_path / "best.yaml"), "--quiet")
    page = str(tmp_path / "fit.html")
    assert reformsim("report", results, "-o", page).strip() == page
    with open(page, encoding="utf-8") as f:
        text = f.read()
    assert "calibration" in section_ids(text)
    assert "drg_cost" in text and "-0.050 ± 0.020" in text
