// cloudwatch put-metric-data's scalar options, which build one MetricData entry
// (awscli/customizations/putmetricdata.py).

#include <algorithm>
#include <array>

#include "aws/cli/custom_args_parts.hpp"
#include "aws/cli/number_args.hpp"
#include "aws/cli/split_commas.hpp"

namespace drc::aws::cli::detail {

namespace {

// The CLI's table order, which is also the order of the entry's keys.
constexpr std::array<const char*, 7> kOptions{"metric-name", "timestamp", "unit", "value", "dimensions", "statistic-values",
                                              "storage-resolution"};

bool is_put_metric(const CustomArgsInput& in) {
  return in.model.metadata().service == "cloudwatch" && in.op.name == "PutMetricData";
}

// Python's `key, value = pair.split('=')`, with its error words.
Result<std::pair<std::string, std::string>> key_value(const std::string& pair) {
  const auto eq = pair.find('=');
  if (eq == std::string::npos) return make_error("not enough values to unpack (expected 2, got 1)");
  if (pair.find('=', eq + 1) != std::string::npos) return make_error("too many values to unpack (expected 2)");
  return std::pair{pair.substr(0, eq), pair.substr(eq + 1)};
}

// decimal.Decimal(text): the CLI keeps the digits as given; drconsole sends the same number as a double.
Result<double> decimal(const std::string& text) {
  auto d = python_float(text);
  if (!d) return make_error("[<class 'decimal.ConversionSyntax'>]");
  return *d;
}

Status add(const std::string& option, const std::string& value, Json& entry) {
  if (option == "metric-name") entry["MetricName"] = value;
  if (option == "unit") entry["Unit"] = value;
  if (option == "timestamp") entry["Timestamp"] = value;
  if (option == "value") {
    auto d = decimal(value);
    if (!d) return d.error();
    entry["Value"] = *d;
  }
  if (option == "dimensions" || option == "statistic-values") {
    auto pairs = split_on_commas(value);
    if (!pairs) return pairs.error();
    Json dims = Json::array();
    Json stats = Json::object();
    for (const auto& pair : *pairs) {
      auto kv = key_value(pair);
      if (!kv) return kv.error();
      if (option == "dimensions") {
        dims.push_back(Json{{"Name", kv->first}, {"Value", kv->second}});
      } else {
        auto d = decimal(kv->second);
        if (!d) return d.error();
        stats[kv->first] = *d;
      }
    }
    if (option == "dimensions") {
      entry["Dimensions"] = std::move(dims);
    } else {
      entry["StatisticValues"] = std::move(stats);
    }
  }
  if (option == "storage-resolution") {
    auto n = python_int(value);
    if (!n) return n.error();
    entry["StorageResolution"] = *n;
  }
  return {};
}

}  // namespace

Status check_put_metric_args(const CustomArgsInput& in) {
  if (!is_put_metric(in) || !in.given.count("metric-data")) return {};
  // validate_mutually_exclusive(['metric_data'], [...]): --storage-resolution is not in either group.
  for (const char* option : kOptions) {
    if (std::string(option) == "storage-resolution" || !in.custom.count(option)) continue;
    std::string key = option;
    std::replace(key.begin(), key.end(), '-', '_');
    return make_error("The key \"" + key + "\" cannot be specified when one of the following keys are also specified: metric_data");
  }
  return {};
}

Status apply_put_metric_args(const CustomArgsInput& in, Json& params) {
  if (!is_put_metric(in)) return {};
  for (const char* option : kOptions) {
    const auto* g = find_given(in, option);
    const auto* v = g ? single_value(*g) : nullptr;
    if (!v) continue;
    // insert_first_element: the options fill MetricData[0], created when --metric-data did not give it.
    if (!params.contains("MetricData") || !params["MetricData"].is_array() || params["MetricData"].empty()) {
      params["MetricData"] = Json::array({Json::object()});
    }
    if (auto st = add(option, *v, params["MetricData"][0]); !st) return st;
  }
  return {};
}

}  // namespace drc::aws::cli::detail
