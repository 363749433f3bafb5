#include "runbook/heading_patterns.hpp"

#include <cctype>

#include "util/text.hpp"

namespace drc::runbook {

namespace {

// A small cursor for heading patterns: linear, no recursion, whatever the input.
class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  bool done() const { return i_ >= s_.size(); }
  std::string_view rest() const { return s_.substr(i_); }
  void spaces() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t')) ++i_;
  }
  bool letter_at(std::size_t k) const { return k < s_.size() && std::isalpha(static_cast<unsigned char>(s_[k])); }
  bool digit_at(std::size_t k) const { return k < s_.size() && std::isdigit(static_cast<unsigned char>(s_[k])); }
  // A case-insensitive word, not followed by a letter.
  bool word(std::string_view w) {
    if (!istarts_with(s_.substr(i_), w) || letter_at(i_ + w.size())) return false;
    i_ += w.size();
    return true;
  }
  bool eat(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  std::optional<int> number() {
    std::size_t j = i_;
    while (digit_at(j) && j - i_ < 6) ++j;
    if (j == i_ || digit_at(j)) return std::nullopt;
    const int n = std::stoi(std::string(s_.substr(i_, j - i_)));
    i_ = j;
    return n;
  }
  // ':' '.' ')' '-' or an en/em dash.
  bool separator() {
    if (eat(':') || eat('.') || eat(')') || eat('-')) return true;
    for (std::string_view dash : {"\u2013", "\u2014"}) {
      if (s_.substr(i_).starts_with(dash)) {
        i_ += dash.size();
        return true;
      }
    }
    return false;
  }
  // "3.2 " or "3. " before a heading's words.
  void outline_number() {
    std::size_t j = i_;
    while (digit_at(j) || (j > i_ && j < s_.size() && s_[j] == '.')) ++j;
    if (j > i_ && j < s_.size() && s_[j] == ' ' && digit_at(i_)) i_ = j;
  }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace

std::optional<std::string> scenario_title(const std::string& heading) {
  if (heading.size() > kMaxLabelLength) return std::nullopt;
  Cursor c(heading);
  c.outline_number();
  c.spaces();
  if (c.word("dr") || c.word("disaster")) c.spaces();
  if (!c.word("scenario")) return std::nullopt;
  c.spaces();
  c.eat('#');
  bool has_id = c.number().has_value();
  if (!has_id && c.letter_at(heading.size() - c.rest().size()) && !c.letter_at(heading.size() - c.rest().size() + 1)) {
    c.eat(c.rest().front());  // a one-letter id: "Scenario A"
    has_id = true;
  }
  c.spaces();
  if (c.separator()) {
    auto title = trim(c.rest());
    if (!title.empty()) return std::string(title);
    return has_id ? std::optional<std::string>(heading) : std::nullopt;
  }
  if (c.done() && has_id) return heading;
  return std::nullopt;
}

std::optional<StepHeading> step_heading(const std::string& text) {
  if (text.size() > kMaxLabelLength) return std::nullopt;
  Cursor c(text);
  if (c.word("step")) {
    c.spaces();
    c.eat('#');
    auto n = c.number();
    if (!n) return std::nullopt;
    c.spaces();
    c.separator();
    return StepHeading{*n, std::string(trim(c.rest()))};
  }
  auto n = c.number();
  if (!n || !(c.eat('.') || c.eat(')'))) return std::nullopt;
  const auto before = c.rest().size();
  c.spaces();
  if (c.rest().size() == before || trim(c.rest()).empty()) return std::nullopt;
  return StepHeading{*n, std::string(trim(c.rest()))};
}

std::optional<std::string> labelled(std::string_view paragraph, std::initializer_list<std::string_view> labels) {
  const auto colon = paragraph.find(':');
  if (colon == std::string_view::npos || colon > 60) return std::nullopt;
  const auto label = to_lower(trim(paragraph.substr(0, colon)));
  for (auto l : labels) {
    if (label == l) return std::string(trim(paragraph.substr(colon + 1)));
  }
  return std::nullopt;
}

}  // namespace drc::runbook
