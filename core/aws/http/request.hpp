#pragma once
// An HTTP request as the serializers build it and the signer signs it: the path already percent-encoded
// as it goes on the wire, the query as decoded pairs (encoded once, the same way, for the URL and for
// the signature).

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace drc::aws::http {

using Pairs = std::vector<std::pair<std::string, std::string>>;

// A request's body, shared rather than copied when the request is copied: every attempt signs and sends
// a copy of the request, and an 8 MiB upload part should not be held once per copy.
class Body {
 public:
  Body() = default;
  Body(std::string text) : data_(std::make_shared<const std::string>(std::move(text))) {}  // NOLINT: implicit, as a string
  Body(const char* text) : Body(std::string(text)) {}                                        // NOLINT
  Body& operator=(std::string text) {
    data_ = std::make_shared<const std::string>(std::move(text));
    return *this;
  }
  Body& operator=(const char* text) { return *this = std::string(text); }
  const std::string& str() const { return data_ ? *data_ : empty_text(); }
  operator const std::string&() const { return str(); }  // NOLINT: reads as the string it holds
  bool empty() const { return str().empty(); }
  std::size_t size() const { return str().size(); }
  const char* data() const { return str().data(); }
  void clear() { data_.reset(); }
  friend bool operator==(const Body& a, const std::string& b) { return a.str() == b; }

 private:
  static const std::string& empty_text();
  std::shared_ptr<const std::string> data_;
};

struct Request {
  std::string method = "GET";
  std::string scheme = "https";
  std::string host;              // lower case
  std::optional<int> port;       // absent: the scheme's default
  std::string path = "/";        // percent-encoded
  Pairs query;                   // decoded; a key with an empty value is written bare ("?versioning")
  Pairs headers;                 // in the order added; names compared without case
  Body body;

  // The Host header's value: the host (in lower case), and the port when it is not the scheme's default.
  std::string authority() const;
  // scheme://authority/path?query
  std::string url() const;
  // The same with the host as the endpoint wrote it, as botocore shows a URL in its messages.
  std::string shown_url() const;
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
