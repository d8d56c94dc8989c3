#pragma once
// The `payment:` section of a scenario: the method in force and its timed switches, each payment method's own
// section (payment.<method>, declared by the method's plug-in in agents/payment/), and the regional global budget.
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace reformsim::agents {

/// The parameters of one payment method's section; each method (agents/payment/) derives its own.
struct MethodParameters {
  virtual ~MethodParameters() = default;
};

/// A timed policy switch: from 1 January of `year` (1 = first simulated year) the method changes, for every
/// hospital or for the named pilot hospitals only.
struct PaymentSwitch {
  int year;            ///< simulated year (1 = first) from whose 1 January it applies
  std::string method;  ///< the new payment method
  /// pilot hospitals the switch applies to (empty: every hospital); the others keep the method they had
  std::vector<std::string> hospitals;
  std::vector<std::size_t> hospital_ids;  ///< resolved from `hospitals`
  /// True when the switch changes hospital `h`'s method (kAll: a switch for every hospital).
  bool applies_to(std::size_t h) const {
    if (hospital_ids.empty()) return true;
    for (std::size_t id : hospital_ids) {
      if (id == h) return true;
    }
    return false;
  }
  static constexpr std::size_t kAll = static_cast<std::size_t>(-1);
};

/// One band of a retention or sharing schedule over a ratio to the budget: the part of the ratio between `from`
/// and `to` counts with `share`.
struct ShareBand {
  double from;                                          ///< lower edge, as a ratio to the budget
  double to = std::numeric_limits<double>::infinity();  ///< upper edge (omit in an open last band)
  double share;                                         ///< share applied within the band
};

enum class BudgetMode : std::uint8_t { None, GrowthCap, Fixed, Income };

/// A pot set each year from the fund's income (以收定支、收支平衡、略有结余): the contributions the fund expects in
/// the year × (1 − surplus_share) × pot_share + adjustment_yuan, at most the previous year's pot × (1 + growth_cap).
struct IncomePotConfig {
  double surplus_share;  ///< share of the expected income kept as surplus (略有结余)
  /// share of the rest given to the pot (the fund's other spending, outpatient care first, has the remainder)
  double pot_share;
  double adjustment_yuan;            ///< added to the pot (negative: taken away), e.g. a negotiated allowance
  std::optional<double> growth_cap;  ///< the pot grows at most this much over the previous year's pot
};

/// Regional global budget (总额预算) with surplus retention and overspend sharing (结余留用、超支分担). It governs
/// the fund's inpatient payments in the years of methods without a pot of their own (DIP has one).
struct GlobalBudgetConfig {
  /// regional budget: none, previous expenditure × (1 + growth_cap), a fixed pot, or a pot from the fund's income
  BudgetMode mode;
  IncomePotConfig income_pot;  ///< mode income: how the pot follows the fund's expected income
  /// growth cap of the budget over the previous year's inpatient fund expenditure
  double growth_cap;
  /// expenditure the first year's budget grows from (else year 1 only sets the base)
  std::optional<double> base_expenditure_yuan;
  std::optional<double> fixed_budget_yuan;  ///< yearly inpatient pot for mode fixed
  /// share of an under-spend the hospital keeps, by band of surplus ÷ budget (contiguous from 0)
  std::vector<ShareBand> surplus_retention;
  /// share of an overspend the fund covers, by band of overspend ÷ budget (contiguous from 0)
  std::vector<ShareBand> overspend_sharing;
  /// share of a hospital's retained surplus (or Yichang-rule surplus under DIP) paid out as doctors' performance
  /// pay
  double performance_pay_share;
};

struct PaymentConfig {
  std::string method;                   ///< payment method at the start
  std::vector<PaymentSwitch> switches;  ///< timed policy switches, e.g. FFS → DRG on 1 January of year 2
  GlobalBudgetConfig global_budget;
  /// Each method's parameters by method name (methods without a section have none).
  std::map<std::string, std::shared_ptr<MethodParameters>, std::less<>> sections;

  /// The method in force in simulated year `year_index` (0-based) at hospital `hospital`; with
  /// PaymentSwitch::kAll, the method of a hospital no pilot switch names.
  const std::string& method_in_year(int year_index, std::size_t hospital = PaymentSwitch::kAll) const {
    const std::string* m = &method;
    for (const PaymentSwitch& sw : switches) {
      const bool applies = hospital == PaymentSwitch::kAll ? sw.hospital_ids.empty() : sw.applies_to(hospital);
      if (sw.year - 1 <= year_index && applies) m = &sw.method;
    }
    return *m;
  }
  /// True when `name` is in force in any simulated year at any of `hospitals` hospitals.
  bool uses(std::string_view name, int horizon_years, std::size_t hospitals) const {
    for (int y = 0; y < horizon_years; ++y) {
      if (method_in_year(y) == name) return true;
      for (std::size_t h = 0; h < hospitals; ++h) {
        if (method_in_year(y, h) == name) return true;
      }
    }
    return false;
  }
  /// The key path that puts `name` in force first within the horizon ("payment.method" or
  /// "payment.switches[i].method"), or "" when nothing does: where a problem of the method's use is reported.
  std::string chosen_at(std::string_view name, int horizon_years) const {
    if (method == name && (switches.empty() || switches.front().year > 1 || !switches.front().hospitals.empty()))
      return "payment.method";
    for (std::size_t i = 0; i < switches.size(); ++i) {
      if (switches[i].method == name && switches[i].year <= horizon_years)
        return "payment.switches[" + std::to_string(i) + "].method";
    }
    return "";
  }
  /// The parameters of method `name`, as its own type; std::logic_error when it has none of that type.
  template <class P>
  const P& section(std::string_view name) const {
    const auto it = sections.find(name);
    const P* p = it == sections.end() ? nullptr : dynamic_cast<const P*>(it->second.get());
    if (!p) throw std::logic_error("payment method '" + std::string(name) + "' has no parameters of this type");
    return *p;
  }
  /// The same, mutable (while the scenario is built, and for tests).
  template <class P>
  P& section(std::string_view name) {
    return const_cast<P&>(static_cast<const PaymentConfig&>(*this).section<P>(name));
  }
};

}  // namespace reformsim::agents
