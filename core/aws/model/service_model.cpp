#include "aws/model/service_model.hpp"

#include <algorithm>
#include <fstream>

#include "aws/model/record_reader.hpp"

namespace drc::aws::model {

using nlohmann::ordered_json;

namespace {

// Model files are our own, but a damaged or hand-edited one must still give a clear error, not a crash.
constexpr std::uintmax_t kMaxModelBytes = 16u << 20;

std::string get(const ordered_json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<Protocol> known_protocol(const std::string& p) {
  if (p == "query") return Protocol::Query;
  if (p == "ec2") return Protocol::Ec2;
  if (p == "json") return Protocol::Json;
  if (p == "rest-json") return Protocol::RestJson;
  if (p == "rest-xml") return Protocol::RestXml;
  return std::nullopt;
}

// A service may speak several protocols (CloudWatch: smithy-rpc-v2-cbor, json, query); the first one in
// its list that drconsole speaks is used.
Protocol protocol_of(const ordered_json& meta, const std::string& file) {
  std::vector<std::string> offered;
  if (auto it = meta.find("protocols"); it != meta.end() && it->is_array()) {
    for (const auto& p : *it) offered.push_back(p.get<std::string>());
  }
  offered.push_back(get(meta, "protocol"));
  for (const auto& p : offered) {
    if (auto known = known_protocol(p)) return *known;
  }
  throw std::runtime_error(file + ": protocol \"" + offered.back() + "\" is not one drconsole speaks");
}


// `{"s":"Name",...}` → 's' and "Name"; false for a line of another form.
bool record_key(std::string_view line, char& kind, std::string_view& name) {
  if (line.size() < 8 || line[0] != '{' || line[1] != '"' || line[3] != '"' || line[4] != ':' || line[5] != '"') return false;
  kind = line[2];
  const auto end = line.find('"', 6);
  if (end == std::string_view::npos) return false;
  name = line.substr(6, end - 6);
  return true;
}

}  // namespace

Result<std::shared_ptr<const ServiceModel>> ServiceModel::open(const std::filesystem::path& file) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) return make_error(file.string() + ": cannot read the service model: " + ec.message());
  if (size > kMaxModelBytes) return make_error(file.string() + ": the service model is larger than 16 MiB; regenerate it with scripts/gen-aws-models");
  std::ifstream in(file, std::ios::binary);
  if (!in) return make_error(file.string() + ": cannot open the service model");
  std::shared_ptr<ServiceModel> m(new ServiceModel());
  m->file_ = file;
  m->text_.resize(static_cast<std::size_t>(size));
  in.read(m->text_.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::uintmax_t>(in.gcount()) != size) return make_error(file.string() + ": the service model was cut short while reading");

  const std::string_view text = m->text_;
  const auto first_end = text.find('\n');
  if (first_end == std::string_view::npos) return make_error(file.string() + ":1: not a drconsole service model (no header line)");
  try {
    const auto header = ordered_json::parse(text.substr(0, first_end));
    const auto& meta = header.at("metadata");
    const auto& cli = header.at("cli");
    auto& md = m->metadata_;
    md.cli_name = get(cli, "name");
    md.api_version = get(meta, "apiVersion");
    md.endpoint_prefix = get(meta, "endpointPrefix");
    md.signing_name = get(meta, "signingName");
    if (md.signing_name.empty()) md.signing_name = md.endpoint_prefix;
    md.service_id = get(meta, "serviceId");
    md.json_version = get(meta, "jsonVersion");
    md.target_prefix = get(meta, "targetPrefix");
    md.global_endpoint = get(meta, "globalEndpoint");
    md.xml_namespace = get(meta, "xmlNamespace");
    md.protocol = protocol_of(meta, file.string());
    md.query_compatible = meta.contains("awsQueryCompatible");
    md.service = file.stem().string();
    for (const auto& [k, v] : cli.at("commands").items()) m->cli_commands_.emplace(k, v.get<std::string>());
    for (const auto& [k, v] : cli.at("waiters").items()) m->cli_waiters_.emplace(k, v.get<std::string>());
    for (const auto& c : cli.at("custom_commands")) m->cli_custom_.push_back(c.get<std::string>());
  } catch (const std::exception& e) {
    return make_error(file.string() + ":1: the model's header cannot be read: " + e.what());
  }

  std::size_t line_no = 1;
  for (std::size_t pos = first_end + 1; pos < text.size(); ++line_no) {
    auto end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const auto line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty()) continue;
    char kind = 0;
    std::string_view name;
    if (!record_key(line, kind, name)) {
      return make_error(file.string() + ":" + std::to_string(line_no + 1) + ": not a model record; regenerate the model");
    }
    if (kind != 'o' && kind != 's' && kind != 'w' && kind != 'r') {
      return make_error(file.string() + ":" + std::to_string(line_no + 1) + ": unknown record kind '" + std::string(1, kind) + "'");
    }
    (kind == 'o' ? m->operations_ : kind == 's' ? m->shapes_ : kind == 'w' ? m->waiters_ : m->rule_sets_).emplace(name, line);
  }
  return std::shared_ptr<const ServiceModel>(std::move(m));
}

std::string_view ServiceModel::record(char kind, std::string_view name) const {
  const auto& index = kind == 'o' ? operations_ : kind == 's' ? shapes_ : kind == 'w' ? waiters_ : rule_sets_;
  auto it = index.find(name);
  return it == index.end() ? std::string_view() : it->second;
}

template <class T, class Read>
const T* ServiceModel::cached(char kind, const char* what, std::string_view name,
                              std::unordered_map<std::string, std::unique_ptr<T>>& cache, Read read) const {
  std::lock_guard lock(mutex_);
  const std::string key(name);
  if (auto it = cache.find(key); it != cache.end()) return it->second.get();
  const auto line = record(kind, name);
  if (line.empty()) return nullptr;
  try {
    return cache.emplace(key, std::make_unique<T>(read(key, line))).first->second.get();
  } catch (const std::exception& e) {
    last_error_ = file_.string() + ": " + what + " " + key + " cannot be read: " + e.what();
    return nullptr;
  }
}

const Operation* ServiceModel::operation(std::string_view name) const {
  return cached<Operation>('o', "operation", name, operation_cache_, [](const std::string& n, std::string_view line) {
    return read_operation(n, ordered_json::parse(line));
  });
}

const Shape* ServiceModel::shape(std::string_view name) const {
  return cached<Shape>('s', "shape", name, shape_cache_, [](const std::string& n, std::string_view line) {
    return read_shape(n, ordered_json::parse(line));
  });
}

const nlohmann::json* ServiceModel::waiter(std::string_view name) const {
  return cached<nlohmann::json>('w', "waiter", name, waiter_cache_, [](const std::string&, std::string_view line) {
    auto j = nlohmann::json::parse(line);
    j.erase("w");
    return j;
  });
}

const nlohmann::ordered_json* ServiceModel::endpoint_rule_set() const {
  return cached<nlohmann::ordered_json>('r', "endpoint rule set", "EndpointRuleSet", rule_set_cache_, [](const std::string&, std::string_view line) {
    auto j = nlohmann::ordered_json::parse(line);
    j.erase("r");
    return j;
  });
}

std::vector<std::string> ServiceModel::operation_names() const {
  std::vector<std::string> out;
  out.reserve(operations_.size());
  for (const auto& [name, line] : operations_) out.emplace_back(name);
  std::sort(out.begin(), out.end());
  return out;
}

std::string ServiceModel::last_error() const {
  std::lock_guard lock(mutex_);
  return last_error_;
}

std::string_view to_string(Protocol p) {
  switch (p) {
    case Protocol::Query: return "query";
    case Protocol::Ec2: return "ec2";
    case Protocol::Json: return "json";
    case Protocol::RestJson: return "rest-json";
    case Protocol::RestXml: return "rest-xml";
  }
  return "?";
}

}  // namespace drc::aws::model
