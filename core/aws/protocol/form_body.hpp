#pragma once
// application/x-www-form-urlencoded bodies (the query and ec2 protocols), as Python's urlencode writes them
// and parse_qsl reads them.

#include <string>
#include <string_view>

#include "aws/http/request.hpp"

namespace drc::aws::protocol {

// Percent-encoding with nothing safe, spaces as '+' ('+' itself is %2B), fields joined by '&'.
std::string form_encode(const http::Pairs& fields);

// The fields in order: '+' is a space, %XX a byte (a malformed escape stays as written), a field without
// '=' has an empty value, empty fields are skipped.
http::Pairs form_decode(std::string_view body);

}  // namespace drc::aws::protocol
