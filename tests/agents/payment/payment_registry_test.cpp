// The registry of payment methods feeds the schema, the sections and the command line.
#include "agents/payment/payment_registry.hpp"

#include <gtest/gtest.h>

#include "agents/scenario/scenario_declarations.hpp"

namespace reformsim::agents {
namespace {

TEST(PaymentRegistryTest, MethodsAreKeyedByName) {
  const std::vector<std::string> names = payment_method_names();
  ASSERT_GE(names.size(), 3u);
  EXPECT_EQ(names[0], "ffs");
  for (const std::string& name : names) {
    const PaymentMethod* m = find_payment_method(name);
    ASSERT_NE(m, nullptr) << name;
    EXPECT_EQ(m->name(), name);
    EXPECT_FALSE(m->description().empty()) << name;
    EXPECT_NE(payment_method_list(", ").find(name + " — "), std::string::npos) << name;
  }
  EXPECT_EQ(find_payment_method("capitation_by_vibes"), nullptr);
  EXPECT_THROW(payment_method("capitation_by_vibes"), std::logic_error);
}

TEST(PaymentRegistryTest, TheSchemaListsTheRegisteredMethodsAndTheirSections) {
  const config::SpecPtr scenario = scenario_spec();
  const config::Spec* payment = scenario->field("payment");
  ASSERT_NE(payment, nullptr);
  EXPECT_EQ(payment->field("method")->enum_values(), payment_method_names());
  EXPECT_EQ(payment->field("switches")->item()->field("method")->enum_values(), payment_method_names());
  for (const PaymentMethod* m : payment_methods()) {
    EXPECT_EQ(payment->field(m->name()) != nullptr, m->section() != nullptr) << m->name();
  }
}

TEST(PaymentRegistryTest, EveryMethodSettlesAndNamesItsTypes) {
  for (const std::string& name : settlement_type_names())
    EXPECT_EQ(settlement_type_name(settlement_type_named(name)), name);
  EXPECT_EQ(settlement_type_name(SettlementType::HighMultiple), "high_multiple");
  EXPECT_THROW(settlement_type_named("nope"), std::logic_error);
}

}  // namespace
}  // namespace reformsim::agents
