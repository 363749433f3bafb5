#pragma once
// Drives an inventory Collection as the console or gather() would, with answers written by hand: every
// call it sends is kept until answered, follow-ups included.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "inventory/collection.hpp"

namespace drc::test {

class CollectionDriver {
 public:
  CollectionDriver(inventory::Scope scope, Timestamp at) : c(std::move(scope)), now(at) { keep(c.start(at)); }

  inventory::Collection c;
  Timestamp now;
  std::vector<cloud::CloudCall> out;  // sent, not yet answered

  bool has(const std::string& op, const std::string& region) const { return find(op, region, {}, {}) != out.end(); }

  // The sent call for op in region (with params[key] == value when key is given).
  cloud::CloudCall call(const std::string& op, const std::string& region, const std::string& key = {}, const std::string& value = {}) const {
    auto it = find(op, region, key, value);
    if (it == out.end()) {
      ADD_FAILURE() << "no " << op << " call out for " << region << " " << key << "=" << value;
      return {};
    }
    return *it;
  }
  void give(const std::string& op, const std::string& region, nlohmann::json output, const std::string& key = {},
            const std::string& value = {}) {
    cloud::CloudResult r;
    r.call = call(op, region, key, value);
    r.output = std::move(output);
    deliver(std::move(r));
  }
  void fail(const std::string& op, const std::string& region, const std::string& code, const std::string& key = {},
            const std::string& value = {}) {
    cloud::CloudResult r;
    r.call = call(op, region, key, value);
    r.error = cloud::CloudError{code, "said no"};
    deliver(std::move(r));
  }
  void deliver(cloud::CloudResult r) {
    const auto key = inventory::call_key(r.call);
    out.erase(std::remove_if(out.begin(), out.end(), [&](const cloud::CloudCall& x) { return inventory::call_key(x) == key; }),
              out.end());
    keep(c.take(r, now));
  }
  // Answers every call out, and every follow-up, with an empty answer, except "Operation@region" in `spare`.
  void rest(const std::vector<std::string>& spare = {}) {
    for (bool any = true; any;) {
      any = false;
      for (const auto& x : std::vector<cloud::CloudCall>(out)) {
        if (std::find(spare.begin(), spare.end(), x.operation + "@" + x.region) != spare.end()) continue;
        cloud::CloudResult r;
        r.call = x;
        r.output = nlohmann::json::object();
        deliver(std::move(r));
        any = true;
      }
    }
  }
  void expire(Timestamp at) {
    now = at;
    keep(c.expire(at));
  }

 private:
  void keep(std::vector<cloud::CloudCall> calls) {
    for (auto& x : calls) out.push_back(std::move(x));
  }
  std::vector<cloud::CloudCall>::const_iterator find(const std::string& op, const std::string& region, const std::string& key,
                                                     const std::string& value) const {
    return std::find_if(out.begin(), out.end(), [&](const cloud::CloudCall& x) {
      return x.operation == op && x.region == region && (key.empty() || x.params.value(key, "") == value);
    });
  }
};

}  // namespace drc::test
