#include "agents/scenario/parameter_bounds.hpp"
#include "agents/payment/dip.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "agents/payer/fund_books.hpp"
#include "agents/payer/global_budget.hpp"
#include "agents/payer/income_pot.hpp"
#include "agents/scenario/scenario_declarations.hpp"
#include "agents/scenario/schema_helpers.hpp"
#include "agents/world/run_context.hpp"
#include "sim/config/key_path.hpp"

namespace reformsim::agents {

namespace {

using namespace schema;

class Dip final : public PaymentMethod {
 public:
  std::string name() const override { return "dip"; }
  std::string description() const override {
    return "DIP (按病种分值付费): points per case at a point value that floats under the year's pot";
  }
  config::SpecPtr section() const override { return dip_binding().spec(); }
  std::shared_ptr<const config::BindingInfo> section_fields() const override { return dip_binding().info(); }
  std::shared_ptr<MethodParameters> load(const Node& section) const override {
    return std::make_shared<DipConfig>(dip_binding().load(section));
  }
  // The DIP catalogue is loaded (and checked against the case catalogue) whenever it is named; it is required
  // when DIP is in force in some year.
  void resolve(const Node& root, ScenarioConfig& s, bool used, config::ErrorList& errors) const override {
    DipConfig& dip = s.payment.section<DipConfig>("dip");
    if (dip.pot_rule == DipPotRule::Income && dip.annual_budget_yuan) {
      errors.add(config::location_at_path(root, "payment.dip.annual_budget_yuan"), "payment.dip.annual_budget_yuan",
                 "a fixed annual_budget_yuan and pot_rule income exclude each other (the pot comes from income)");
    }
    if (!dip.catalogue_file) {
      if (used) {
        const std::string chosen = s.payment.chosen_at("dip", s.horizon_years);
        errors.add(config::location_at_path(root, chosen), "payment.dip.catalogue",
                   "DIP is put in force by " + chosen + " but payment.dip.catalogue is not set");
      }
      return;
    }
    if (!s.catalogue) return;  // a broken case catalogue would only repeat itself here
    config::ErrorList dip_errors;
    auto catalogue = std::make_shared<DipCatalogue>(DipCatalogue::load(*dip.catalogue_file, *s.catalogue, dip_errors));
    const config::SourceLocation named_at = config::location_at_path(root, "payment.dip.catalogue");
    for (const config::ConfigError& e : dip_errors.errors()) {
      errors.add(e.where, "payment.dip.catalogue",
                 e.message + " (DIP catalogue named at " + named_at.to_string() + ")");
    }
    dip.catalogue = std::move(catalogue);
  }
  std::string missing(const ScenarioConfig& s) const override {
    return s.payment.section<DipConfig>("dip").catalogue ? "" : "the scenario sets no payment.dip.catalogue";
  }
  std::unique_ptr<PaymentRule> rule(const ScenarioConfig& s, int, const std::vector<double>&) const override {
    return std::make_unique<DipRule>(s.payment.section<DipConfig>("dip"));
  }
};

}  // namespace

const config::Choices<DipPotRule>& pot_rules() {
  static const config::Choices<DipPotRule> c{{"fixed", DipPotRule::Fixed}, {"income", DipPotRule::Income}};
  return c;
}

Binding<DipConfig> dip_binding() {
  return Binding<DipConfig>("DipConfig")
      .field("catalogue", &DipConfig::catalogue_file,
             Spec::path()->optional()->doc("DIP catalogue CSV (required when DIP is used)"))
      .member("catalogue_file")
      .field("provisional_point_value_yuan", &DipConfig::provisional_point_value_yuan,
             Spec::real()
                 ->greater_than(0)
                 ->def(100.0)
                 ->unit("yuan/point")
                 ->doc("point value (点值) of the monthly advance payments"))
      .field("annual_budget_yuan", &DipConfig::annual_budget_yuan,
             Spec::real()->greater_than(0)->max(kMaxTotalYuan)->optional()->unit("yuan")->doc(
                 "annual DIP pot; when set, the year is cleared at (budget − reserve) ÷ Σ points (no clearing "
                 "otherwise)"))
      .field("pot_rule", &DipConfig::pot_rule,
             pot_rules().spec()->def("fixed")->doc(
                 "the pot: annual_budget_yuan each year (fixed), or the fund's part set each year from its expected "
                 "income (the year's patient shares are added)"),
             pot_rules())
      .field("income_pot", &DipConfig::income_pot, income_pot_binding(),
             [](SpecPtr s) { return s->doc("pot_rule income: how the pot follows the fund's expected income"); })
      .field("reserve_share", &DipConfig::reserve_share,
             Spec::real()
                 ->min(0)
                 ->less_than(1)
                 ->def(0.0)
                 ->unit("fraction")
                 ->doc("share of the budget held back from the point value at clearing"))
      .field("tier_coefficient", &DipConfig::tier_coefficient,
             per_tier(Spec::real()->greater_than(0)->max(10), {"1", "1", "1"}, "hospital-level coefficient (等级系数)",
                      "ratio"))
      .field("basic_group_coefficient", &DipConfig::basic_group_coefficient,
             Spec::real()->greater_than(0)->max(10)->def(1.0)->unit("ratio")->doc(
                 "coefficient of basic groups (基础病种) at every level"))
      .field("low_deviation_ratio", &DipConfig::low_deviation_ratio,
             Spec::real()->min(0)->max(1)->def(0.5)->unit("ratio")->doc(
                 "cases below this cost ÷ group mean are re-scored by their cost ratio"))
      .field("high_deviation_ratio", &DipConfig::high_deviation_ratio,
             Spec::real()->min(1)->max(100)->def(2.0)->unit("ratio")->doc(
                 "cases above this cost ÷ group mean are re-scored by their cost ratio"));
}

const PaymentMethod& dip_method() {
  static const Dip method;
  return method;
}

double dip_point_value(double budget_yuan, double reserve_share, double total_points) {
  if (!(total_points > 0)) throw std::invalid_argument("DIP clearing needs a positive total of points");
  return budget_yuan * (1.0 - reserve_share) / total_points;
}

DipRule::DipRule(DipConfig config) : DipRule(config, config.provisional_point_value_yuan) {}

DipRule::DipRule(DipConfig config, double point_value_yuan)
    : config_(std::move(config)), point_value_yuan_(point_value_yuan) {
  if (!config_.catalogue) throw std::logic_error("DIP rule built without a DIP catalogue");
}

double DipRule::points(std::size_t group, double cost_yuan, SettlementType* type) const {
  const DipGroup& g = config_.catalogue->for_case_group(group);
  const double ratio = cost_yuan / g.mean_cost_yuan;
  SettlementType t = SettlementType::Normal;
  if (ratio < config_.low_deviation_ratio) t = SettlementType::LowMultiple;
  if (ratio > config_.high_deviation_ratio) t = SettlementType::HighMultiple;
  if (type) *type = t;
  // Strongly deviating cases are scored by what they cost, not by the group.
  return t == SettlementType::Normal ? g.score : g.score * ratio;
}

double DipRule::coefficient(std::size_t group, int tier) const {
  const DipGroup& g = config_.catalogue->for_case_group(group);
  const double level =
      g.basic ? config_.basic_group_coefficient : config_.tier_coefficient[std::clamp(tier, 1, kTierCount) - 1];
  return level * g.coefficient;
}

std::optional<double> DipRule::cleared_point_value(double total_points) const {
  if (!config_.annual_budget_yuan) return std::nullopt;
  return dip_point_value(*config_.annual_budget_yuan, config_.reserve_share, total_points);
}

std::unique_ptr<PaymentRule> DipRule::valued_at(double point_value_yuan) const {
  return std::make_unique<DipRule>(config_, point_value_yuan);
}

Settlement DipRule::settle(const Claim& claim) const {
  Settlement s;
  s.points = points(claim.group, claim.total_cost_yuan, &s.type);
  s.coefficient = coefficient(claim.group, claim.tier);
  s.point_value_yuan = point_value_yuan_;
  s.standard_yuan = config_.catalogue->for_case_group(claim.group).score * s.coefficient * point_value_yuan_;
  s.settlement_yuan = s.points * s.coefficient * point_value_yuan_;
  s.patient_share_yuan = claim.patient_share_yuan;
  s.fund_payment_yuan = fund_payment_for(s.settlement_yuan, s.patient_share_yuan);
  return s;
}

Settlement DipRule::pay(Claim& claim, std::size_t hospital) {
  const Settlement s = settle(claim);
  if (hospital >= points_.size()) points_.resize(hospital + 1, 0.0);
  points_[hospital] += s.points * s.coefficient;
  return s;
}

void DipRule::on_month_end(PaymentPeriod& period) {
  period.run.metrics.months[period.month].dip_point_value_yuan = config_.provisional_point_value_yuan;
}

void DipRule::close_year(PaymentPeriod& period) {
  RunContext& run = period.run;
  const std::size_t hospitals = run.hospitals();
  points_.resize(hospitals, 0.0);
  const auto y = static_cast<std::size_t>(period.year);
  double total_points = 0;
  for (double p : points_) total_points += p;
  double point_value = config_.provisional_point_value_yuan;
  std::optional<double> pot = config_.annual_budget_yuan;
  if (config_.pot_rule == DipPotRule::Income) {
    // The income gives the fund's part; the points are valued on settlements, which patients' shares pay too, so
    // the settlement pot is the fund's pot plus the year's patient shares. The growth cap applies over the previous
    // year's fund pot, whichever rule set it.
    const double previous = y > 0 ? run.metrics.pot_yuan[y - 1] : std::nan("");
    const double fund_pot = income_pot_yuan(config_.income_pot, run.metrics.projected_income_yuan[y],
                                            std::isfinite(previous) ? std::optional<double>(previous) : std::nullopt);
    double patient_shares = 0;
    for (const std::size_t h : period.hospitals)
      patient_shares += run.metrics.hospital_years[h][y].patient_share_yuan_sum;
    run.metrics.pot_yuan[y] = fund_pot;
    pot = fund_pot + patient_shares;
  } else if (pot) {
    run.metrics.pot_yuan[y] = *pot;
  }
  if (pot && total_points > 0) {
    point_value = dip_point_value(*pot, config_.reserve_share, total_points);
    // Year-end clearing: each hospital's points are re-valued; a negative adjustment is recovered by the fund.
    for (const std::size_t h : period.hospitals) {
      const std::int64_t adjustment_fen = to_fen(points_[h] * (point_value - config_.provisional_point_value_yuan));
      run.metrics.hospital_years[h][y].dip_clearing_yuan = to_yuan(adjustment_fen);
      period.books.settle_year_end(h, adjustment_fen, period.year);
    }
  }
  for (const std::size_t h : period.hospitals) {
    HospitalYearMetrics& hy = run.metrics.hospital_years[h][y];
    hy.dip_points = points_[h];
    // Yichang rule: what the hospital keeps is its final DIP settlement minus what it billed.
    hy.yichang_surplus_yuan = hy.settlement_yuan_sum + hy.dip_clearing_yuan - hy.bill_yuan_sum;
    hy.performance_pay_per_doctor_yuan =
        performance_pay_per_doctor_yuan(std::max(0.0, hy.yichang_surplus_yuan), run.scenario, h);
  }
  run.metrics.dip_point_value_yuan[y] = point_value;
  // December's settlement pays at the cleared value.
  run.metrics.months[period.month].dip_point_value_yuan = point_value;
}

}  // namespace reformsim::agents
