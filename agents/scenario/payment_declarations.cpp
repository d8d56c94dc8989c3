// Declarations of the `payment:` section: the method at the start and its timed switches (names from the registry),
// one section per registered method that has parameters (declared by the method itself), and the global budget.
#include <algorithm>
#include <cmath>
#include <string>

#include "agents/payment/payment_registry.hpp"
#include "agents/scenario/hospital_names.hpp"
#include "agents/scenario/parameter_bounds.hpp"
#include "agents/scenario/scenario_declarations.hpp"
#include "agents/scenario/schema_helpers.hpp"
#include "sim/config/key_path.hpp"

namespace reformsim::agents {

namespace {

using namespace schema;

SpecPtr method_names() { return Spec::enumeration(payment_method_names()); }

Binding<PaymentSwitch> switch_binding() {
  return Binding<PaymentSwitch>("PaymentSwitch")
      .field("year", &PaymentSwitch::year,
             Spec::integer()->range(1, 1000)->doc("simulated year (1 = first) from whose 1 January it applies"))
      .field("method", &PaymentSwitch::method, method_names()->doc("the new payment method"))
      .field("hospitals", &PaymentSwitch::hospitals,
             Spec::array(Spec::string())
                 ->def_node(Node::sequence())
                 ->doc("pilot hospitals the switch applies to (empty: every hospital); the others keep the method "
                       "they had"));
}

Binding<ShareBand> band_binding() {
  return Binding<ShareBand>("ShareBand")
      .field("from", &ShareBand::from, Spec::real()->min(0)->unit("ratio")->doc("lower edge, as a ratio to the budget"))
      .field("to", &ShareBand::to,
             Spec::real()->greater_than(0)->optional()->unit("ratio")->doc("upper edge (omit in an open last band)"))
      .field("share", &ShareBand::share,
             Spec::real()->range(0, 1)->unit("fraction")->doc("share applied within the band"));
}

std::function<SpecPtr(SpecPtr)> bands(Node defaults, std::string doc) {
  return [defaults, doc](SpecPtr s) { return s->def_node(defaults)->doc(doc); };
}

const config::Choices<BudgetMode>& budget_modes() {
  static const config::Choices<BudgetMode> c{{"none", BudgetMode::None},
                                             {"growth_cap", BudgetMode::GrowthCap},
                                             {"fixed", BudgetMode::Fixed},
                                             {"income", BudgetMode::Income}};
  return c;
}

// Bands must tile [0, last edge) without gaps or overlaps, each with from < to; only the last may be open.
void check_bands(const Node& root, const std::string& path, const std::vector<ShareBand>& list,
                 config::ErrorList& errors) {
  double edge = 0;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string item = path + "[" + std::to_string(i) + "]";
    const ShareBand& b = list[i];
    if (b.from != edge) {
      config::report_at(errors, root, item + ".from",
                        std::string(b.from < edge ? "overlaps" : "leaves a gap after") +
                            " the previous band (expected from " + config::format_number(edge) + ", got " +
                            config::format_number(b.from) + ")");
    }
    if (!(b.to > b.from)) config::report_at(errors, root, item + ".to", "must be greater than from");
    if (!std::isfinite(b.to) && i + 1 < list.size())
      config::report_at(errors, root, item, "only the last band may omit to");
    edge = b.to;
  }
}

}  // namespace

Binding<IncomePotConfig> income_pot_binding() {
  return Binding<IncomePotConfig>("IncomePotConfig")
      .field("surplus_share", &IncomePotConfig::surplus_share,
             Spec::real()
                 ->range(-0.5, 0.9)
                 ->def(0.05)
                 ->unit("fraction")
                 ->doc("share of the expected income kept as surplus (略有结余)"))
      .field("pot_share", &IncomePotConfig::pot_share,
             Spec::real()
                 ->greater_than(0)
                 ->max(1)
                 ->def(0.6)
                 ->unit("fraction")
                 ->doc("share of the rest given to the pot (the fund's other spending, outpatient care first, has the "
                       "remainder)"))
      .field("adjustment_yuan", &IncomePotConfig::adjustment_yuan,
             Spec::real()
                 ->range(-1e12, 1e12)
                 ->def(0.0)
                 ->unit("yuan")
                 ->doc("added to the pot (negative: taken away), e.g. a negotiated allowance"))
      .field("growth_cap", &IncomePotConfig::growth_cap,
             Spec::real()
                 ->greater_than(-1)
                 ->max(10)
                 ->optional()
                 ->unit("fraction")
                 ->doc("the pot grows at most this much over the previous year's pot"));
}

Binding<GlobalBudgetConfig> global_budget_binding() {
  return Binding<GlobalBudgetConfig>("GlobalBudgetConfig")
      .field("mode", &GlobalBudgetConfig::mode,
             budget_modes().spec()->def("none")->doc(
                 "regional budget: none, previous expenditure × (1 + growth_cap), a fixed pot, or a pot from the "
                 "fund's income"),
             budget_modes())
      .field("income_pot", &GlobalBudgetConfig::income_pot, income_pot_binding(),
             [](SpecPtr s) { return s->doc("mode income: how the pot follows the fund's expected income"); })
      .field("growth_cap", &GlobalBudgetConfig::growth_cap,
             Spec::real()
                 ->greater_than(-1)
                 ->max(10)
                 ->def(0.03)
                 ->unit("fraction")
                 ->doc("growth cap of the budget over the previous year's inpatient fund expenditure"))
      .field("base_expenditure_yuan", &GlobalBudgetConfig::base_expenditure_yuan,
             Spec::real()
                 ->greater_than(0)
                 ->max(kMaxTotalYuan)
                 ->optional()
                 ->unit("yuan")
                 ->doc("expenditure the first year's budget grows from (else year 1 only sets the base)"))
      .field("fixed_budget_yuan", &GlobalBudgetConfig::fixed_budget_yuan,
             Spec::real()
                 ->greater_than(0)
                 ->max(kMaxTotalYuan)
                 ->optional()
                 ->unit("yuan")
                 ->doc("yearly inpatient pot for mode fixed"))
      .list("surplus_retention", &GlobalBudgetConfig::surplus_retention, band_binding(),
            bands(list_of({map_of({{"from", "0"}, {"to", "0.15"}, {"share", "1"}})}),
                  "share of an under-spend the hospital keeps, by band of surplus ÷ budget (contiguous from 0)"))
      .list("overspend_sharing", &GlobalBudgetConfig::overspend_sharing, band_binding(),
            bands(list_of({map_of({{"from", "0"}, {"to", "0.1"}, {"share", "0.5"}})}),
                  "share of an overspend the fund covers, by band of overspend ÷ budget (contiguous from 0)"))
      .field(
          "performance_pay_share", &GlobalBudgetConfig::performance_pay_share,
          Spec::real()
              ->range(0, 1)
              ->def(0.6)
              ->unit("fraction")
              ->doc("share of a hospital's retained surplus (or Yichang-rule surplus under DIP) paid out as doctors' "
                    "performance pay"));
}

Binding<PaymentConfig> payment_binding() {
  Binding<PaymentConfig> b("PaymentConfig");
  b.field("method", &PaymentConfig::method, method_names()->def("ffs")->doc("payment method at the start"))
      .list("switches", &PaymentConfig::switches, switch_binding(), [](SpecPtr s) {
        return s->def_node(Node::sequence())->doc("timed policy switches, e.g. FFS → DRG on 1 January of year 2");
      });
  for (const PaymentMethod* m : payment_methods()) {
    const SpecPtr section = m->section();
    if (!section) continue;
    b.custom(m->name(), section, m->section_fields(), [m](const Node* value, PaymentConfig& p) {
       p.sections[m->name()] = m->load(*value);
     }).member("sections");
  }
  return b.field("global_budget", &PaymentConfig::global_budget, global_budget_binding());
}

void check_payment(const Node& root, ScenarioConfig& s, config::ErrorList& errors) {
  const GlobalBudgetConfig& gb = s.payment.global_budget;
  check_bands(root, "payment.global_budget.surplus_retention", gb.surplus_retention, errors);
  check_bands(root, "payment.global_budget.overspend_sharing", gb.overspend_sharing, errors);
  if (gb.mode == BudgetMode::Fixed && !gb.fixed_budget_yuan) {
    errors.add(config::location_at_path(root, "payment.global_budget.mode"), "payment.global_budget.fixed_budget_yuan",
               "mode fixed needs fixed_budget_yuan");
  }
  int previous_year = 0;
  for (std::size_t i = 0; i < s.payment.switches.size(); ++i) {
    const PaymentSwitch& sw = s.payment.switches[i];
    const std::string path = "payment.switches[" + std::to_string(i) + "].year";
    if (sw.year > s.horizon_years) {
      config::report_at(errors, root, path,
                        "switch in year " + std::to_string(sw.year) +
                            " is after the horizon (horizon_years = " + std::to_string(s.horizon_years) + ")");
    }
    if (sw.year <= previous_year) config::report_at(errors, root, path, "switch years must be strictly ascending");
    previous_year = sw.year;
  }
  const HospitalNames names(s);
  for (std::size_t i = 0; i < s.payment.switches.size(); ++i) {
    PaymentSwitch& sw = s.payment.switches[i];
    sw.hospital_ids.clear();
    for (std::size_t k = 0; k < sw.hospitals.size(); ++k) {
      const std::string path = "payment.switches[" + std::to_string(i) + "].hospitals[" + std::to_string(k) + "]";
      if (!names.known(root, path, sw.hospitals[k], errors)) continue;
      const std::size_t id = names.id.at(sw.hospitals[k]);
      if (sw.applies_to(id) && !sw.hospital_ids.empty()) {
        config::report_at(errors, root, path, "'" + sw.hospitals[k] + "' is named twice");
        continue;
      }
      sw.hospital_ids.push_back(id);
    }
  }
}

namespace {

// Pilots mix methods within a year. A pot (DIP's annual budget) is cleared by each rule that owns one, and a year with
// a pot has no global-budget settlement, so two pot-owning rules, or a pot beside a global budget, would pay or cap
// the wrong money.
void check_pots_of_mixed_years(const Node& root, const ScenarioConfig& s, config::ErrorList& errors) {
  // The first year of each problem is enough: later years repeat it.
  bool split_reported = false, uncapped_reported = false;
  for (int y = 0; y < s.horizon_years; ++y) {
    std::vector<std::string> methods, pots;
    for (std::size_t h = 0; h < s.hospitals.size(); ++h) {
      const std::string& m = s.payment.method_in_year(y, h);
      if (std::find(methods.begin(), methods.end(), m) != methods.end()) continue;
      methods.push_back(m);
      if (payment_method(m).rule(s, y, {})->has_own_pot()) pots.push_back(m);
    }
    if (methods.size() < 2 || pots.empty()) continue;
    std::string where = "payment.method";
    for (std::size_t i = 0; i < s.payment.switches.size(); ++i) {
      const PaymentSwitch& sw = s.payment.switches[i];
      if (sw.year - 1 <= y && !sw.hospitals.empty()) where = "payment.switches[" + std::to_string(i) + "].hospitals";
    }
    const std::string year = "in year " + std::to_string(y + 1);
    if (pots.size() > 1 && !split_reported) {
      split_reported = true;
      config::report_at(errors, root, where,
                        year + " '" + pots[0] + "' and '" + pots[1] +
                            "' would each clear their own pot from the whole annual budget: pay the pot-owning cases "
                            "of pilots and non-pilots by one method");
    } else if (pots.size() == 1 && s.payment.global_budget.mode != BudgetMode::None && !uncapped_reported) {
      uncapped_reported = true;
      config::report_at(errors, root, std::vector<std::string>{where, "payment.global_budget.mode"},
                        year + " '" + pots[0] +
                            "' has its own pot, which replaces the global budget, so the hospitals on other methods "
                            "would be capped by neither");
    }
  }
}

}  // namespace

void resolve_payment_methods(const Node& root, ScenarioConfig& s, config::ErrorList& errors) {
  for (const PaymentMethod* m : payment_methods()) {
    if (s.payment.sections.count(m->name()))
      m->resolve(root, s, s.payment.uses(m->name(), s.horizon_years, s.hospitals.size()), errors);
  }
  // Rules can be built only from a scenario whose methods resolved.
  if (errors.empty() && s.catalogue) check_pots_of_mixed_years(root, s, errors);
}

}  // namespace reformsim::agents
