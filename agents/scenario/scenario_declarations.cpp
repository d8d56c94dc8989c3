// The top level of a scenario file: its calendar, its catalogue and every section, in file order.
#include "agents/scenario/scenario_declarations.hpp"

#include "agents/behaviour/behaviour_declarations.hpp"
#include "agents/primary_care/primary_care_declarations.hpp"
#include "agents/procurement/procurement_declarations.hpp"
#include "agents/scenario/parameter_bounds.hpp"
#include "agents/scenario/schema_helpers.hpp"
#include "agents/supervision/supervision_declarations.hpp"
#include "sim/config/validate.hpp"

namespace reformsim::agents {

using namespace schema;

namespace {

Binding<IndexConfig> index_binding() {
  return Binding<IndexConfig>("IndexConfig")
      .field("reference_year", &IndexConfig::reference_year,
             Spec::integer()->range(0, 100)->def(1)->unit("year")->doc(
                 "reported year (1 = first) whose city-wide group means are the reference of the time and cost "
                 "consumption indices of every year; 0: each year's own city-wide means (the city-wide index "
                 "is then 1 by construction)"));
}

}  // namespace

config::Binding<ScenarioConfig> scenario_binding() {
  auto doc = [](const char* text) { return [text](SpecPtr s) { return s->doc(text); }; };
  auto list_doc = [](const char* text) {
    return [text](SpecPtr s) { return s->def_node(Node::sequence())->doc(text); };
  };
  return Binding<ScenarioConfig>("ScenarioConfig")
      .field("schema_version", &ScenarioConfig::schema_version,
             Spec::integer()
                 ->range(1, kScenarioSchemaVersion)
                 ->def(kScenarioSchemaVersion)
                 ->doc("scenario format version"))
      .field("name", &ScenarioConfig::name, Spec::string()->def("unnamed scenario")->doc("a short name for reports"))
      .field("start_year", &ScenarioConfig::start_year,
             Spec::integer()
                 ->range(1900, 2200)
                 ->def(2024)
                 ->unit("year")
                 ->doc("calendar year of simulated day 0 (1 January)"))
      .field("horizon_years", &ScenarioConfig::horizon_years,
             Spec::integer()->range(1, 100)->def(3)->unit("years")->doc("simulated years"))
      .field("warmup_years", &ScenarioConfig::warmup_years,
             Spec::integer()->range(0, 20)->def(1)->unit("years")->doc(
                 "years simulated before start_year and not reported, so that year 1 starts in steady "
                 "state: beds occupied, queues, strategies and intensities as year 1's rules leave them. "
                 "Each repeats year 1's rules and levels (volume-based procurement starts with year 1); "
                 "the fund reopens at its initial balance. 0: start with empty hospitals"))
      .field("catalogue", &ScenarioConfig::catalogue_file,
             Spec::path()->doc("case catalogue CSV (relative to the file that names it)"))
      .member("catalogue_file")
      .field("population", &ScenarioConfig::population, population_binding())
      .field("wages", &ScenarioConfig::wages, wage_binding())
      .field("demand", &ScenarioConfig::demand, demand_binding())
      .field("case_mix", &ScenarioConfig::case_mix, case_mix_binding())
      .list("hospitals", &ScenarioConfig::hospitals, hospital_binding(),
            [](SpecPtr s) { return s->min_items(1)->doc("the hospitals of the city"); })
      .field("capacity", &ScenarioConfig::capacity, capacity_binding(),
             doc("beds over the years, waits and where patients go after the longest wait, distressed hospitals"))
      .field("provider_choice", &ScenarioConfig::provider_choice, provider_choice_binding())
      .field("benefits", &ScenarioConfig::benefits, benefit_binding())
      .field("fund", &ScenarioConfig::fund, fund_binding())
      .field("payment", &ScenarioConfig::payment, payment_binding())
      .list("shocks", &ScenarioConfig::shocks, shock_binding(),
            list_doc("timed stress-test shocks: ageing, epidemics, wage slowdown, contribution cuts, new technology"))
      .field("behaviour", &ScenarioConfig::behaviour, behaviour_binding(),
             doc("hospitals' and doctors' responses to the payment rules (gaming)"))
      .field("supervision", &ScenarioConfig::supervision, supervision_binding(), doc("detectors, audits and penalties"))
      .list("drugs", &ScenarioConfig::drugs, drug_binding(),
            list_doc("the drug table: molecules, their products and their use per case and visit"))
      .field("procurement", &ScenarioConfig::procurement, procurement_binding(),
             doc("volume-based procurement cycles (集中带量采购)"))
      .field("network", &ScenarioConfig::network, network_binding(),
             doc("the referral network: village clinics, roads between hospitals, referrals"))
      .field("family_doctors", &ScenarioConfig::family_doctors, family_doctor_binding(),
             doc("family-doctor contracting (家庭医生签约) and gatekeeping"))
      .list("alliances", &ScenarioConfig::alliances, alliance_binding(),
            list_doc("county alliances (县域医共体) paid a per-capita global budget"))
      .field("indices", &ScenarioConfig::indices, index_binding(),
             doc("the reference of the time and cost consumption indices"));
}

config::Node scenario_defaults() {
  config::ErrorList required_keys_missing;  // an empty file lacks them; only the defaults are wanted
  return config::validate(config::Node::map(), *scenario_spec(), required_keys_missing);
}

config::SpecPtr scenario_spec() {
  config::SpecPtr spec = scenario_binding().spec();
  bound_every_number(spec);
  return spec;
}

}  // namespace reformsim::agents
