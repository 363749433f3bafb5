#include "aws/protocol/form_body.hpp"

#include <cctype>

#include "aws/http/uri.hpp"

namespace drc::aws::protocol {

std::string form_encode(const http::Pairs& fields) {
  auto enc = [](const std::string& text) {
    std::string out;
    for (char c : text) out += c == ' ' ? std::string("+") : http::percent_encode(std::string_view(&c, 1));
    return out;
  };
  std::string out;
  for (const auto& [k, v] : fields) {
    if (!out.empty()) out += '&';
    out += enc(k) + "=" + enc(v);
  }
  return out;
}

namespace {

std::string unquote_plus(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) && std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

http::Pairs form_decode(std::string_view body) {
  http::Pairs out;
  while (!body.empty()) {
    const auto amp = body.find('&');
    const auto field = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view{} : body.substr(amp + 1);
    if (field.empty()) continue;
    const auto eq = field.find('=');
    out.emplace_back(unquote_plus(field.substr(0, eq)),
                     eq == std::string_view::npos ? std::string() : unquote_plus(field.substr(eq + 1)));
  }
  return out;
}

}  // namespace drc::aws::protocol
