#include "util/time_format.hpp"

#include <array>
#include <cstdio>
#include <utility>

namespace drc {

using namespace std::chrono;

std::string format_iso8601(Timestamp t) {
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss hms{t - day};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ld.%03ldZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()),
                static_cast<long>(hms.seconds().count()), static_cast<long>(hms.subseconds().count()));
  return buf;
}

std::optional<Timestamp> parse_iso8601(std::string_view s) {
  // YYYY-MM-DDTHH:MM:SS, then any fraction of a second (the journal writes milliseconds, AWS up to
  // microseconds), then Z or an offset (+00:00, as the aws CLI prints some services' times).
  int y = 0;
  unsigned mo = 0, d = 0, h = 0, mi = 0, se = 0;
  int used = 0;
  const std::string str(s);
  if (std::sscanf(str.c_str(), "%4d-%2u-%2uT%2u:%2u:%2u%n", &y, &mo, &d, &h, &mi, &se, &used) != 6 || used != 19) return std::nullopt;
  std::string_view rest = s.substr(19);
  milliseconds frac{0};
  if (!rest.empty() && rest.front() == '.') {
    rest.remove_prefix(1);
    int digits = 0, scale = 100;
    while (!rest.empty() && rest.front() >= '0' && rest.front() <= '9') {
      if (digits < 3) frac += milliseconds{(rest.front() - '0') * scale};
      scale /= 10;
      ++digits;
      rest.remove_prefix(1);
    }
    if (digits == 0) return std::nullopt;
  }
  minutes offset{0};
  if (rest == "Z") {
  } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':') {
    unsigned oh = 0, om = 0;
    if (std::sscanf(std::string(rest.substr(1)).c_str(), "%2u:%2u", &oh, &om) != 2 || oh > 23 || om > 59) return std::nullopt;
    offset = hours{oh} + minutes{om};
    if (rest[0] == '-') offset = -offset;
  } else {
    return std::nullopt;
  }
  const year_month_day ymd{year{y}, month{mo}, day{d}};
  if (!ymd.ok() || h > 23 || mi > 59 || se > 60) return std::nullopt;
  return sys_days{ymd} + hours{h} + minutes{mi} + seconds{se} + frac - offset;
}

std::string format_clock_utc(Timestamp t) {
  const hh_mm_ss hms{t - floor<days>(t)};
  char buf[48];
  std::snprintf(buf, sizeof buf, "%02ld:%02ld:%02ld", static_cast<long>(hms.hours().count()),
                static_cast<long>(hms.minutes().count()), static_cast<long>(hms.seconds().count()));
  return buf;
}

std::string format_datetime_utc(Timestamp t) {
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss hms{t - day};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02ld:%02ld UTC", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()));
  return buf;
}

std::string format_hms(seconds d) {
  const bool negative = d < seconds::zero();
  const auto a = negative ? -d : d;
  const auto h = duration_cast<hours>(a);
  const auto m = duration_cast<minutes>(a - h);
  const auto s = a - h - m;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s%ld:%02ld:%02ld", negative ? "-" : "", static_cast<long>(h.count()),
                static_cast<long>(m.count()), static_cast<long>(s.count()));
  return buf;
}

std::string format_compact(seconds d) {
  if (d == seconds::zero()) return "0s";
  std::string out = d < seconds::zero() ? "-" : "";
  auto a = d < seconds::zero() ? -d : d;
  const auto dd = duration_cast<days>(a);
  a -= dd;
  const auto h = duration_cast<hours>(a);
  a -= h;
  const auto m = duration_cast<minutes>(a);
  a -= m;
  if (dd.count()) out += std::to_string(dd.count()) + "d";
  if (h.count()) out += std::to_string(h.count()) + "h";
  if (m.count()) out += std::to_string(m.count()) + "m";
  if (a.count()) out += std::to_string(a.count()) + "s";
  return out;
}

}  // namespace drc

namespace drc {

std::string format_duration_ms(milliseconds d) {
  if (d < seconds{1}) return std::to_string(d.count()) + "ms";
  if (d % seconds{1} != milliseconds{0} && d < seconds{60}) {
    return std::to_string(d.count() / 1000) + "." + std::to_string((d.count() % 1000) / 100) + "s";
  }
  return format_compact(duration_cast<seconds>(d));
}

std::string format_age(std::chrono::seconds d) {
  using namespace std::chrono;
  if (d < seconds::zero()) return "-" + format_age(-d);
  const std::array<std::pair<long, const char*>, 4> units{{{86400, "d"}, {3600, "h"}, {60, "m"}, {1, "s"}}};
  long left = static_cast<long>(d.count());
  for (std::size_t i = 0; i < units.size(); ++i) {
    const long n = left / units[i].first;
    if (n == 0 && i + 1 < units.size()) continue;
    std::string out = std::to_string(n) + units[i].second;
    if (i + 1 < units.size()) {
      const long next = (left % units[i].first) / units[i + 1].first;
      if (next > 0) out += std::to_string(next) + units[i + 1].second;
    }
    return out;
  }
  return "0s";
}

}  // namespace drc
