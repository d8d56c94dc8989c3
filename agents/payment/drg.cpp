#include "agents/payment/drg.hpp"

#include <algorithm>
#include <cmath>

#include "agents/scenario/schema_helpers.hpp"
#include "sim/config/key_path.hpp"

namespace reformsim::agents {

namespace {

using namespace schema;

Node default_high_bands() {
  return list_of({map_of({{"max_weight", "1"}, {"factor", "3"}}), map_of({{"max_weight", "3"}, {"factor", "2"}}),
                  map_of({{"factor", "1.5"}})});
}

const config::Choices<NewTechnologyPayment>& technology_payments() {
  static const config::Choices<NewTechnologyPayment> c{{"items", NewTechnologyPayment::Items},
                                                       {"add_on", NewTechnologyPayment::AddOn}};
  return c;
}

Binding<HighMultipleBand> band_binding() {
  return Binding<HighMultipleBand>("HighMultipleBand")
      .field("max_weight", &HighMultipleBand::max_weight,
             Spec::real()->greater_than(0)->optional()->unit("weight")->doc(
                 "upper weight of the band (omit in the last band)"))
      .field("factor", &HighMultipleBand::factor,
             Spec::real()->greater_than(1)->max(100)->unit("ratio")->doc(
                 "a case is high-multiple when cost > factor × standard"));
}

Binding<NewTechnology> technology_binding() {
  return Binding<NewTechnology>("NewTechnology")
      .field("group", &NewTechnology::group, Spec::string()->doc("case-catalogue group of the new technology"))
      .field("from_year", &NewTechnology::from_year,
             Spec::integer()->range(1, 1000)->doc("first simulated year of the special payment"))
      .field("years", &NewTechnology::years,
             Spec::integer()->range(1, 100)->def(1)->unit("years")->doc(
                 "years paid specially before the group is recalibrated (China: 1)"))
      .field(
          "payment", &NewTechnology::payment,
          technology_payments().spec()->def("items")->doc("paid by items, or the standard plus an NTAP-style add-on"),
          technology_payments())
      .field("add_on_share", &NewTechnology::add_on_share,
             Spec::real()
                 ->range(0, 1)
                 ->def(0.65)
                 ->unit("fraction")
                 ->doc("add-on = min(share × (cost − standard), share × device price)"))
      .field("device_price_yuan", &NewTechnology::device_price_yuan,
             Spec::real()->min(0)->def(0.0)->unit("yuan")->doc("price of the technology, capping the add-on"));
}

// Bands must be ascending, only the last one open.
void check_bands(const Node& root, const std::vector<HighMultipleBand>& bands, config::ErrorList& errors) {
  for (std::size_t i = 0; i < bands.size(); ++i) {
    const std::string path = "payment.drg.high_multiple_bands[" + std::to_string(i) + "]";
    const bool last = i + 1 == bands.size();
    if (last && std::isfinite(bands[i].max_weight)) {
      config::report_at(errors, root, path + ".max_weight",
                        "the last band must have no max_weight (it covers all higher weights)");
    }
    if (!last && !std::isfinite(bands[i].max_weight)) {
      config::report_at(errors, root, path, "only the last band may omit max_weight");
    }
    if (i > 0 && bands[i].max_weight <= bands[i - 1].max_weight) {
      config::report_at(errors, root, path + ".max_weight", "band max_weight must be ascending");
    }
  }
}

class Drg final : public PaymentMethod {
 public:
  std::string name() const override { return "drg"; }
  std::string description() const override {
    return "CHS-DRG (疾病诊断相关分组付费): weight × base rate per case, outliers and special cases by items";
  }
  config::SpecPtr section() const override { return drg_binding().spec(); }
  std::shared_ptr<const config::BindingInfo> section_fields() const override { return drg_binding().info(); }
  std::shared_ptr<MethodParameters> load(const Node& section) const override {
    return std::make_shared<DrgConfig>(drg_binding().load(section));
  }
  void resolve(const Node& root, ScenarioConfig& s, bool, config::ErrorList& errors) const override {
    DrgConfig& drg = s.payment.section<DrgConfig>("drg");
    check_bands(root, drg.high_multiple_bands, errors);
    if (!s.catalogue) return;  // the catalogue could not be read: its errors are reported already
    for (std::size_t i = 0; i < drg.new_technologies.size(); ++i) {
      NewTechnology& t = drg.new_technologies[i];
      const std::string path = "payment.drg.new_technologies[" + std::to_string(i) + "]";
      if (const auto g = s.catalogue->find(t.group)) {
        t.group_id = *g;
      } else {
        config::report_at(errors, root, path + ".group", "group '" + t.group + "' is not in the catalogue");
      }
      if (t.from_year > s.horizon_years) {
        config::report_at(errors, root, path + ".from_year",
                          "year " + std::to_string(t.from_year) +
                              " is after the horizon (horizon_years = " + std::to_string(s.horizon_years) + ")");
      }
    }
  }
  std::unique_ptr<PaymentRule> rule(const ScenarioConfig& s, int year,
                                    const std::vector<double>& factor) const override {
    return std::make_unique<DrgRule>(s.catalogue, s.payment.section<DrgConfig>("drg"), year, factor);
  }
};

}  // namespace

Binding<DrgConfig> drg_binding() {
  return Binding<DrgConfig>("DrgConfig")
      .field("base_rate_yuan", &DrgConfig::base_rate_yuan,
             Spec::real()->greater_than(0)->def(8811.0)->unit("yuan")->doc(
                 "DRG base rate (费率): standard = weight × base rate × coefficient"))
      .field("tier_coefficient", &DrgConfig::tier_coefficient,
             per_tier(Spec::real()->greater_than(0)->max(10), {"1", "1", "1"}, "hospital-level coefficient (等级系数)",
                      "ratio"))
      .field("basic_group_coefficient", &DrgConfig::basic_group_coefficient,
             Spec::real()->greater_than(0)->max(10)->def(1.0)->unit("ratio")->doc(
                 "coefficient of basic groups (同病同价) at every level"))
      .list("high_multiple_bands", &DrgConfig::high_multiple_bands, band_binding(),
            [](SpecPtr s) {
              return s->min_items(1)
                  ->def_node(default_high_bands())
                  ->doc("high-multiple (高倍率) thresholds by weight band, ascending");
            })
      .field("high_multiple_excess_share", &DrgConfig::high_multiple_excess_share,
             Spec::real()
                 ->range(0, 1)
                 ->def(1.0)
                 ->unit("fraction")
                 ->doc("high-multiple settlement = standard + share × (cost − standard); 1 = paid by items"))
      .field("low_multiple_factor", &DrgConfig::low_multiple_factor,
             Spec::real()->range(0, 1)->def(0.4)->unit("ratio")->doc(
                 "a case is low-multiple (低倍率, paid by items) when cost < factor × standard"))
      .field("qy_ratio", &DrgConfig::qy_ratio,
             Spec::real()
                 ->greater_than(0)
                 ->max(1)
                 ->def(0.8)
                 ->unit("fraction")
                 ->doc("QY/ungroupable (歧义组) cases are paid this share of items"))
      .field("long_stay_days", &DrgConfig::long_stay_days,
             Spec::real()->greater_than(0)->def(60.0)->unit("days")->doc("cases with LOS above this are paid by items"))
      .field("special_case_multiple", &DrgConfig::special_case_multiple,
             Spec::real()->greater_than(1)->max(1000)->optional()->unit("ratio")->doc(
                 "special-case review (特例单议): cases costing more than this × standard are paid by items while "
                 "the hospital's yearly quota lasts"))
      .list("new_technologies", &DrgConfig::new_technologies, technology_binding(),
            [](SpecPtr s) {
              return s->def_node(Node::sequence())
                  ->doc("new technologies (新技术) paid outside the group for a period, then folded in");
            })
      .field("special_case_quota", &DrgConfig::special_case_quota,
             Spec::integer()
                 ->range(0, 1000000)
                 ->def(20)
                 ->unit("cases/hospital/year")
                 ->doc("special-case reviews granted per hospital and year"));
}

const PaymentMethod& drg_method() {
  static const Drg method;
  return method;
}

DrgRule::DrgRule(std::shared_ptr<const CaseCatalogue> catalogue, DrgConfig config)
    : DrgRule(std::move(catalogue), std::move(config), 0, {}) {}

DrgRule::DrgRule(std::shared_ptr<const CaseCatalogue> catalogue, DrgConfig config, int year_index,
                 std::vector<double> weight_factor)
    : catalogue_(std::move(catalogue)), config_(std::move(config)), weight_factor_(std::move(weight_factor)) {
  special_.assign(catalogue_->size(), nullptr);
  weight_factor_.resize(catalogue_->size(), 1.0);
  const int year = year_index + 1;
  for (const NewTechnology& t : config_.new_technologies) {
    if (year >= t.from_year && year < t.from_year + t.years) special_[t.group_id] = &t;
    // Before the fold-in the group keeps its old weight.
    if (year < t.from_year + t.years) weight_factor_[t.group_id] = 1.0;
  }
}

Settlement DrgRule::pay(Claim& claim, std::size_t hospital) {
  if (hospital >= special_cases_used_.size()) special_cases_used_.resize(hospital + 1, 0);
  claim.special_case_allowed = special_cases_used_[hospital] < config_.special_case_quota;
  const Settlement s = settle(claim);
  if (s.type == SettlementType::SpecialCase) special_cases_used_[hospital] += 1;
  return s;
}

double DrgRule::standard_yuan(std::size_t group, int tier) const {
  const CaseGroup& g = catalogue_->group(group);
  const double coefficient =
      g.basic ? config_.basic_group_coefficient : config_.tier_coefficient[std::clamp(tier, 1, kTierCount) - 1];
  // A published standard in yuan replaces weight × base rate; the level coefficient still applies.
  const double base = g.standard_yuan ? *g.standard_yuan : g.weight * config_.base_rate_yuan;
  return base * coefficient * (weight_factor_.empty() ? 1.0 : weight_factor_[group]);
}

double DrgRule::high_multiple_factor(double weight) const {
  for (const HighMultipleBand& band : config_.high_multiple_bands) {
    if (weight <= band.max_weight) return band.factor;
  }
  return config_.high_multiple_bands.back().factor;
}

Settlement DrgRule::settle(const Claim& claim) const {
  const CaseGroup& g = catalogue_->group(claim.group);
  Settlement s;
  s.patient_share_yuan = claim.patient_share_yuan;
  s.standard_yuan = standard_yuan(claim.group, claim.tier);
  const double cost = claim.total_cost_yuan;
  if (g.kind == GroupKind::Qy) {
    s.type = SettlementType::Qy;
    s.settlement_yuan = config_.qy_ratio * cost;
  } else if (claim.los_days > config_.long_stay_days) {
    s.type = SettlementType::LongStay;
    s.settlement_yuan = cost;
  } else if (!special_.empty() && special_[claim.group]) {
    const NewTechnology& t = *special_[claim.group];
    s.type = SettlementType::NewTechnology;
    s.settlement_yuan = t.payment == NewTechnologyPayment::AddOn
                            ? s.standard_yuan + std::max(0.0, std::min(t.add_on_share * (cost - s.standard_yuan),
                                                                       t.add_on_share * t.device_price_yuan))
                            : cost;
  } else if (claim.special_case_allowed && config_.special_case_multiple &&
             cost > *config_.special_case_multiple * s.standard_yuan) {
    s.type = SettlementType::SpecialCase;  // reviewed and paid by items
    s.settlement_yuan = cost;
  } else if (cost > high_multiple_factor(g.weight) * s.standard_yuan) {
    s.type = SettlementType::HighMultiple;
    s.settlement_yuan = s.standard_yuan + config_.high_multiple_excess_share * (cost - s.standard_yuan);
  } else if (cost < config_.low_multiple_factor * s.standard_yuan) {
    s.type = SettlementType::LowMultiple;
    s.settlement_yuan = cost;
  } else {
    s.type = SettlementType::Normal;
    s.settlement_yuan = s.standard_yuan;
  }
  s.fund_payment_yuan = fund_payment_for(s.settlement_yuan, s.patient_share_yuan);
  return s;
}

}  // namespace reformsim::agents
