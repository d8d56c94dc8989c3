// Provider behaviour (DOMAIN.md §6): doctors' propensities, the violation mechanisms at onset, admission and
// discharge, the fund loss of each violating case by re-settlement, and each hospital's yearly review. Every
// draw comes from the behaviour streams, so a run with all propensities zero draws nothing and reproduces the
// run without behaviour exactly.
#include <algorithm>
#include <cmath>

#include "agents/world/event_kinds.hpp"
#include "agents/world/random_purposes.hpp"
#include "agents/world/world.hpp"
#include "sim/engine/random_stream.hpp"
#include "sim/engine/samplers.hpp"

namespace reformsim::agents {

namespace {

// Substreams of a case's behaviour stream, one per decision point.
constexpr std::uint64_t kSelectionDraws = 0, kStayDraws = 1, kCodingDraws = 2;

bool bundled(const PaymentRule& rule) { return rule.bundles(); }

}  // namespace

void World::init_behaviour() {
  const BehaviourConfig& b = scenario_.behaviour;
  behaviour_on_ = b.any();
  supervision_on_ = scenario_.supervision.any();
  last_discharge_day_.assign(population_.size(), -1e9f);
  if (!behaviour_on_ && !supervision_on_) return;
  behaviour_key_ = sim::StreamKey::of(seed_, replicate_, purpose::kBehaviour);
  supervision_key_ = sim::StreamKey::of(seed_, replicate_, purpose::kSupervision);
  const sim::StreamKey doctor_key = sim::StreamKey::of(seed_, replicate_, purpose::kDoctor);
  code_targets_ = std::make_unique<CodeTargets>(*scenario_.catalogue);
  double lightest = 0;
  for (std::size_t g = 0; g < scenario_.catalogue->size(); ++g) {
    const CaseGroup& group = scenario_.catalogue->group(g);
    if (group.kind == GroupKind::Normal && (lightest == 0 || group.weight < lightest)) {
      lightest = group.weight;
      low_indication_group_ = static_cast<std::uint32_t>(g);
    }
  }
  for (std::size_t h = 0; h < hospitals_.size(); ++h) {
    HospitalBehaviour hb;
    hb.multiplier.fill(1.0);
    hb.intensity.assign(scenario_.catalogue->size(), 1.0f);
    for (int d = 0; d < hospitals_[h].doctors; ++d) {
      sim::RandomStream rng(doctor_key, (static_cast<std::uint64_t>(h) << 32) | static_cast<std::uint64_t>(d));
      DoctorState doctor;
      doctor.multiplier =
          b.doctor_heterogeneity_cv > 0 ? sim::lognormal_mean_cv(rng, 1.0, b.doctor_heterogeneity_cv) : 1.0;
      hb.doctors.push_back(doctor);
    }
    behaviour_.push_back(std::move(hb));
  }
  ward_rounds_scheduled_.assign(hospitals_.size(), 0);
}

double World::effective_propensity(std::size_t hospital, std::uint32_t doctor, Violation v) const {
  const double base = scenario_.behaviour.propensity[index_of(v)];
  if (base <= 0) return 0;
  const HospitalBehaviour& hb = behaviour_[hospital];
  return std::clamp(base * hb.multiplier[index_of(v)] * hb.pay_factor * hb.doctors[doctor].multiplier, 0.0, 1.0);
}

std::size_t World::select_patient(std::size_t hospital, const PendingAdmission& a, double now) {
  const double base = scenario_.behaviour.propensity[index_of(Violation::PatientSelection)];
  if (base <= 0 || !bundled(*rule_) || hospitals_.size() < 2) return hospital;
  // Selection is the hospital's policy, not one doctor's: its multiplier applies, no doctor's.
  const HospitalBehaviour& hb = behaviour_[hospital];
  const double p = std::clamp(base * hb.multiplier[index_of(Violation::PatientSelection)] * hb.pay_factor, 0.0, 1.0);
  const HospitalConfig& hc = scenario_.hospitals[hospital];
  const CaseFacts facts{a.group, hc.tier, a.bill_yuan, a.los_days};
  const double cost = a.bill_yuan * hc.cost_to_charge_ratio;
  if (!(cost > hospital_revenue(*rule_, facts) * (1.0 + scenario_.behaviour.selection_loss_threshold))) return hospital;
  sim::RandomStream rng(behaviour_key_, a.onset, kSelectionDraws);
  if (!sim::bernoulli(rng, p)) return hospital;
  // Turned away: the patient goes where they would have gone had this hospital not been there.
  scratch_allowed_.assign(hospitals_.size(), 1);
  for (std::size_t h = 0; h < hospitals_.size(); ++h) {
    scratch_allowed_[h] = h != hospital && (!supervision_on_ || behaviour_[h].contracted(now));
  }
  const std::size_t elsewhere = pick(scratch_probabilities_, rng.next_uniform(), &scratch_allowed_);
  if (elsewhere >= hospitals_.size()) return hospital;
  month_at(now).turned_away_severe += 1;
  SupervisionCell& cell = metrics_.supervision_at(hospital, month_of(now));
  cell.violations[index_of(Violation::PatientSelection)] += 1;
  behaviour_[hospital].year[index_of(Violation::PatientSelection)].gain_yuan += cost - hospital_revenue(*rule_, facts);
  return elsewhere;
}

std::size_t World::contracted_alternative(std::size_t hospital, double u, double now) {
  scratch_allowed_.assign(hospitals_.size(), 0);
  for (std::size_t h = 0; h < hospitals_.size(); ++h) scratch_allowed_[h] = behaviour_[h].contracted(now);
  const std::size_t elsewhere = pick(scratch_probabilities_, u, &scratch_allowed_);
  return elsewhere < hospitals_.size() ? elsewhere : hospital;  // nowhere else to go
}

std::uint32_t World::next_doctor(std::size_t hospital, double now) const {
  const HospitalState& h = hospitals_[hospital];
  const auto n = static_cast<std::uint32_t>(h.doctors);
  if (!supervision_on_) return h.next_doctor;
  // The next doctor in rotation who may practise; if none may, the rotation's doctor (the hospital has no other).
  for (std::uint32_t tried = 0; tried < n; ++tried) {
    const std::uint32_t d = (h.next_doctor + tried) % n;
    if (behaviour_[hospital].doctors[d].record.may_practise(now)) return d;
  }
  return h.next_doctor;
}

std::uint32_t World::assign_doctor(std::size_t hospital, double now) {
  const std::uint32_t doctor = next_doctor(hospital, now);
  hospitals_[hospital].next_doctor = (doctor + 1) % static_cast<std::uint32_t>(hospitals_[hospital].doctors);
  return doctor;
}

void World::plan_stay(ActiveCase& c, double now) {
  const BehaviourConfig& b = scenario_.behaviour;
  const double p_split = effective_propensity(c.hospital, c.doctor, Violation::SplitAdmission);
  const double p_repeat = effective_propensity(c.hospital, c.doctor, Violation::RepeatAdmission);
  const double p_phantom = effective_propensity(c.hospital, c.doctor, Violation::PhantomBeds);
  if (p_split <= 0 && p_repeat <= 0 && p_phantom <= 0) return;
  sim::RandomStream rng(behaviour_key_, c.entity, kStayDraws);
  const bool try_split = rng.next_uniform() < p_split;
  const bool try_repeat = rng.next_uniform() < p_repeat;
  const bool try_phantom = rng.next_uniform() < p_phantom;
  const double gap_draw = rng.next_uniform();
  const CaseFacts truth{c.group, scenario_.hospitals[c.hospital].tier, c.bill_yuan, c.los_days};
  const GroupTargets& targets = code_targets_->of(c.group);
  SplitStays best;
  Violation split_type = Violation::SplitAdmission;
  for (const Violation v : {Violation::SplitAdmission, Violation::RepeatAdmission}) {
    if (!(v == Violation::SplitAdmission ? try_split : try_repeat)) continue;
    const SplitStays stays = split_stays(truth, *rule_, targets, b, v == Violation::RepeatAdmission);
    if (stays.gain_yuan > best.gain_yuan) best = stays, split_type = v;
  }
  if (best.gain_yuan > 0) {
    SplitRecord r;
    r.truth = truth;
    r.second = best.second;
    r.violation = split_type;
    r.gain_yuan = best.gain_yuan;
    r.gap_days = split_type == Violation::SplitAdmission
                     ? b.split_gap_min_days + gap_draw * (b.split_gap_max_days - b.split_gap_min_days)
                     : scenario_.supervision.readmission_window_days + b.repeat_gap_beyond_window_days * (1 + gap_draw);
    r.entity = c.entity;
    r.person = c.person;
    r.hospital = c.hospital;
    r.doctor = c.doctor;
    c.split_record = static_cast<std::uint32_t>(splits_.size());
    splits_.push_back(r);
    c.stay_kind = stay_kind::kSplitFirst;
    c.los_days = c.true_los_days = static_cast<float>(best.first.los_days);
    c.bill_yuan = c.true_bill_yuan = static_cast<float>(best.first.bill_yuan);
    c.planned_gain_yuan = static_cast<float>(best.gain_yuan);
    return;
  }
  if (try_phantom) {
    const CaseFacts phantom = phantom_stay(truth, b, scenario_.case_mix.los_linked_cost_share);
    const double gain = hospital_revenue(*rule_, phantom) - hospital_revenue(*rule_, truth);
    if (gain > 0) {
      c.stay_kind = stay_kind::kPhantom;
      c.phantom_from_days = static_cast<float>(now + truth.los_days);
      c.los_days = static_cast<float>(phantom.los_days);
      c.bill_yuan = static_cast<float>(phantom.bill_yuan);
      c.planned_gain_yuan = static_cast<float>(gain);
    }
  }
}

bool World::admitted_low_indication(sim::Simulation& sim, std::size_t hospital, std::size_t risk_class,
                                    std::int64_t visit_bill_fen) {
  const std::uint64_t visit = outpatient_visits_handled_++;
  if (!behaviour_on_ || scenario_.behaviour.propensity[index_of(Violation::LowIndicationAdmission)] <= 0) return false;
  const HospitalState& h = hospitals_[hospital];
  if (!h.has_free_bed() || (supervision_on_ && !behaviour_[hospital].contracted(sim.now())) ||
      !(static_cast<double>(h.occupied) < scenario_.behaviour.idle_occupancy_below * static_cast<double>(h.beds))) {
    return false;
  }
  const HospitalConfig& hc = scenario_.hospitals[hospital];
  const CaseGroup& g = scenario_.catalogue->group(low_indication_group_);
  PendingAdmission a;
  a.group = low_indication_group_;
  a.los_days = static_cast<float>(scenario_.behaviour.low_indication_los_days);
  a.bill_yuan = static_cast<float>(g.mean_cost_yuan * hc.cost_index);
  if (!(hospital_revenue(*rule_, {a.group, hc.tier, a.bill_yuan, a.los_days}) > to_yuan(visit_bill_fen))) return false;
  // The admitting doctor is the one admit() will assign; the draw is the visit's own.
  const std::uint32_t doctor = next_doctor(hospital, sim.now());
  sim::RandomStream rng(behaviour_key_, (std::uint64_t{1} << 40) | visit, kStayDraws);
  if (!(rng.next_uniform() < effective_propensity(hospital, doctor, Violation::LowIndicationAdmission))) return false;
  a.person = pick_member(risk_class, rng);
  a.onset = static_cast<std::uint32_t>(visit);
  a.arrival_days = sim.now();
  a.stay_kind = stay_kind::kLowIndication;
  if (drugs_on_) {
    const double drug_delta = inpatient_drug_use(hospital, a.group);
    if (drug_delta != 0) a.bill_yuan = static_cast<float>(std::max(0.1 * a.bill_yuan, a.bill_yuan + drug_delta));
  }
  const Scheme scheme = population_.classes()[risk_class].scheme;
  a.outpatient_fund_yuan =
      static_cast<float>(to_yuan(to_fen(to_yuan(visit_bill_fen) * scenario_.benefits.outpatient_ratio[scheme])));
  admit(sim, hospital, a);
  return true;
}

std::optional<CodingChoice> World::choose_coding(const ActiveCase& c, const CaseFacts& truth) {
  PerViolation<bool> attempted{};
  bool any = false;
  sim::RandomStream rng(behaviour_key_, c.entity, kCodingDraws);
  for (const Violation v :
       {Violation::UpcodingMainDiagnosis, Violation::UpcodingSecondaryDiagnosis, Violation::DowncodingHighMultiple,
        Violation::DeliberateAmbiguity, Violation::ViolatingCharges, Violation::CostShiftingOutpatient,
        Violation::CostShiftingSelfPay, Violation::CostShiftingPharmacy}) {
    // One draw per type whatever its propensity, so a type reaching zero leaves the others' draws alone.
    const double u = rng.next_uniform();
    attempted[index_of(v)] = u < effective_propensity(c.hospital, c.doctor, v);
    any = any || attempted[index_of(v)];
  }
  if (!any) return std::nullopt;
  return best_coding_violation(truth, *rule_, code_targets_->of(c.group), scenario_.behaviour, attempted,
                               scenario_.hospitals[c.hospital].cost_to_charge_ratio);
}

void World::on_readmission(const sim::Event& e, sim::Simulation& sim) {
  const SplitRecord& r = splits_[e.payload];
  PendingAdmission a;
  a.person = r.person;
  a.onset = static_cast<std::uint32_t>(r.entity);
  a.group = static_cast<std::uint32_t>(r.second.group);
  a.los_days = static_cast<float>(r.second.los_days);
  a.bill_yuan = static_cast<float>(r.second.bill_yuan);
  a.arrival_days = sim.now();
  a.stay_kind = stay_kind::kSplitSecond;
  a.split_record = static_cast<std::uint32_t>(e.payload);
  if (hospitals_[r.hospital].has_free_bed()) {
    admit(sim, r.hospital, a);
  } else {
    hospitals_[r.hospital].advance(sim.now());
    hospitals_[r.hospital].waiting.push_back(a);
  }
}

}  // namespace reformsim::agents
