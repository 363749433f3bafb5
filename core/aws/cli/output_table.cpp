#include "aws/cli/output_table.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <set>

#include "aws/protocol/python_values.hpp"

namespace drc::aws::cli {

using protocol::python_str;
using protocol::python_truthy;
using protocol::python_type_name;

using Json = nlohmann::ordered_json;

namespace {

bool scalar(const Json& v) { return !v.is_object() && !v.is_array(); }

struct KeyGroups {
  std::vector<std::string> scalars, nested;  // each sorted
};

KeyGroups group_keys(const Json& object) {
  KeyGroups g;
  for (const auto& [k, v] : object.items()) (scalar(v) ? g.scalars : g.nested).push_back(k);
  std::sort(g.scalars.begin(), g.scalars.end());
  std::sort(g.nested.begin(), g.nested.end());
  return g;
}

// The headers of a list of objects are the scalar keys of any element. The CLI looks into each element
// as an object; the ways that fails for an element of another kind are Python's own messages.
Result<KeyGroups> group_keys_of_list(const Json& list) {
  std::set<std::string> scalars, nested;
  std::optional<Error> later;  // an element the first pass walks through without failing fails after it
  for (const auto& e : list) {
    if (e.is_object()) {
      auto g = group_keys(e);
      scalars.insert(g.scalars.begin(), g.scalars.end());
      nested.insert(g.nested.begin(), g.nested.end());
    } else if (e.is_string() && !e.get_ref<const std::string&>().empty()) {
      return make_error("string indices must be integers, not 'str'");
    } else if (scalar(e) && !e.is_string()) {
      return make_error("'" + python_type_name(e) + "' object is not iterable");
    } else if (e.is_array()) {
      // Indexing the list with each of its own elements: only integers in range get through.
      const auto size = static_cast<long long>(e.size());
      for (const auto& x : e) {
        if (!x.is_number_integer() && !x.is_boolean()) {
          return make_error("list indices must be integers or slices, not " + python_type_name(x));
        }
        const long long i = x.is_boolean()           ? x.get<bool>()
                            : x.is_number_unsigned() ? static_cast<long long>(std::min<std::uint64_t>(x.get<std::uint64_t>(), e.size()))
                                                     : x.get<long long>();
        if (i < -size || i >= size) return make_error("list index out of range");
      }
    }
    if (!e.is_object() && !later) {
      later = make_error("'" + python_type_name(e) + "' object has no attribute 'get'");
    }
  }
  if (later) return *later;
  return KeyGroups{{scalars.begin(), scalars.end()}, {nested.begin(), nested.end()}};
}

std::vector<std::string> cells(const Json& values) {
  std::vector<std::string> out;
  if (values.is_object()) {
    for (const auto& [k, v] : values.items()) out.push_back(k);  // iterating a dict gives its keys
  } else {
    for (const auto& v : values) out.push_back(python_str(v));
  }
  return out;
}

class Builder {
 public:
  // False when there is nothing to show.
  Result<bool> build(const std::optional<std::string>& title, const Json& current, int indent) {
    if (!python_truthy(current)) return false;
    if (title) table_.new_section(*title, indent);
    if (current.is_array()) {
      if (current[0].is_object()) {
        if (auto s = from_list(current, indent, title); !s) return s.error();
      } else {
        for (const auto& item : current) {
          if (auto s = list_item(item); !s) return s.error();
        }
      }
    }
    if (current.is_object()) {
      if (auto s = from_object(current, indent); !s) return s.error();
    }
    return true;
  }

  std::vector<TableSection> take() { return table_.take(); }

 private:
  Status list_item(const Json& item) {
    if (scalar(item)) return table_.add_row({python_str(item)});
    const bool flat = item.is_object() || std::all_of(item.begin(), item.end(), [](const Json& e) { return scalar(e); });
    if (flat) return table_.add_row(cells(item));
    auto r = build(std::nullopt, item, 0);
    if (!r) return r.error();
    return {};
  }

  Status from_object(const Json& current, int indent) {
    const auto g = group_keys(current);
    if (g.scalars.size() == 1) {
      if (auto s = table_.add_row({g.scalars[0], python_str(current.at(g.scalars[0]))}); !s) return s;
    } else if (!g.scalars.empty()) {
      if (auto s = table_.add_header(g.scalars); !s) return s;
      std::vector<std::string> row;
      for (const auto& k : g.scalars) row.push_back(python_str(current.at(k)));
      if (auto s = table_.add_row(row); !s) return s;
    }
    for (const auto& k : g.nested) {
      if (auto r = build(k, current.at(k), indent + 1); !r) return r.error();
    }
    return {};
  }

  Status from_list(const Json& current, int indent, const std::optional<std::string>& title) {
    auto g = group_keys_of_list(current);
    if (!g) return g.error();
    if (auto s = table_.add_header(g->scalars); !s) return s;
    bool first = true;
    for (const auto& element : current) {
      if (!first && !g->nested.empty()) {
        table_.new_section(title, indent);
        if (auto s = table_.add_header(g->scalars); !s) return s;
      }
      first = false;
      std::vector<std::string> row;
      for (const auto& h : g->scalars) row.push_back(element.contains(h) ? python_str(element.at(h)) : "");
      if (auto s = table_.add_row(row); !s) return s;
      for (const auto& k : g->nested) {
        if (!element.contains(k)) continue;
        if (auto r = build(k, element.at(k), indent + 1); !r) return r.error();
      }
    }
    return {};
  }

  TableSections table_;
};

}  // namespace

long long table_terminal_width() {
  winsize ws{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0) return 80;
  return static_cast<short>(ws.ws_col);  // Python unpacks it as a signed short
}

Result<std::string> format_table(const std::string& title, const Json& value, const TableLook& look) {
  Builder b;
  auto built = b.build(title, value, 0);
  if (!built) return built.error();
  if (!*built) return std::string();
  return render_table(b.take(), look);
}

}  // namespace drc::aws::cli
