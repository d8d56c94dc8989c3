#pragma once
// A small scenario-like declaration shared by the validation, reading and schema-output tests.
#include <cctype>
#include <cstdint>
#include <string>

#include "sim/config/schema.hpp"

namespace reformsim::config::test_support {

/// name (required), seed, population{insured (required), employee_share, age_bands[]}, fund{...all defaults},
/// method, outpatient_enabled, catalogue (path with default), case_file (optional path), weights (map), extra (any),
/// note (free text, may be empty).
inline SpecPtr test_spec() {
  const SpecPtr age_band = Spec::object({
      {"from_age", Spec::integer()->range(0, 120)->unit("years")->doc("first age of the band")},
      {"share", Spec::real()->greater_than(0)->max(1)->unit("fraction")->doc("share of the insured")},
  });
  return Spec::object({
      {"name", Spec::string()->doc("scenario name")},
      {"seed", Spec::integer()->min(0)->def(std::int64_t{1})->doc("master seed")},
      {"population",
       Spec::object({
           {"insured", Spec::integer()->greater_than(0)->unit("persons")->doc("insured persons")},
           {"employee_share", Spec::real()->range(0, 1)->def(0.4)->unit("fraction")->doc("share of employees")},
           {"age_bands", Spec::array(age_band)->min_items(1)->max_items(3)->optional()->doc("age structure")},
       })},
      {"fund", Spec::object({
                   {"growth", Spec::real()->greater_than(-1)->less_than(1)->def(0.05)->unit("per year")->doc("growth")},
                   {"reserve_months", Spec::integer()->range(0, 120)->def(6)->unit("months")->doc("reserve | window")},
               })},
      {"method", Spec::enumeration({"ffs", "drg", "dip"})->def("ffs")->doc("payment method")},
      {"outpatient_enabled", Spec::boolean()->def(true)->doc("simulate outpatient visits")},
      {"catalogue", Spec::path()->def("data/catalogue.csv")->doc("case catalogue CSV")},
      {"case_file", Spec::path()->optional()->doc("claims to settle")},
      {"weights", Spec::map_of(Spec::real()->min(0))
                      ->key_pattern("lower-case letters",
                                    [](const std::string& k) {
                                      for (char c : k) {
                                        if (!std::islower(static_cast<unsigned char>(c))) return false;
                                      }
                                      return !k.empty();
                                    })
                      ->def_node(Node::map())
                      ->doc("named weights")},
      {"extra", Spec::any()->optional()->doc("checked elsewhere")},
      {"note", Spec::string()->allow_empty()->optional()->doc("free text")},
  });
}

}  // namespace reformsim::config::test_support
