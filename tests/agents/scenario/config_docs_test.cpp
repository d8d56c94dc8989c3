// Each bound field of the scenario structs carries, as its doc comment, the one-line description of its declaration:
// the header a developer reads says what `reformsim schema` and docs/parameters.md say.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "agents/scenario/scenario_declarations.hpp"
#include "tests/agents/test_support.hpp"

namespace reformsim::agents {
namespace {

struct StructText {
  std::string file;
  int first_line = 0;
  std::vector<std::string> lines;
};

std::string collapse(const std::string& text) {
  std::istringstream in(text);
  std::string word, out;
  while (in >> word) {
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

// Every top-level `struct Name … {` … `};` of the headers under agents/, by name.
std::map<std::string, StructText> struct_texts() {
  std::map<std::string, StructText> out;
  const std::regex opening(R"(^struct (\w+)\b[^;]*\{\s*$)");
  for (const auto& entry : std::filesystem::recursive_directory_iterator(testing::source_path("agents"))) {
    if (entry.path().extension() != ".hpp") continue;
    std::ifstream in(entry.path());
    std::string line;
    int number = 0;
    StructText* open = nullptr;
    while (std::getline(in, line)) {
      ++number;
      std::smatch m;
      if (!open && std::regex_match(line, m, opening)) {
        open = &out[m[1]];
        open->file = entry.path().string();
        open->first_line = number;
        open->lines.clear();
      } else if (open && line.rfind("};", 0) == 0) {
        open = nullptr;
      } else if (open) {
        open->lines.push_back(line);
      }
    }
  }
  return out;
}

// The doc comment of `member` in `s`: a trailing `///<` with its continuation lines, or the `///` lines above it.
std::optional<std::string> doc_of(const StructText& s, const std::string& member, int& line_out) {
  const std::regex declaration("^\\s+[^/(]*[\\s*&>]" + member + "\\s*(=[^;]*|\\{[^;]*\\})?;.*$");
  for (std::size_t i = 0; i < s.lines.size(); ++i) {
    if (!std::regex_match(s.lines[i], declaration)) continue;
    line_out = s.first_line + 1 + static_cast<int>(i);
    std::string doc;
    const std::size_t trailing = s.lines[i].find("///<");
    if (trailing != std::string::npos) {
      doc = s.lines[i].substr(trailing + 4);
      for (std::size_t k = i + 1; k < s.lines.size(); ++k) {
        const std::string t = collapse(s.lines[k]);
        if (t.rfind("///<", 0) != 0) break;
        doc.append(" ").append(t, 4);
      }
      return collapse(doc);
    }
    std::vector<std::string> above;
    for (std::size_t k = i; k-- > 0;) {
      const std::string t = collapse(s.lines[k]);
      if (t.rfind("///", 0) != 0 || t.rfind("///<", 0) == 0) break;
      above.insert(above.begin(), t.substr(3));
    }
    for (const std::string& a : above) doc.append(" ").append(a);
    return collapse(doc);
  }
  return std::nullopt;
}

void check(const config::BindingInfo& info, const std::map<std::string, StructText>& texts,
           std::set<const config::BindingInfo*>& seen, std::vector<std::string>& problems) {
  if (!seen.insert(&info).second) return;
  const auto text = texts.find(info.type_name);
  if (!info.type_name.empty() && text == texts.end()) {
    problems.push_back("struct " + info.type_name + " not found in the headers under agents/");
  }
  for (const config::BoundField& f : info.fields) {
    if (f.nested) check(*f.nested, texts, seen, problems);
    if (info.type_name.empty() || text == texts.end() || f.spec->description().empty()) continue;
    int line = 0;
    const std::optional<std::string> doc = doc_of(text->second, f.member, line);
    const std::string expected = collapse(f.spec->description());
    if (!doc) {
      problems.push_back(text->second.file + ": " + info.type_name + "::" + f.member + " (key '" + f.key +
                         "') not found");
    } else if (*doc != expected) {
      problems.push_back(text->second.file + ":" + std::to_string(line) + ": " + info.type_name + "::" + f.member +
                         " says \"" + *doc + "\", its declaration \"" + expected + "\"");
    }
  }
}

TEST(ConfigDocsTest, EveryBoundFieldCarriesItsDeclarationsDoc) {
  const auto texts = struct_texts();
  std::set<const config::BindingInfo*> seen;
  std::vector<std::string> problems;
  const auto info = scenario_binding().info();
  check(*info, texts, seen, problems);
  std::string all;
  for (const std::string& p : problems) all += p + "\n";
  EXPECT_TRUE(problems.empty()) << problems.size() << " doc comments differ from their declarations:\n" << all;
  EXPECT_GT(seen.size(), 30u) << "the walk should reach every section's binding";
}

}  // namespace
}  // namespace reformsim::agents
