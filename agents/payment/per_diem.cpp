#include "agents/payment/per_diem.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "agents/payment/payment_registry.hpp"
#include "agents/scenario/schema_helpers.hpp"
#include "sim/config/key_path.hpp"

namespace reformsim::agents {

namespace {

using namespace schema;
using config::report_at;

Binding<DailyRateBand> band_binding() {
  return Binding<DailyRateBand>("DailyRateBand")
      .field(
          "to_day", &DailyRateBand::to_day,
          Spec::real()->greater_than(0)->optional()->unit("days")->doc("last day of the band (omit in the last band)"))
      .field("rate_yuan", &DailyRateBand::rate_yuan,
             Spec::real()->greater_than(0)->max(1e6)->unit("yuan/day")->doc("payment per bed-day within the band"));
}

Binding<BedType> bed_type_binding() {
  return Binding<BedType>("BedType")
      .field("name", &BedType::name, Spec::string()->doc("bed type name (unique), e.g. psychiatric"))
      .field("groups", &BedType::groups,
             Spec::array(Spec::string())
                 ->min_items(1)
                 ->doc("case-catalogue codes or code prefixes (an MDC letter, an ADRG)"))
      .list("daily_rates", &BedType::daily_rates, band_binding(),
            [](SpecPtr s) { return s->min_items(1)->doc("the daily rate by LOS band, ascending"); });
}

// The registered methods a per-diem year can pay its other cases with: every one but itself.
std::vector<std::string> other_methods() {
  std::vector<std::string> names = payment_method_names();
  names.erase(std::remove(names.begin(), names.end(), "per_diem"), names.end());
  return names;
}

// Checks the bands of each bed type and maps every catalogue group to the bed type whose prefixes match it.
void resolve_bed_types(const Node& root, ScenarioConfig& s, PerDiemConfig& p, config::ErrorList& errors) {
  std::set<std::string> names;
  p.bed_type_of_group.assign(s.catalogue ? s.catalogue->size() : 0, -1);
  for (std::size_t b = 0; b < p.bed_types.size(); ++b) {
    const BedType& bed = p.bed_types[b];
    const std::string path = "payment.per_diem.bed_types[" + std::to_string(b) + "]";
    if (!names.insert(bed.name).second)
      report_at(errors, root, path + ".name", "duplicate bed type '" + bed.name + "'");
    for (std::size_t k = 0; k < bed.daily_rates.size(); ++k) {
      const std::string band = path + ".daily_rates[" + std::to_string(k) + "]";
      const bool last = k + 1 == bed.daily_rates.size();
      if (last != !std::isfinite(bed.daily_rates[k].to_day)) {
        report_at(
            errors, root, band,
            last ? "the last band must omit to_day (it covers every later day)" : "only the last band may omit to_day");
      }
      if (k > 0 && !(bed.daily_rates[k].to_day > bed.daily_rates[k - 1].to_day)) {
        report_at(errors, root, band + ".to_day", "to_day must be ascending");
      }
    }
    if (!s.catalogue) continue;  // the catalogue's own errors are reported already
    for (std::size_t i = 0; i < bed.groups.size(); ++i) {
      const std::string& prefix = bed.groups[i];
      bool matched = false;
      for (std::size_t g = 0; g < s.catalogue->size(); ++g) {
        if (s.catalogue->group(g).code.rfind(prefix, 0) != 0) continue;
        matched = true;
        int& owner = p.bed_type_of_group[g];
        if (owner >= 0 && owner != static_cast<int>(b)) {
          report_at(errors, root, path + ".groups[" + std::to_string(i) + "]",
                    "group " + s.catalogue->group(g).code + " already uses bed type '" +
                        p.bed_types[static_cast<std::size_t>(owner)].name + "'");
        }
        owner = static_cast<int>(b);
      }
      if (!matched) {
        report_at(errors, root, path + ".groups[" + std::to_string(i) + "]",
                  "'" + prefix + "' is the start of no case-catalogue code");
      }
    }
  }
}

class PerDiem final : public PaymentMethod {
 public:
  std::string name() const override { return "per_diem"; }
  std::string description() const override {
    return "per diem (按床日付费): long-stay beds paid by the bed-day at rates that fall with the stay, other cases "
           "by another method";
  }
  config::SpecPtr section() const override { return per_diem_binding().spec(); }
  std::shared_ptr<const config::BindingInfo> section_fields() const override { return per_diem_binding().info(); }
  std::shared_ptr<MethodParameters> load(const Node& section) const override {
    return std::make_shared<PerDiemConfig>(per_diem_binding().load(section));
  }
  void resolve(const Node& root, ScenarioConfig& s, bool used, config::ErrorList& errors) const override {
    PerDiemConfig& p = s.payment.section<PerDiemConfig>("per_diem");
    if (used && p.bed_types.empty()) {
      const std::string chosen = s.payment.chosen_at("per_diem", s.horizon_years);
      errors.add(config::location_at_path(root, chosen), "payment.per_diem.bed_types",
                 "per_diem is put in force by " + chosen + " but payment.per_diem.bed_types names no bed type");
    }
    resolve_bed_types(root, s, p, errors);
    if (!used || !s.catalogue) return;
    if (const std::string missing = payment_method(p.other_cases).missing(s); !missing.empty()) {
      report_at(errors, root, "payment.per_diem.other_cases", "'" + p.other_cases + "' cannot pay them: " + missing);
      return;
    }
    // A year whose rule has a pot of its own has no global budget; the per-diem stays are outside that pot, so
    // they would be outside every cap.
    if (s.payment.global_budget.mode != BudgetMode::None &&
        payment_method(p.other_cases).rule(s, 0, {})->has_own_pot()) {
      report_at(errors, root, std::vector<std::string>{"payment.per_diem.other_cases", "payment.global_budget.mode"},
                "'" + p.other_cases +
                    "' pays from a pot of its own, which replaces the global budget in its years, and per-diem "
                    "stays are outside that pot: with payment.global_budget they would be capped by neither");
    }
  }
  std::string missing(const ScenarioConfig& s) const override {
    const PerDiemConfig& p = s.payment.section<PerDiemConfig>("per_diem");
    if (p.bed_types.empty()) return "the scenario sets no payment.per_diem.bed_types";
    return payment_method(p.other_cases).missing(s);
  }
  std::vector<std::string> settlement_types() const override { return {"per_diem"}; }
  std::unique_ptr<PaymentRule> rule(const ScenarioConfig& s, int year,
                                    const std::vector<double>& factor) const override {
    const PerDiemConfig& p = s.payment.section<PerDiemConfig>("per_diem");
    return std::make_unique<PerDiemRule>(p, payment_method(p.other_cases).rule(s, year, factor));
  }
};

}  // namespace

Binding<PerDiemConfig> per_diem_binding() {
  const config::Choices<std::string> others = [] {
    config::Choices<std::string> c;
    for (const std::string& name : other_methods()) c.add(name, name);
    return c;
  }();
  return Binding<PerDiemConfig>("PerDiemConfig")
      .list("bed_types", &PerDiemConfig::bed_types, bed_type_binding(),
            [](SpecPtr s) {
              return s->def_node(Node::sequence())
                  ->doc("long-stay bed types paid per bed-day (required when per_diem is used)");
            })
      .field("tier_coefficient", &PerDiemConfig::tier_coefficient,
             per_tier(Spec::real()->greater_than(0)->max(10), {"1", "1", "1"}, "hospital-level coefficient (等级系数)",
                      "ratio"))
      .field("other_cases", &PerDiemConfig::other_cases,
             others.spec()->def("ffs")->doc("the method that pays every case outside the bed types"), others);
}

PerDiemRule::PerDiemRule(PerDiemConfig config, std::unique_ptr<PaymentRule> other)
    : config_(std::move(config)), other_(std::move(other)), per_diem_type_(settlement_type_named("per_diem")) {}

double PerDiemRule::payment_yuan(std::size_t bed_type, double los_days, int tier) const {
  double paid = 0, from_day = 0;
  for (const DailyRateBand& band : config_.bed_types[bed_type].daily_rates) {
    const double days = std::min(los_days, band.to_day) - from_day;
    if (days <= 0) break;
    paid += days * band.rate_yuan;
    from_day = band.to_day;
  }
  return paid * config_.tier_coefficient[static_cast<std::size_t>(std::clamp(tier, 1, kTierCount) - 1)];
}

Settlement PerDiemRule::settle(const Claim& claim) const {
  if (!per_diem(claim)) return other_->settle(claim);
  Settlement s;
  s.type = per_diem_type_;
  s.settlement_yuan =
      payment_yuan(static_cast<std::size_t>(config_.bed_type_of_group[claim.group]), claim.los_days, claim.tier);
  s.standard_yuan = s.settlement_yuan;  // the stay's per-diem amount is its standard
  s.patient_share_yuan = claim.patient_share_yuan;
  s.fund_payment_yuan = fund_payment_for(s.settlement_yuan, s.patient_share_yuan);
  return s;
}

std::string PerDiemRule::claim_problem(const Claim& claim) const {
  if (!per_diem(claim)) return other_->claim_problem(claim);
  if (claim.los_days > 0) return "";
  const BedType& bed = config_.bed_types[static_cast<std::size_t>(config_.bed_type_of_group[claim.group])];
  return "the stay is paid by the bed-day (bed type '" + bed.name + "'), so it needs los_days above 0";
}

std::unique_ptr<PaymentRule> PerDiemRule::valued_at(double point_value_yuan) const {
  std::unique_ptr<PaymentRule> other = other_->valued_at(point_value_yuan);
  if (!other) return nullptr;
  return std::make_unique<PerDiemRule>(config_, std::move(other));
}

Settlement PerDiemRule::pay(Claim& claim, std::size_t hospital) {
  return per_diem(claim) ? settle(claim) : other_->pay(claim, hospital);
}

const PaymentMethod& per_diem_method() {
  static const PerDiem method;
  return method;
}

}  // namespace reformsim::agents
