#include "runbook/duration.hpp"

#include <array>
#include <cctype>
#include <cmath>
#include <string>

#include "util/text.hpp"
#include "util/time_format.hpp"

namespace drc::runbook {

namespace {

using std::chrono::seconds;

struct UnitName {
  std::string_view name;
  long seconds;
};
// Longest names first so "minutes" is not read as "m" + "inutes".
constexpr std::array<UnitName, 26> kUnits{{
    {"seconds", 1},   {"second", 1}, {"secs", 1},    {"sec", 1},      {"s", 1},
    {"minutes", 60},  {"minute", 60}, {"mins", 60},  {"min", 60},     {"m", 60},
    {"hours", 3600},  {"hour", 3600}, {"hrs", 3600}, {"hr", 3600},    {"h", 3600},
    {"days", 86400},  {"day", 86400}, {"d", 86400},  {"weeks", 604800}, {"week", 604800},
    {"wks", 604800},  {"wk", 604800}, {"w", 604800}, {"mn", 60},      {"hs", 3600},
    {"ss", 1},
}};

class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  void skip_spaces() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t')) ++i_;
  }
  bool done() const { return i_ >= s_.size(); }
  std::size_t pos() const { return i_; }
  void reset(std::size_t p) { i_ = p; }
  std::string_view rest() const { return s_.substr(i_); }

  bool eat(std::string_view lit) {
    if (s_.substr(i_).starts_with(lit)) {
      i_ += lit.size();
      return true;
    }
    return false;
  }
  // A word-bounded literal: "to" must not match the start of "total".
  bool eat_word(std::string_view word) {
    if (!s_.substr(i_).starts_with(word)) return false;
    const auto end = i_ + word.size();
    if (end < s_.size() && std::isalpha(static_cast<unsigned char>(s_[end]))) return false;
    i_ = end;
    return true;
  }

  std::optional<double> number() {
    const auto start = i_;
    while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
    if (i_ < s_.size() && s_[i_] == '.' && i_ + 1 < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_ + 1]))) {
      ++i_;
      while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
    }
    if (i_ == start) return std::nullopt;
    return std::stod(std::string(s_.substr(start, i_ - start)));
  }

  std::optional<long> unit() {
    const auto save = i_;
    skip_spaces();
    for (const auto& u : kUnits) {
      if (eat_word(u.name)) return u.seconds;
    }
    i_ = save;
    return std::nullopt;
  }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};

// One amount: "30", "30m", "1h30m", "1 hour 30 minutes", "1.5 hours". unit is nullopt for a bare number.
struct Amount {
  double value = 0;  // in seconds when it has a unit, else the bare number
  long first_unit = 0;  // seconds per unit of the first part; 0 for a bare number
  bool has_unit() const { return first_unit != 0; }
};

std::optional<Amount> read_amount(Scanner& sc) {
  sc.skip_spaces();
  auto n = sc.number();
  if (!n) return std::nullopt;
  auto u = sc.unit();
  if (!u) return Amount{*n, 0};
  double total = *n * static_cast<double>(*u);
  // Compound parts: "1h30m", "1 hour 30 minutes", "2h 15m".
  for (;;) {
    const auto save = sc.pos();
    sc.skip_spaces();
    sc.eat_word("and");
    sc.skip_spaces();
    auto n2 = sc.number();
    if (!n2) {
      sc.reset(save);
      break;
    }
    auto u2 = sc.unit();
    if (!u2) {
      sc.reset(save);
      break;
    }
    total += *n2 * static_cast<double>(*u2);
  }
  return Amount{total, *u};
}

seconds to_seconds(double v) { return seconds{static_cast<long>(std::llround(v))}; }

enum class Bound { Exact, UpTo, AtLeast };

Bound read_qualifier(Scanner& sc) {
  for (;;) {
    sc.skip_spaces();
    if (sc.eat("~") || sc.eat("≈") || sc.eat_word("about") || sc.eat_word("approximately") ||
        sc.eat_word("approx.") || sc.eat_word("approx") || sc.eat_word("around") || sc.eat_word("roughly") ||
        sc.eat_word("est.") || sc.eat_word("typically") || sc.eat_word("usually")) {
      continue;
    }
    break;
  }
  if (sc.eat("<=") || sc.eat("<") || sc.eat("≤") || sc.eat_word("up to") || sc.eat_word("under") ||
      sc.eat_word("less than") || sc.eat_word("within") || sc.eat_word("max") || sc.eat_word("at most") ||
      sc.eat_word("no more than")) {
    return Bound::UpTo;
  }
  if (sc.eat(">=") || sc.eat(">") || sc.eat("≥") || sc.eat_word("at least") || sc.eat_word("more than") ||
      sc.eat_word("over")) {
    return Bound::AtLeast;
  }
  return Bound::Exact;
}

std::optional<DurationRange> read_range(Scanner& sc) {
  const Bound bound = read_qualifier(sc);
  auto first = read_amount(sc);
  if (!first) return std::nullopt;
  const auto after_first = sc.pos();
  sc.skip_spaces();
  const bool dash = sc.eat("-") || sc.eat("–") || sc.eat("—") || sc.eat_word("to");
  if (dash) {
    sc.skip_spaces();
    sc.eat("~");
    if (auto second = read_amount(sc); second && second->has_unit()) {
      // "1-2 hours": a bare first number takes the unit the second one starts with.
      const double lo = first->has_unit() ? first->value : first->value * static_cast<double>(second->first_unit);
      if (lo > second->value) return std::nullopt;
      return DurationRange{to_seconds(lo), to_seconds(second->value)};
    }
    sc.reset(after_first);
  }
  if (!first->has_unit()) return std::nullopt;
  const auto v = to_seconds(first->value);
  switch (bound) {
    case Bound::UpTo: return DurationRange{seconds{0}, v};
    case Bound::AtLeast:
    case Bound::Exact: return DurationRange{v, v};
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::chrono::seconds> parse_duration(std::string_view text) {
  const auto lowered = to_lower(trim(text));
  Scanner sc(lowered);
  auto a = read_amount(sc);
  sc.skip_spaces();
  if (!a || !a->has_unit() || !sc.done()) return std::nullopt;
  return to_seconds(a->value);
}

std::optional<DurationRange> parse_duration_range(std::string_view text) {
  auto lowered = to_lower(trim(text));
  // Emphasis and a leading label separator do not change the meaning: "**30 minutes**", ": 1h".
  std::string cleaned;
  for (char c : lowered) {
    if (c != '*' && c != '_' && c != '`') cleaned.push_back(c);
  }
  Scanner sc(trim(cleaned));
  return read_range(sc);
}

std::string format_range(const DurationRange& r) {
  return r.min == r.max ? format_compact(r.max) : format_compact(r.min) + "-" + format_compact(r.max);
}

std::string format_range(const std::optional<DurationRange>& r) { return r ? format_range(*r) : std::string(); }

std::optional<TrailingEstimate> find_trailing_estimate(std::string_view title) {
  auto t = trim(title);
  if (t.empty() || t.back() != ')') return std::nullopt;
  const auto open = t.rfind('(');
  if (open == std::string_view::npos) return std::nullopt;
  const auto inner = t.substr(open + 1, t.size() - open - 2);
  auto range = parse_duration_range(inner);
  if (!range) return std::nullopt;
  // Only a parenthesis that is nothing but a duration is an estimate: "(see below, 5 min)" is prose.
  const auto lowered = to_lower(inner);
  Scanner sc(lowered);
  if (!read_range(sc)) return std::nullopt;
  sc.skip_spaces();
  if (!sc.done()) return std::nullopt;
  return TrailingEstimate{*range, static_cast<std::size_t>(title.find(t) + open)};
}

}  // namespace drc::runbook
