#include "aws/credentials/provider.hpp"

#include <nlohmann/json.hpp>

#include "aws/protocol/values.hpp"

namespace drc::aws::credentials {

using namespace std::chrono_literals;

namespace {
constexpr auto kRefreshBefore = 5min;
}

Provider::Provider(std::vector<std::unique_ptr<Source>> chain, std::function<Timestamp()> now)
    : chain_(std::move(chain)), now_(std::move(now)) {}

void Provider::get(Done done) {
  {
    std::lock_guard lock(mutex_);
    if (cached_ && (!cached_->expiration || *cached_->expiration - now_() > kRefreshBefore)) {
      auto c = *cached_;
      done(std::move(c));
      return;
    }
    waiting_.push_back(std::move(done));
    if (looking_) return;  // one lookup serves everyone waiting
    looking_ = true;
  }
  lookup(0, {});
}

void Provider::lookup(std::size_t index, std::vector<std::string> looked) {
  if (index >= chain_.size()) {
    std::string where;
    for (std::size_t i = 0; i < looked.size(); ++i) where += (i ? ", " : "") + looked[i];
    finish(make_error("no AWS credentials found; looked in: " + where +
                      ". Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or name a profile with --profile"));
    return;
  }
  auto& source = *chain_[index];
  looked.push_back(source.describe());
  source.load([this, index, looked](Lookup l) mutable {
    switch (l.state) {
      case Lookup::State::Found: finish(std::move(l.creds)); break;
      case Lookup::State::Failed: finish(make_error(l.error)); break;
      case Lookup::State::NotConfigured: lookup(index + 1, std::move(looked)); break;
    }
  });
}

void Provider::finish(Result<Credentials> r) {
  std::vector<Done> waiting;
  {
    std::lock_guard lock(mutex_);
    if (r) cached_ = *r;
    waiting.swap(waiting_);
    looking_ = false;
  }
  for (auto& d : waiting) d(r);
}

Result<Credentials> credentials_from_json(const std::string& text, const std::string& source) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const std::exception&) {
    return make_error(source + " did not answer with JSON");
  }
  if (!j.is_object()) return make_error(source + " did not answer with a JSON object");
  auto str = [&](const char* k) { return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string(); };
  Credentials c;
  c.access_key_id = str("AccessKeyId");
  c.secret_access_key = Secret(str("SecretAccessKey"));
  c.session_token = Secret(!str("SessionToken").empty() ? str("SessionToken") : str("Token"));
  c.source = source;
  if (const auto exp = str("Expiration"); !exp.empty()) {
    const auto t = protocol::parse_timestamp_text(exp);
    if (!t) return make_error(source + " gave an Expiration that is not a timestamp: " + exp);
    c.expiration = std::chrono::floor<std::chrono::milliseconds>(*t);
  }
  if (c.access_key_id.empty() || c.secret_access_key.empty()) {
    return make_error(source + " answered without AccessKeyId and SecretAccessKey");
  }
  if (j.contains("Version") && j["Version"] != 1) return make_error(source + " answered with an unsupported Version");
  return c;
}

}  // namespace drc::aws::credentials
