#pragma once
// An HTTP response as it came back: status, headers in order, the whole body.

#include <string>
#include <string_view>

#include "aws/http/request.hpp"

namespace drc::aws::http {

struct Response {
  int status = 0;
  Pairs headers;
  std::string body;
  const std::string* header(std::string_view name) const;  // the first, any case
};

}  // namespace drc::aws::http
