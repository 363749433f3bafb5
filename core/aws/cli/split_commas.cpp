#include "aws/cli/split_commas.hpp"

#include <algorithm>
#include <optional>

namespace drc::aws::cli {

namespace {

bool has_any(const std::string& s, const std::string& chars) { return s.find_first_of(chars) != std::string::npos; }

// One row of Python's csv.reader(..., escapechar='\\') with its defaults (quotechar '"', doublequote,
// not strict): a backslash takes the next character as it is, a field that starts with a quote runs to
// the closing quote. Fails where csv raises (a backslash or an open quote at the end).
Result<std::vector<std::string>> csv_row(const std::string& text) {
  enum class State { StartField, InField, Escape, InQuoted, EscapeInQuoted, QuoteInQuoted };
  std::vector<std::string> fields;
  std::string field;
  State state = State::StartField;
  for (char c : text) {
    switch (state) {
      case State::StartField:
      case State::InField:
        if (c == '"' && state == State::StartField) {
          state = State::InQuoted;
        } else if (c == '\\') {
          state = State::Escape;
        } else if (c == ',') {
          fields.push_back(std::move(field));
          field.clear();
          state = State::StartField;
        } else {
          field += c;
          state = State::InField;
        }
        break;
      case State::Escape:
        field += c;
        state = State::InField;
        break;
      case State::InQuoted:
        if (c == '\\') {
          state = State::EscapeInQuoted;
        } else if (c == '"') {
          state = State::QuoteInQuoted;
        } else {
          field += c;
        }
        break;
      case State::EscapeInQuoted:
        field += c;
        state = State::InQuoted;
        break;
      case State::QuoteInQuoted:
        if (c == '"') {
          field += c;
          state = State::InQuoted;
        } else if (c == ',') {
          fields.push_back(std::move(field));
          field.clear();
          state = State::StartField;
        } else {
          field += c;
          state = State::InField;
        }
        break;
    }
  }
  if (state == State::Escape || state == State::EscapeInQuoted || state == State::InQuoted) {
    return make_error("unexpected end of data");
  }
  fields.push_back(std::move(field));
  return fields;
}

std::optional<char> first_quote(const std::string& part) {
  const auto pos = part.find_first_of("'\"");
  if (pos == std::string::npos) return std::nullopt;
  return part[pos];
}

std::string without(std::string s, std::optional<char> c) {
  if (!c) return s;
  std::erase(s, *c);
  return s;
}

// _eat_items: joins parts up to the one that ends with `end`, dropping `drop` from each.
Result<std::string> eat_items(const std::string& value, const std::vector<std::string>& parts, std::size_t& i, char end,
                              std::optional<char> drop) {
  std::string joined = without(parts[i], drop);
  while (true) {
    if (++i >= parts.size()) return make_error(value);
    joined += "," + without(parts[i], drop);
    if (!parts[i].empty() && parts[i].back() == end) return joined;
  }
}

Result<std::vector<std::string>> split_with_quotes(const std::string& value) {
  auto row = csv_row(value);
  if (!row) return make_error("Bad csv value: " + value);
  const auto& parts = *row;
  std::vector<std::string> out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto& part = parts[i];
    const auto quote = first_quote(part);
    const auto list_start = part.find("=[");
    if (list_start != std::string::npos && value.find(']') != std::string::npos &&
        (!quote || part.find(*quote) > list_start)) {
      std::string chunk = part;
      if (part.find(']') == std::string::npos) {
        auto eaten = eat_items(value, parts, i, ']', std::nullopt);
        if (!eaten) return eaten.error();
        chunk = *eaten;
      }
      auto items = split_with_quotes(chunk.substr(list_start + 2, chunk.size() - list_start - 3));
      if (!items) return items.error();
      std::string joined;
      for (const auto& item : *items) joined += (joined.empty() ? "" : ",") + item;
      out.push_back(chunk.substr(0, list_start + 1) + joined);
    } else if (!quote) {
      out.push_back(part);
    } else if (std::count(part.begin(), part.end(), *quote) == 2) {
      out.push_back(without(part, quote));
    } else {
      auto eaten = eat_items(value, parts, i, *quote, quote);
      if (!eaten) return eaten.error();
      out.push_back(*eaten);
    }
  }
  return out;
}

}  // namespace

Result<std::vector<std::string>> split_on_commas(const std::string& value) {
  if (!has_any(value, "\"\\'[]")) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t comma; (comma = value.find(',', start)) != std::string::npos; start = comma + 1) {
      out.push_back(value.substr(start, comma - start));
    }
    out.push_back(value.substr(start));
    return out;
  }
  if (!has_any(value, "\"'[]")) {
    auto row = csv_row(value);
    if (!row) return make_error(row.error().message);
    return row;
  }
  return split_with_quotes(value);
}

}  // namespace drc::aws::cli
