#include "aws/cli/output.hpp"

#include <set>

#include "aws/protocol/python_values.hpp"
#include "aws/protocol/values.hpp"

namespace drc::aws::cli {

using protocol::python_str;

using Json = nlohmann::ordered_json;

namespace {

void json_into(const Json& v, int indent, std::string& out) {
  const std::string pad(static_cast<std::size_t>(indent + 4), ' ');
  const std::string close(static_cast<std::size_t>(indent), ' ');
  switch (v.type()) {
    case Json::value_t::object: {
      if (v.empty()) {
        out += "{}";
        return;
      }
      out += "{\n";
      bool first = true;
      for (const auto& [k, x] : v.items()) {
        if (!first) out += ",\n";
        first = false;
        out += pad + Json(k).dump(-1, ' ', false, Json::error_handler_t::replace) + ": ";
        json_into(x, indent + 4, out);
      }
      out += "\n" + close + "}";
      return;
    }
    case Json::value_t::array: {
      if (v.empty()) {
        out += "[]";
        return;
      }
      out += "[\n";
      bool first = true;
      for (const auto& x : v) {
        if (!first) out += ",\n";
        first = false;
        out += pad;
        json_into(x, indent + 4, out);
      }
      out += "\n" + close + "]";
      return;
    }
    case Json::value_t::number_float: {
      const double d = v.get<double>();
      out += std::isfinite(d) ? protocol::python_float(d) : (std::isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
      return;
    }
    default: out += v.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
}

bool complex(const Json& v) { return v.is_object() || v.is_array(); }

void text_into(const Json& item, std::string& out, const std::string* identifier, const std::vector<std::string>* scalar_keys);

void scalar_list(const std::vector<const Json*>& elements, const std::string* identifier, std::string& out) {
  if (identifier) {
    std::string upper = *identifier;
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (const auto* e : elements) out += upper + "\t" + python_str(*e) + "\n";
    return;
  }
  for (std::size_t i = 0; i < elements.size(); ++i) out += (i ? "\t" : "") + python_str(*elements[i]);
  out += "\n";
}

void text_list(const Json& item, const std::string* identifier, std::string& out) {
  if (item.empty()) return;
  bool any_dict = false, any_list = false;
  for (const auto& e : item) {
    any_dict = any_dict || e.is_object();
    any_list = any_list || e.is_array();
  }
  if (any_dict) {
    std::set<std::string> keys;
    for (const auto& e : item) {
      if (!e.is_object()) continue;
      for (const auto& [k, v] : e.items()) {
        if (!complex(v)) keys.insert(k);
      }
    }
    const std::vector<std::string> all(keys.begin(), keys.end());
    for (const auto& e : item) text_into(e, out, identifier, &all);
  } else if (any_list) {
    std::vector<const Json*> scalars;
    for (const auto& e : item) {
      if (!complex(e)) scalars.push_back(&e);
    }
    if (!scalars.empty()) scalar_list(scalars, identifier, out);
    for (const auto& e : item) {
      if (complex(e)) text_into(e, out, identifier, nullptr);
    }
  } else {
    std::vector<const Json*> all;
    for (const auto& e : item) all.push_back(&e);
    scalar_list(all, identifier, out);
  }
}

void text_dict(const Json& item, const std::string* identifier, const std::vector<std::string>* scalar_keys, std::string& out) {
  std::vector<std::string> scalars;
  std::vector<std::pair<std::string, const Json*>> rest;
  if (!scalar_keys) {
    std::vector<std::string> keys;
    for (const auto& [k, v] : item.items()) keys.push_back(k);
    std::sort(keys.begin(), keys.end());
    for (const auto& k : keys) {
      const auto& v = item.at(k);
      if (complex(v)) {
        rest.emplace_back(k, &v);
      } else {
        scalars.push_back(python_str(v));
      }
    }
  } else {
    for (const auto& k : *scalar_keys) scalars.push_back(item.contains(k) ? python_str(item.at(k)) : "");
    std::vector<std::string> keys;
    for (const auto& [k, v] : item.items()) {
      if (std::find(scalar_keys->begin(), scalar_keys->end(), k) == scalar_keys->end()) keys.push_back(k);
    }
    std::sort(keys.begin(), keys.end());
    for (const auto& k : keys) rest.emplace_back(k, &item.at(k));
  }
  if (!scalars.empty()) {
    if (identifier) {
      std::string upper = *identifier;
      for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      scalars.insert(scalars.begin(), upper);
    }
    for (std::size_t i = 0; i < scalars.size(); ++i) out += (i ? "\t" : "") + scalars[i];
    out += "\n";
  }
  for (const auto& [k, v] : rest) text_into(*v, out, &k, nullptr);
}

void text_into(const Json& item, std::string& out, const std::string* identifier, const std::vector<std::string>* scalar_keys) {
  if (item.is_object()) return text_dict(item, identifier, scalar_keys, out);
  if (item.is_array()) return text_list(item, identifier, out);
  out += python_str(item) + "\n";
}

}  // namespace

std::string format_json(const Json& value) {
  std::string out;
  json_into(value, 0, out);
  return out + "\n";
}

std::string format_text(const Json& value) {
  std::string out;
  text_into(value, out, nullptr, nullptr);
  return out;
}

nlohmann::json to_plain(const Json& v) {
  switch (v.type()) {
    case Json::value_t::object: {
      nlohmann::json o = nlohmann::json::object();
      for (const auto& [k, x] : v.items()) o[k] = to_plain(x);
      return o;
    }
    case Json::value_t::array: {
      nlohmann::json a = nlohmann::json::array();
      for (const auto& x : v) a.push_back(to_plain(x));
      return a;
    }
    case Json::value_t::string: return v.get<std::string>();
    case Json::value_t::boolean: return v.get<bool>();
    case Json::value_t::number_integer: return v.get<std::int64_t>();
    case Json::value_t::number_unsigned: return v.get<std::uint64_t>();
    case Json::value_t::number_float: return v.get<double>();
    default: return nullptr;
  }
}

Json to_ordered(const nlohmann::json& v) {
  switch (v.type()) {
    case nlohmann::json::value_t::object: {
      Json o = Json::object();
      for (const auto& [k, x] : v.items()) o[k] = to_ordered(x);
      return o;
    }
    case nlohmann::json::value_t::array: {
      Json a = Json::array();
      for (const auto& x : v) a.push_back(to_ordered(x));
      return a;
    }
    case nlohmann::json::value_t::string: return v.get<std::string>();
    case nlohmann::json::value_t::boolean: return v.get<bool>();
    case nlohmann::json::value_t::number_integer: return v.get<std::int64_t>();
    case nlohmann::json::value_t::number_unsigned: return v.get<std::uint64_t>();
    case nlohmann::json::value_t::number_float: return v.get<double>();
    default: return nullptr;
  }
}

}  // namespace drc::aws::cli
