#include "aws/client/paginator.hpp"


#include "aws/cli/output.hpp"
#include "aws/jmespath/jmespath.hpp"
#include "aws/protocol/values.hpp"

namespace drc::aws::client {

using Json = nlohmann::ordered_json;

namespace {

// "A", "A.B_c": identifiers joined by dots, which can be walked without JMESPath.
bool dotted_path(const std::string& e) {
  bool start = true;
  for (char c : e) {
    const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    const bool digit = c >= '0' && c <= '9';
    if (c == '.') {
      if (start) return false;
      start = true;
    } else if (letter || (digit && !start)) {
      start = false;
    } else {
      return false;
    }
  }
  return !start;
}

}  // namespace

std::optional<Json> search(const std::string& expression, const Json& value) {
  if (dotted_path(expression)) {
    const Json* at = &value;
    std::size_t pos = 0;
    while (pos <= expression.size()) {
      auto dot = expression.find('.', pos);
      if (dot == std::string::npos) dot = expression.size();
      const auto key = expression.substr(pos, dot - pos);
      if (!at->is_object() || !at->contains(key)) return Json(nullptr);
      at = &(*at)[key];
      pos = dot + 1;
    }
    return *at;
  }
  auto r = jmespath::search(expression, cli::to_plain(value));
  if (!r) return std::nullopt;
  return cli::to_ordered(*r);
}

void set_path(Json& target, const std::string& dotted, Json value) {
  Json* at = &target;
  std::size_t pos = 0;
  for (;;) {
    const auto dot = dotted.find('.', pos);
    const auto key = dotted.substr(pos, dot == std::string::npos ? std::string::npos : dot - pos);
    if (!at->is_object()) *at = Json::object();
    if (dot == std::string::npos) {
      (*at)[key] = std::move(value);
      return;
    }
    at = &(*at)[key];
    pos = dot + 1;
  }
}

namespace {

// Python's bool(), which botocore applies to tokens and to more_results: None, False, 0, "", [] and {}
// are false.
bool truthy(const Json& v) {
  if (v.is_null()) return false;
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_number()) return v.get<double>() != 0;
  return !v.empty();
}
bool has_token(const Json& v) { return truthy(v); }

// {"Marker": "abc", "boto_truncate_amount": 2} as Python's json.dumps writes it, then base64.
std::string encode_token(const Json& token) {
  std::string s = "{";
  bool first = true;
  for (const auto& [k, v] : token.items()) {
    if (!first) s += ", ";
    first = false;
    s += Json(k).dump(-1, ' ', true) + ": " + v.dump(-1, ' ', true);
  }
  return protocol::base64_encode(s + "}");
}

// The next page's tokens, unless the model's more_results says there is none.
Json next_tokens(const model::Paginator& p, const Json& page) {
  Json next = Json::object();
  bool more = true;
  if (!p.more_results.empty()) more = truthy(search(p.more_results, page).value_or(nullptr));
  if (more) {
    for (std::size_t i = 0; i < p.output_tokens.size() && i < p.input_tokens.size(); ++i) {
      auto t = search(p.output_tokens[i], page).value_or(nullptr);
      next[p.input_tokens[i]] = has_token(t) ? t : Json(nullptr);
    }
  }
  return next;
}

struct Walk {
  AwsClient* client;
  const model::Operation* op;
  model::Paginator p;
  CallRequest request;
  Paging paging;
  std::function<void(PaginatedResult)> done;
  PaginatedResult result;
  Json next_token = Json::object();
  std::optional<Json> previous_token;
  long long total = 0;
  long long starting_truncation = 0;
  bool first = true;
};

void inject(Json& params, const Json& token) {
  for (const auto& [name, value] : token.items()) {
    if (!value.is_null() && !(value.is_string() && value.get<std::string>() == "None")) {
      params[name] = value;
    } else {
      params.erase(name);
    }
  }
}

void step(std::shared_ptr<Walk> w);

}  // namespace

std::optional<Json> next_page_params(const model::Paginator& p, const Json& params, const Json& page) {
  const auto next = next_tokens(p, page);
  bool any = false, same = true;
  for (const auto& [k, v] : next.items()) {
    any = any || !v.is_null();
    const auto it = params.find(k);
    same = same && it != params.end() && *it == v;
  }
  if (!any || same) return std::nullopt;
  Json out = params;
  inject(out, next);
  return out;
}

namespace {

void on_page(std::shared_ptr<Walk> w, CallResult r) {
  ++w->result.calls;
  if (!r.ok()) {
    w->result.last = std::move(r);
    return w->done(std::move(w->result));
  }
  Json page = *r.output;
  w->result.last = std::move(r);
  const auto& primary = w->p.result_keys.front();
  if (w->first) {
    if (w->starting_truncation > 0) {
      auto all = search(primary, page).value_or(Json(nullptr));
      if (all.is_array()) {
        Json kept = Json::array();
        for (std::size_t i = static_cast<std::size_t>(w->starting_truncation); i < all.size(); ++i) kept.push_back(all[i]);
        set_path(page, primary, kept);
      }
    }
    w->first = false;
    for (const auto& key : w->p.non_aggregate_keys) set_path(w->result.non_aggregate, key, search(key, page).value_or(nullptr));
  } else {
    w->starting_truncation = 0;
  }
  auto current = search(primary, page).value_or(Json(nullptr));
  const long long n = current.is_array() || current.is_string() ? static_cast<long long>(current.size()) : 0;
  const long long truncate = w->paging.max_items ? w->total + n - *w->paging.max_items : 0;
  if (truncate > 0) {
    Json kept = Json::array();
    for (long long i = 0; i < n - truncate; ++i) kept.push_back(current[static_cast<std::size_t>(i)]);
    set_path(page, primary, kept);
    Json token = w->next_token;
    token["boto_truncate_amount"] = n - truncate + w->starting_truncation;
    w->result.resume_token = encode_token(token);
    w->result.pages.push_back(std::move(page));
    return w->done(std::move(w->result));
  }
  w->total += n;
  Json next = next_tokens(w->p, page);
  w->result.pages.push_back(std::move(page));
  bool any = false;
  for (const auto& [k, v] : next.items()) any = any || !v.is_null();
  if (!any) return w->done(std::move(w->result));
  if (w->paging.max_items && w->total == *w->paging.max_items) {
    w->result.resume_token = encode_token(next);
    return w->done(std::move(w->result));
  }
  if (w->previous_token && *w->previous_token == next) {
    w->result.last.output.reset();
    w->result.last.failure = "The same next token was received twice: " + next.dump();
    return w->done(std::move(w->result));
  }
  inject(w->request.params, next);
  w->previous_token = next;
  w->next_token = next;
  step(w);
}

void step(std::shared_ptr<Walk> w) {
  auto req = w->request;
  w->client->call(std::move(req), [w](CallResult r) { on_page(w, std::move(r)); });
}

}  // namespace

Json PaginatedResult::full_result(const model::Paginator& p) const {
  Json out = Json::object();
  for (const auto& page : pages) {
    for (const auto& key : p.result_keys) {
      auto value = search(key, page).value_or(nullptr);
      if (value.is_null()) continue;
      auto existing = search(key, out).value_or(nullptr);
      if (existing.is_null()) {
        set_path(out, key, value);
      } else if (value.is_array() && existing.is_array()) {
        for (auto& v : value) existing.push_back(v);
        set_path(out, key, existing);
      } else if (value.is_string() && existing.is_string()) {
        set_path(out, key, existing.get<std::string>() + value.get<std::string>());
      } else if (value.is_number() && existing.is_number()) {
        set_path(out, key, existing.get<double>() + value.get<double>());
      }
    }
  }
  for (const auto& [k, v] : non_aggregate.items()) {
    if (out.contains(k) && out[k].is_object() && v.is_object()) {
      for (const auto& [k2, v2] : v.items()) out[k][k2] = v2;
    } else {
      out[k] = v;
    }
  }
  if (resume_token) out["NextToken"] = *resume_token;
  return out;
}

void paginate(AwsClient& client, const model::Operation& op, CallRequest request, Paging paging,
              std::function<void(PaginatedResult)> done) {
  auto w = std::make_shared<Walk>();
  w->client = &client;
  w->op = &op;
  w->p = *op.paginator;
  w->paging = paging;
  w->done = std::move(done);
  for (const auto& t : w->p.input_tokens) w->next_token[t] = nullptr;
  if (paging.starting_token) {
    // botocore's form (base64 JSON) or the legacy one (tokens joined by "___").
    Json token;
    if (auto decoded = protocol::base64_decode(*paging.starting_token)) {
      try {
        token = Json::parse(*decoded);
      } catch (const std::exception&) {
      }
    }
    if (!token.is_object()) {
      token = Json::object();
      std::size_t pos = 0, i = 0;
      const auto& s = *paging.starting_token;
      while (i < w->p.input_tokens.size()) {
        const auto sep = s.find("___", pos);
        token[w->p.input_tokens[i++]] = s.substr(pos, sep == std::string::npos ? std::string::npos : sep - pos);
        if (sep == std::string::npos) break;
        pos = sep + 3;
      }
    }
    if (token.contains("boto_truncate_amount")) {
      w->starting_truncation = token["boto_truncate_amount"].get<long long>();
      token.erase("boto_truncate_amount");
    }
    w->next_token = token;
    inject(request.params, token);
  }
  if (paging.page_size && !w->p.limit_key.empty()) request.params[w->p.limit_key] = *paging.page_size;
  w->request = std::move(request);
  step(w);
}

}  // namespace drc::aws::client
