"""End-to-end checks of durable output: kill -9 then --resume, slices then merge (also of designs resized with
--samples), the error policy, and MPI ranks.

Every check compares its result, dataset by dataset (compare_h5.py), with one uninterrupted single-threaded run of
the same small experiment. Usage:
  /usr/bin/python3 durable_runs_test.py CHECK --binary build/reformsim
CHECK is kill-resume, slices-merge, samples-merge, on-error, resume-refusals, mpi-ranks or mpi-kill-resume. The MPI checks exit 77
(skipped) with a message when mpirun is not installed or this reformsim was built without MPI.
"""
import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import compare_h5  # noqa: E402

MPIRUN = ["mpirun", "--oversubscribe", "--allow-run-as-root"]


def write_experiment(folder, insured, replicates):
    city = os.path.join(folder, "city.yaml")
    with open(city, "w") as f:
        f.write("extends: %s\nhorizon_years: 2\npopulation:\n  insured: %d\n"
                % (os.path.join(SOURCE, "scenarios/city/baseline.yaml"), insured))
    experiment = os.path.join(folder, "experiment.yaml")
    with open(experiment, "w") as f:
        f.write("name: durable\nbase: city.yaml\nseed: 11\nreplicates: %d\n"
                "vary:\n  supervision.audit_cases_per_year: [0, 1500]\n"
                "arms:\n  - name: ffs\n    set:\n      payment.method: ffs\n"
                "  - name: drg\n    set:\n      payment.switches: [{year: 2, method: drg}]\n" % replicates)
    return experiment


def run(args, env=None, check=True):
    r = subprocess.run(args, capture_output=True, text=True, env=env, timeout=600)
    if check and r.returncode != 0:
        raise AssertionError("%s exited %d:\n%s%s" % (" ".join(args), r.returncode, r.stdout, r.stderr))
    return r


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def same(a, b):
    expect(compare_h5.main(a, b) == 0, "%s differs from %s" % (b, a))


def journal_records(path):
    # Records start with the bytes "RUN1"; a run's payload matching them by chance would only make the wait shorter.
    try:
        with open(path, "rb") as f:
            return f.read().count(b"RUN1")
    except FileNotFoundError:
        return 0


def kill_after_records(command, journal, records, victim=None):
    """Starts `command`, waits until the journal holds `records` runs, then kill -9s it (or `victim(process)`)."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    deadline = time.time() + 300
    while journal_records(journal) < records:
        expect(process.poll() is None, "the run ended before it could be killed: make the experiment longer")
        expect(time.time() < deadline, "no runs finished within 300 s")
        time.sleep(0.02)
    if victim is None:
        os.killpg(process.pid, signal.SIGKILL)
    else:
        victim(process)
    process.wait(timeout=120)
    return process


def reference(binary, experiment, folder):
    whole = os.path.join(folder, "whole.h5")
    run([binary, "run", experiment, "-o", whole, "--threads", "1", "--quiet"])
    return whole


def check_kill_resume(binary, folder):
    experiment = write_experiment(folder, 20000, 10)  # 40 runs of about 0.1 s each
    whole = reference(binary, experiment, folder)
    out = os.path.join(folder, "out.h5")
    kill_after_records([binary, "run", experiment, "-o", out, "--threads", "2", "--quiet"], out + ".journal", 5)
    expect(not os.path.exists(out), "a killed run left a file under the output's name")
    expect(journal_records(out + ".journal") >= 5, "the finished runs are not in the journal")
    again = run([binary, "run", experiment, "-o", out, "--threads", "2", "--quiet"], check=False)
    expect(again.returncode == 2 and "--resume" in again.stderr,
           "a second run without --resume should refuse the journal and name --resume:\n" + again.stderr)
    resumed = run([binary, "run", experiment, "-o", out, "--threads", "2", "--resume"])
    expect("resumed:" in resumed.stdout, "the summary does not say the run was resumed:\n" + resumed.stdout)
    expect(not os.path.exists(out + ".journal"), "the journal outlived the finished file")
    same(whole, out)
    done = run([binary, "run", experiment, "-o", out, "--resume"])
    expect("nothing to resume" in done.stdout, "resuming a complete file should do nothing:\n" + done.stdout)
    same(whole, out)


def check_slices_merge(binary, folder):
    experiment = write_experiment(folder, 3000, 3)  # 12 runs
    whole = reference(binary, experiment, folder)
    parts = [os.path.join(folder, n) for n in ("a.h5", "b.h5", "c.h5", "d.h5")]
    run([binary, "run", experiment, "-o", parts[0], "--runs", "0:5", "--quiet"])
    run([binary, "run", experiment, "-o", parts[1], "--runs", "5:6", "--threads", "1", "--quiet"])
    run([binary, "run", experiment, "-o", parts[2], "--shard", "2/2", "--quiet"])
    merged = os.path.join(folder, "merged.h5")
    run([binary, "merge", merged, parts[2], parts[0], parts[1], "--quiet"])  # any order
    same(whole, merged)
    # A gap, an overlap, a part of another experiment: refused, and nothing written.
    for bad, says in (([parts[0], parts[2]], "no part holds runs 5:6"),
                      ([parts[0], parts[1], parts[1], parts[2]], "overlaps"),
                      ([parts[0], parts[1]], "no part holds runs 6:12")):
        target = os.path.join(folder, "bad.h5")
        r = run([binary, "merge", target] + bad, check=False)
        expect(r.returncode == 2 and says in r.stderr, "merge of %s: expected '%s', got:\n%s" % (bad, says, r.stderr))
        expect(not os.path.exists(target), "a refused merge left " + target)
    os.makedirs(os.path.join(folder, "other"))
    other = write_experiment(os.path.join(folder, "other"), 3001, 3)
    run([binary, "run", other, "-o", parts[3], "--shard", "2/2", "--quiet"])
    r = run([binary, "merge", os.path.join(folder, "bad.h5"), parts[0], parts[1], parts[3]], check=False)
    expect(r.returncode == 2 and "not a part of the same experiment" in r.stderr, r.stderr)


def check_samples_merge(binary, folder):
    """Parts of a design resized with --samples merge into the run of the same size, and only of that size."""
    experiment = write_experiment(folder, 3000, 1)
    with open(experiment) as f:
        text = f.read().replace("vary:\n  supervision.audit_cases_per_year: [0, 1500]\n",
                                "design: sobol\nsamples: 64\nranges:\n  supervision.audit_cases_per_year: "
                                "{min: 0, max: 2000, integer: true}\n")
    with open(experiment, "w") as f:
        f.write(text)
    whole = os.path.join(folder, "whole.h5")
    run([binary, "run", experiment, "-o", whole, "--samples", "2", "--threads", "1", "--quiet"])  # 2 × 3 × 2 runs
    parts = [os.path.join(folder, n) for n in ("a.h5", "b.h5")]
    run([binary, "run", experiment, "-o", parts[0], "--samples", "2", "--runs", "0:5", "--quiet"])
    run([binary, "run", experiment, "-o", parts[1], "--samples", "2", "--runs", "5:12", "--quiet"])
    merged = os.path.join(folder, "merged.h5")
    run([binary, "merge", merged, parts[1], parts[0], "--quiet"])
    same(whole, merged)
    # A part of another size is a part of another experiment.
    other = os.path.join(folder, "other.h5")
    run([binary, "run", experiment, "-o", other, "--samples", "4", "--runs", "5:24", "--quiet"])
    r = run([binary, "merge", os.path.join(folder, "bad.h5"), parts[0], other], check=False)
    expect(r.returncode == 2 and "not a part of the same experiment" in r.stderr,
           "merging parts of --samples 2 and 4 was not refused as parts of two experiments:\n" + r.stdout + r.stderr)


def check_on_error(binary, folder):
    experiment = write_experiment(folder, 3000, 3)
    whole = reference(binary, experiment, folder)
    env = dict(os.environ, REFORMSIM_FAIL_RUNS="3,7")
    out = os.path.join(folder, "continue.h5")
    r = run([binary, "run", experiment, "-o", out, "--on-error", "continue"], env=env, check=False)
    expect(r.returncode == 1, "failed runs must make the exit code 1, got %d" % r.returncode)
    expect("FAILED: 2 of 12 runs failed" in r.stdout, "the summary does not count the failures:\n" + r.stdout)
    import h5py
    with h5py.File(out, "r") as f:
        status = [s.decode() for s in f["runs/status"][()]]
        message = f["runs/message"][3].decode()
    expect(status.count("failed") == 2 and status[3] == "failed" and status[7] == "failed", str(status))
    expect("run 3" in message and "REFORMSIM_FAIL_RUNS" in message, message)
    # A merge of parts holding failed runs exits 1, as the run did.
    r = run([binary, "merge", os.path.join(folder, "merged.h5"), out, "--quiet"], check=False)
    expect(r.returncode == 1, "merge of a part with failed runs should exit 1, got %d: %s" % (r.returncode, r.stderr))
    # Under stop (the default) the first failure ends the run; the journal keeps the finished runs, and once the
    # cause is gone --resume completes the file exactly as an uninterrupted run.
    out = os.path.join(folder, "stop.h5")
    r = run([binary, "run", experiment, "-o", out, "--threads", "1", "--quiet"], env=env, check=False)
    expect(r.returncode == 1 and "run 3" in r.stderr and "--resume" in r.stderr, r.stderr)
    expect(not os.path.exists(out), "a stopped run left a file under the output's name")
    run([binary, "run", experiment, "-o", out, "--resume", "--quiet"])
    same(whole, out)


def check_resume_refusals(binary, folder):
    experiment = write_experiment(folder, 20000, 10)
    out = os.path.join(folder, "out.h5")
    kill_after_records([binary, "run", experiment, "-o", out, "--quiet"], out + ".journal", 2)
    with open(os.path.join(folder, "city.yaml"), "a") as f:
        f.write("# an edit: the same numbers, another file\n")
    r = run([binary, "run", experiment, "-o", out, "--resume"], check=False)
    expect(r.returncode == 2 and "was written for another experiment" in r.stderr and "city.yaml" in r.stderr,
           "a resume with a changed input must be refused and name it:\n" + r.stderr)
    r = run([binary, "run", experiment, "-o", out, "--resume", "--seed", "12"], check=False)
    expect(r.returncode == 2 and "experiment" in r.stderr, r.stderr)
    expect(journal_records(out + ".journal") >= 2, "a refused resume touched the journal")


def mpi_usable(binary):
    if shutil.which("mpirun") is None:
        print("SKIPPED: mpirun is not installed (scripts/setup installs openmpi-bin)")
        return False
    # Under mpirun, a reformsim built without MPI refuses to run before it reads its (here missing) input.
    r = run(MPIRUN + ["-np", "1", binary, "run", "/nonexistent/experiment.yaml"], check=False)
    if "built without MPI" in r.stderr:
        print("SKIPPED: this reformsim was built without MPI (REFORMSIM_MPI=OFF or no libopenmpi-dev)")
        return False
    if "nonexistent" not in r.stderr:
        print("SKIPPED: mpirun cannot start reformsim here:\n" + r.stdout + r.stderr)
        return False
    return True


def check_mpi_ranks(binary, folder):
    experiment = write_experiment(folder, 3000, 3)
    whole = reference(binary, experiment, folder)
    for ranks in (1, 2, 3):
        out = os.path.join(folder, "np%d.h5" % ranks)
        run(MPIRUN + ["-np", str(ranks), binary, "run", experiment, "-o", out, "--threads", "1", "--quiet"])
        same(whole, out)


def rank_of(pid):
    try:
        with open("/proc/%d/environ" % pid, "rb") as f:
            for item in f.read().split(b"\0"):
                if item.startswith(b"OMPI_COMM_WORLD_RANK="):
                    return int(item.split(b"=", 1)[1])
    except OSError:
        pass
    return None


def kill_a_worker_rank(process):
    ranks = subprocess.run(["pgrep", "-s", str(os.getsid(process.pid)), "-f", "reformsim run"],
                           capture_output=True, text=True).stdout.split()
    workers = [int(p) for p in ranks if rank_of(int(p)) not in (None, 0)]
    expect(workers, "no worker rank found to kill")
    os.kill(workers[0], signal.SIGKILL)


def check_mpi_kill_resume(binary, folder):
    experiment = write_experiment(folder, 20000, 10)
    whole = reference(binary, experiment, folder)
    out = os.path.join(folder, "out.h5")
    command = MPIRUN + ["-np", "2", binary, "run", experiment, "-o", out, "--threads", "1", "--quiet"]
    process = kill_after_records(command, out + ".journal", 5, victim=kill_a_worker_rank)
    expect(process.returncode != 0, "mpirun should fail when a rank is killed")
    expect(not os.path.exists(out), "a run whose rank was killed left a file under the output's name")
    run(MPIRUN + ["-np", "3", binary, "run", experiment, "-o", out, "--threads", "1", "--resume", "--quiet"])
    same(whole, out)
    # Resuming a complete file under MPI does nothing, and every rank says so with exit code 0.
    r = run(MPIRUN + ["-np", "2", binary, "run", experiment, "-o", out, "--threads", "1", "--resume"])
    expect("nothing to resume" in r.stdout, r.stdout)


CHECKS = {"kill-resume": check_kill_resume, "slices-merge": check_slices_merge,
          "samples-merge": check_samples_merge, "on-error": check_on_error,
          "resume-refusals": check_resume_refusals, "mpi-ranks": check_mpi_ranks,
          "mpi-kill-resume": check_mpi_kill_resume}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("check", choices=sorted(CHECKS))
    parser.add_argument("--binary", required=True)
    a = parser.parse_args()
    if a.check.startswith("mpi-") and not mpi_usable(a.binary):
        return 77
    folder = tempfile.mkdtemp(prefix="reformsim_durable_")
    try:
        CHECKS[a.check](os.path.abspath(a.binary), folder)
    except AssertionError as e:
        print("FAILED:", e)
        return 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print("passed:", a.check)
    return 0


if __name__ == "__main__":
    sys.exit(main())
