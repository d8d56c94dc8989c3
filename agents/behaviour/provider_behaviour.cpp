// Provider behaviour at onset, admission and outpatient visits: who is turned away, which stays are split or kept
// as phantom beds, and which visitors an idle hospital admits. A violation is only committed where it pays under the
// rule in force.
#include "agents/behaviour/provider_behaviour.hpp"

#include <algorithm>
#include <cmath>

#include "agents/world/event_kinds.hpp"
#include "agents/world/random_purposes.hpp"
#include "sim/engine/samplers.hpp"

namespace reformsim::agents {

namespace {

// Substreams of a case's behaviour stream, one per decision point.
constexpr std::uint64_t kSelectionDraws = 0, kStayDraws = 1;

}  // namespace

ProviderBehaviour::ProviderBehaviour(RunContext& run, InpatientCare& inpatient, FundBooks& books,
                                     const PaymentCycle& payment, const Hooks& hooks)
    : run_(run),
      inpatient_(inpatient),
      books_(books),
      payment_(payment),
      hooks_(hooks),
      key_(run.key(purpose::kBehaviour)),
      code_targets_(std::make_unique<CodeTargets>(*run.scenario.catalogue)) {
  const ScenarioConfig& s = run.scenario;
  double lightest = 0;
  for (std::size_t g = 0; g < s.catalogue->size(); ++g) {
    const CaseGroup& group = s.catalogue->group(g);
    if (group.kind == GroupKind::Normal && (lightest == 0 || group.weight < lightest)) {
      lightest = group.weight;
      low_indication_group_ = static_cast<std::uint32_t>(g);
    }
  }
  const sim::StreamKey doctor_key = run.key(purpose::kDoctor);
  for (std::size_t h = 0; h < s.hospitals.size(); ++h) {
    HospitalBehaviour hb;
    hb.multiplier.fill(1.0);
    for (int d = 0; d < s.hospitals[h].doctors; ++d) {
      sim::RandomStream rng(doctor_key, (static_cast<std::uint64_t>(h) << 32) | static_cast<std::uint64_t>(d));
      const double cv = s.behaviour.doctor_heterogeneity_cv;
      hb.doctor_multiplier.push_back(cv > 0 ? sim::lognormal_mean_cv(rng, 1.0, cv) : 1.0);
    }
    hospitals_.push_back(std::move(hb));
  }
}

double ProviderBehaviour::effective_propensity(std::size_t hospital, std::uint32_t doctor, Violation v) const {
  const double base = run_.scenario.behaviour.propensity[index_of(v)];
  if (base <= 0) return 0;
  const HospitalBehaviour& hb = hospitals_[hospital];
  return std::clamp(base * hb.multiplier[index_of(v)] * hb.pay_factor * hb.doctor_multiplier[doctor], 0.0, 1.0);
}

std::size_t ProviderBehaviour::accept(std::size_t hospital, const PendingAdmission& a,
                                      const std::vector<double>& probabilities, double now) {
  const double base = run_.scenario.behaviour.propensity[index_of(Violation::PatientSelection)];
  const std::size_t hospitals = hospitals_.size();
  const PaymentRule& rule = payment_.rule(hospital);
  if (base <= 0 || !rule.bundles() || hospitals < 2) return hospital;
  // Selection is the hospital's policy, not one doctor's: its multiplier applies, no doctor's.
  HospitalBehaviour& hb = hospitals_[hospital];
  const double p = std::clamp(base * hb.multiplier[index_of(Violation::PatientSelection)] * hb.pay_factor, 0.0, 1.0);
  const HospitalConfig& hc = run_.scenario.hospitals[hospital];
  const CaseFacts facts{a.group, hc.tier, a.bill_yuan, a.los_days};
  const double cost = a.bill_yuan * hc.cost_to_charge_ratio;
  if (!(cost > hospital_revenue(rule, facts) * (1.0 + run_.scenario.behaviour.selection_loss_threshold))) {
    return hospital;
  }
  sim::RandomStream rng(key_, a.onset, kSelectionDraws);
  if (!sim::bernoulli(rng, p)) return hospital;
  // Turned away: the patient goes where they would have gone had this hospital not been there.
  scratch_allowed_.assign(hospitals, 1);
  for (std::size_t h = 0; h < hospitals; ++h) scratch_allowed_[h] = h != hospital && inpatient_.contracted(h, now);
  const std::size_t elsewhere = pick(probabilities, rng.next_uniform(), &scratch_allowed_);
  if (elsewhere >= hospitals) return hospital;
  run_.month_at(now).turned_away_severe += 1;
  run_.metrics.supervision_at(hospital, run_.month_of(now)).violations[index_of(Violation::PatientSelection)] += 1;
  const double avoided_loss = cost - hospital_revenue(rule, facts);
  hb.year[index_of(Violation::PatientSelection)].gain_yuan += avoided_loss;
  for (Component* c : hooks_.refusal) c->on_refusal(hospital, a, avoided_loss, now);
  return elsewhere;
}

void ProviderBehaviour::on_admission(ActiveCase& c, std::uint8_t, double, double now) {
  if (c.stay_kind == stay_kind::kOrdinary) plan_stay(c, now);
}

void ProviderBehaviour::plan_stay(ActiveCase& c, double now) {
  const BehaviourConfig& b = run_.scenario.behaviour;
  const double p_split = effective_propensity(c.hospital, c.doctor, Violation::SplitAdmission);
  const double p_repeat = effective_propensity(c.hospital, c.doctor, Violation::RepeatAdmission);
  const double p_phantom = effective_propensity(c.hospital, c.doctor, Violation::PhantomBeds);
  if (p_split <= 0 && p_repeat <= 0 && p_phantom <= 0) return;
  sim::RandomStream rng(key_, c.entity, kStayDraws);
  const bool try_split = rng.next_uniform() < p_split;
  const bool try_repeat = rng.next_uniform() < p_repeat;
  const bool try_phantom = rng.next_uniform() < p_phantom;
  const double gap_draw = rng.next_uniform();
  const PaymentRule& rule = payment_.rule(c.hospital);
  const CaseFacts truth{c.group, run_.scenario.hospitals[c.hospital].tier, c.bill_yuan, c.los_days};
  const GroupTargets& targets = code_targets_->of(c.group);
  SplitStays best;
  Violation split_type = Violation::SplitAdmission;
  for (const Violation v : {Violation::SplitAdmission, Violation::RepeatAdmission}) {
    if (!(v == Violation::SplitAdmission ? try_split : try_repeat)) continue;
    const SplitStays stays = split_stays(truth, rule, targets, b, v == Violation::RepeatAdmission);
    if (stays.gain_yuan > best.gain_yuan) best = stays, split_type = v;
  }
  if (best.gain_yuan > 0) {
    SplitRecord r;
    r.truth = truth;
    r.second = best.second;
    r.violation = split_type;
    r.gain_yuan = best.gain_yuan;
    r.gap_days =
        split_type == Violation::SplitAdmission
            ? b.split_gap_min_days + gap_draw * (b.split_gap_max_days - b.split_gap_min_days)
            : run_.scenario.supervision.readmission_window_days + b.repeat_gap_beyond_window_days * (1 + gap_draw);
    r.entity = c.entity;
    r.person = c.person;
    r.scheme = c.scheme;
    r.region = c.region;
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
    const CaseFacts phantom = phantom_stay(truth, b, run_.scenario.case_mix.los_linked_cost_share);
    const double gain = hospital_revenue(rule, phantom) - hospital_revenue(rule, truth);
    if (gain > 0) {
      c.stay_kind = stay_kind::kPhantom;
      c.phantom_from_days = static_cast<float>(now + truth.los_days);
      c.los_days = static_cast<float>(phantom.los_days);
      c.bill_yuan = static_cast<float>(phantom.bill_yuan);
      c.planned_gain_yuan = static_cast<float>(gain);
    }
  }
}

bool ProviderBehaviour::intercepts_visit(sim::Simulation& sim, const OutpatientVisit& v) {
  const ScenarioConfig& s = run_.scenario;
  if (s.behaviour.propensity[index_of(Violation::LowIndicationAdmission)] <= 0) return false;
  const double now = sim.now();
  const HospitalState& h = inpatient_.hospitals()[v.hospital];
  if (!h.has_free_bed() || !h.contracted(now) ||
      !(static_cast<double>(h.occupied) < s.behaviour.idle_occupancy_below * static_cast<double>(h.beds))) {
    return false;
  }
  const HospitalConfig& hc = s.hospitals[v.hospital];
  const CaseGroup& g = s.catalogue->group(low_indication_group_);
  PendingAdmission a;
  a.group = low_indication_group_;
  a.los_days = static_cast<float>(s.behaviour.low_indication_los_days);
  a.bill_yuan = static_cast<float>(g.mean_cost_yuan * hc.cost_index);
  if (!(hospital_revenue(payment_.rule(v.hospital), {a.group, hc.tier, a.bill_yuan, a.los_days}) >
        to_yuan(v.bill_fen))) {
    return false;
  }
  // The admitting doctor is the one admit() will assign; the draw is the visit's own.
  const std::uint32_t doctor = inpatient_.next_doctor(v.hospital, now);
  sim::RandomStream rng(key_, (std::uint64_t{1} << 40) | v.index, kStayDraws);
  if (!(rng.next_uniform() < effective_propensity(v.hospital, doctor, Violation::LowIndicationAdmission))) return false;
  a.set_patient(run_.population.pick_member(v.risk_class, rng), run_.population);
  a.onset = static_cast<std::uint32_t>(v.index);
  a.arrival_days = now;
  a.stay_kind = stay_kind::kLowIndication;
  inpatient_.run_treat_hooks(v.hospital, a);
  const Scheme scheme = run_.population.classes()[v.risk_class].scheme;
  a.outpatient_fund_yuan =
      static_cast<float>(to_yuan(to_fen(to_yuan(v.bill_fen) * s.benefits.outpatient_ratio[scheme])));
  inpatient_.admit(sim, v.hospital, a);
  return true;
}

void ProviderBehaviour::on_readmission(const sim::Event& e, sim::Simulation& sim) {
  const SplitRecord& r = splits_[e.payload];
  PendingAdmission a;
  a.person = r.person;
  a.scheme = r.scheme;  // the second stay belongs to the first one's episode
  a.region = r.region;
  a.onset = static_cast<std::uint32_t>(r.entity);
  a.group = static_cast<std::uint32_t>(r.second.group);
  a.los_days = static_cast<float>(r.second.los_days);
  a.bill_yuan = static_cast<float>(r.second.bill_yuan);
  a.arrival_days = sim.now();
  a.stay_kind = stay_kind::kSplitSecond;
  a.split_record = static_cast<std::uint32_t>(e.payload);
  a.doctor = r.doctor;
  inpatient_.arrive(sim, r.hospital, a);
}

}  // namespace reformsim::agents
