#pragma once
// An HTTP request as the serializers build it and the signer signs it: the path already percent-encoded
// as it goes on the wire, the query as decoded pairs (encoded once, the same way, for the URL and for
// the signature).

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace drc::aws::http {

using Pairs = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method = "GET";
  std::string scheme = "https";
  std::string host;              // lower case
  std::optional<int> port;       // absent: the scheme's default
  std::string path = "/";        // percent-encoded
  Pairs query;                   // decoded; a key with an empty value is written bare ("?versioning")
  Pairs headers;                 // in the order added; names compared without case
  std::string body;

  // The Host header's value: the host, and the port when it is not the scheme's default.
  std::string authority() const;
  // scheme://authority/path?query
  std::string url() const;
  // The query as it goes on the wire: each key and value percent-encoded, in the order given.
  std::string query_string() const;

  const std::string* header(std::string_view name) const;  // the first, any case
  void set_header(std::string_view name, std::string value);  // replaces all of that name
  void remove_header(std::string_view name);
};

bool iequals(std::string_view a, std::string_view b);
// The first value of a header, any case; null when absent.
const std::string* find_header(const Pairs& headers, std::string_view name);

}  // namespace drc::aws::http
