"""The reference "ward" model in SimPy (Debian's python3-simpy, SimPy 2), the way an analyst would write it:
a generator process makes Poisson admissions, each patient is a process that requests one of C beds
(a Resource with a FIFO queue), holds it for its exponential LOS and releases it.

    /usr/bin/python3 bench/ward/ward_simpy.py [LAMBDA [C [T [SEED]]]]     defaults 200 1500 3650 1

Prints the same lines as ward_limit: discharges by day T, their payment and cost, the mean wait, wall seconds.
"""
import random
import sys
import time

from SimPy.Simulation import Process, Resource, activate, hold, initialize, now, release, request, simulate

GROUPS = 50
WEIGHT = [0.5 + 1.5 * g / (GROUPS - 1) for g in range(GROUPS)]
MEAN_LOS_DAYS = [2.0 + 8.0 * g / (GROUPS - 1) for g in range(GROUPS)]


class Totals:
    discharges = 0
    payment_yuan = 0.0
    cost_yuan = 0.0
    wait_days = 0.0


class Patient(Process):
    def stay(self, ward, rng, totals):
        arrived = now()
        group = rng.randrange(GROUPS)
        yield request, self, ward
        waited = now() - arrived
        los = rng.expovariate(1.0 / MEAN_LOS_DAYS[group])
        yield hold, self, los
        yield release, self, ward
        totals.discharges += 1
        totals.payment_yuan += WEIGHT[group] * 10000.0
        totals.cost_yuan += los * 1200.0
        totals.wait_days += waited


class Admissions(Process):
    def generate(self, lambda_per_day, ward, rng, totals):
        while True:
            yield hold, self, rng.expovariate(lambda_per_day)
            patient = Patient()
            activate(patient, patient.stay(ward, rng, totals))


def main(argv):
    defaults = [200.0, 1500.0, 3650.0, 1.0]
    if len(argv) > 4:
        sys.exit("usage: ward_simpy.py [LAMBDA [C [T [SEED]]]]")
    values = [float(a) for a in argv] + defaults[len(argv):]
    lambda_per_day, beds, horizon_days, seed = values
    started = time.perf_counter()
    rng = random.Random(int(seed))
    totals = Totals()
    initialize()
    ward = Resource(capacity=int(beds))
    admissions = Admissions()
    activate(admissions, admissions.generate(lambda_per_day, ward, rng, totals))
    simulate(until=horizon_days)
    mean_wait = totals.wait_days / totals.discharges if totals.discharges else 0.0
    print(f"discharges {totals.discharges}\npayment_yuan {totals.payment_yuan:.0f}\ncost_yuan {totals.cost_yuan:.0f}\n"
          f"mean_wait_days {mean_wait:.6f}\nwall_seconds {time.perf_counter() - started:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
