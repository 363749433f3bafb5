#pragma once
// Percent-encoding and path clean-up as AWS's signers and serializers do them.

#include <string>
#include <string_view>

namespace drc::aws::http {

// Encodes every byte except A-Z a-z 0-9 - _ . ~ and those in `safe`, as %XX with upper-case hex. (The
// same rule as Python's urllib.parse.quote, which botocore signs with.)
std::string percent_encode(std::string_view text, std::string_view safe = "");

// RFC 3986 §5.2.4, and runs of slashes collapse: AWS services want "/a/b" for "/a//./c/../b". An empty
// path is "/".
std::string remove_dot_segments(std::string_view path);

}  // namespace drc::aws::http
