#include "sim/experiment/experiment_identity.hpp"

#include <sstream>

#include "sim/config/sha256.hpp"
#include "sim/experiment/results_file.hpp"

namespace reformsim::experiment {

namespace {

// Fields are written "name<TAB>value"; a value never holds a newline or tab (hashes, versions, numbers, paths
// escaped below).
std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else
      out += c;
  }
  return out;
}

std::string unescaped(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      const char c = text[++i];
      out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::optional<std::size_t> number(const std::string& text) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || text.size() > 19)
    return std::nullopt;
  return static_cast<std::size_t>(std::stoull(text));
}

}  // namespace

std::string ExperimentIdentity::to_text() const {
  std::ostringstream out;
  out << "experiment_sha256\t" << experiment_sha256 << '\n'
      << "scenarios_sha256\t" << scenarios_sha256 << '\n'
      << "tool_version\t" << escaped(tool_version) << '\n'
      << "git_revision\t" << escaped(git_revision) << '\n'
      << "binary_id\t" << escaped(binary_id) << '\n'
      << "total_runs\t" << total_runs << '\n'
      << "first_run\t" << selection.first << '\n'
      << "end_run\t" << selection.end << '\n';
  for (const config::InputRecord& input : inputs)
    out << "input\t" << input.sha256 << '\t' << escaped(input.path) << '\n';
  return out.str();
}

std::optional<ExperimentIdentity> ExperimentIdentity::from_text(const std::string& text) {
  ExperimentIdentity id;
  std::istringstream in(text);
  std::string line;
  int fields = 0;
  while (std::getline(in, line)) {
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos) return std::nullopt;
    const std::string key = line.substr(0, tab);
    const std::string value = line.substr(tab + 1);
    if (key == "input") {
      const std::size_t second = value.find('\t');
      if (second == std::string::npos) return std::nullopt;
      id.inputs.push_back({unescaped(value.substr(second + 1)), value.substr(0, second)});
      continue;
    }
    ++fields;
    if (key == "experiment_sha256")
      id.experiment_sha256 = value;
    else if (key == "scenarios_sha256")
      id.scenarios_sha256 = value;
    else if (key == "tool_version")
      id.tool_version = unescaped(value);
    else if (key == "git_revision")
      id.git_revision = unescaped(value);
    else if (key == "binary_id")
      id.binary_id = unescaped(value);
    else {
      const auto n = number(value);
      if (!n) return std::nullopt;
      if (key == "total_runs")
        id.total_runs = *n;
      else if (key == "first_run")
        id.selection.first = *n;
      else if (key == "end_run")
        id.selection.end = *n;
      else
        return std::nullopt;
    }
  }
  if (fields != 8 || id.selection.first > id.selection.end || id.selection.end > id.total_runs) return std::nullopt;
  return id;
}

std::vector<std::string> ExperimentIdentity::differences_from(const ExperimentIdentity& recorded,
                                                              bool compare_selection) const {
  std::vector<std::string> out;
  if (experiment_sha256 != recorded.experiment_sha256)
    out.push_back("the experiment (its file, seed or replicates) differs from the one recorded");
  if (total_runs != recorded.total_runs)
    out.push_back("it expands to " + std::to_string(total_runs) + " runs, the recorded one to " +
                  std::to_string(recorded.total_runs));
  if (scenarios_sha256 != recorded.scenarios_sha256) out.push_back("the validated scenarios differ");
  // Inputs are read in a fixed order, so the i-th file read now must have the i-th recorded contents: two files whose
  // contents were swapped differ too. Paths are not compared (a moved, unchanged file is the same input).
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (i >= recorded.inputs.size() || inputs[i].sha256 != recorded.inputs[i].sha256)
      out.push_back("input '" + inputs[i].path + "' is not the file the recorded runs read there (or it has changed)" +
                    (i < recorded.inputs.size() ? " (recorded: '" + recorded.inputs[i].path + "')" : ""));
  }
  if (inputs.size() != recorded.inputs.size())
    out.push_back("it reads " + std::to_string(inputs.size()) + " input files, the recorded runs read " +
                  std::to_string(recorded.inputs.size()));
  if (tool_version != recorded.tool_version || git_revision != recorded.git_revision || binary_id != recorded.binary_id)
    out.push_back("the binary differs (recorded: reformsim " + recorded.tool_version + ", revision " +
                  recorded.git_revision + ", " + recorded.binary_id + "; this one: reformsim " + tool_version +
                  ", revision " + git_revision + ", " + binary_id + ")");
  if (compare_selection && !(selection == recorded.selection))
    out.push_back("it covers runs " + std::to_string(selection.first) + ":" + std::to_string(selection.end) +
                  ", the recorded ones " + std::to_string(recorded.selection.first) + ":" +
                  std::to_string(recorded.selection.end));
  return out;
}

ExperimentIdentity identify(const ExperimentSpec& spec, const ExpandedExperiment& experiment,
                            const std::vector<std::string>& resolved_scenarios, RunSelection selection) {
  ExperimentIdentity id;
  config::Sha256 plan_hash;
  plan_hash.update(spec.source_text);
  for (const RunPlan& p : experiment.runs) {
    std::string line;
    for (const std::string& field :
         {std::to_string(p.run_id), std::to_string(p.point), p.arm, std::to_string(p.replicate), std::to_string(p.seed),
          std::to_string(p.scenario_index)})
      line.append(line.empty() ? "\n" : " ").append(field);
    for (const std::string& v : p.varied_values) line.append("\t").append(v);
    plan_hash.update(line);
  }
  id.experiment_sha256 = plan_hash.hex_digest();
  config::Sha256 scenario_hash;
  for (const std::string& s : resolved_scenarios) {
    scenario_hash.update(std::to_string(s.size()) + "\n");  // lengths keep the concatenation unambiguous
    scenario_hash.update(s);
  }
  id.scenarios_sha256 = scenario_hash.hex_digest();
  id.inputs = config::input_files_read();
  id.tool_version = tool_version();
  id.git_revision = git_revision();
  id.binary_id = binary_identity();
  id.total_runs = experiment.runs.size();
  id.selection = selection;
  return id;
}

}  // namespace reformsim::experiment
