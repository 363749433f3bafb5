#pragma once
// awscli's split_on_commas (awscli/utils.py), which its own arguments use for "Name=Value,Name2=Value2"
// lists (cloudwatch put-metric-data --dimensions and --statistic-values): a plain split when the text has
// no quotes, brackets or backslashes; Python's csv reader (backslash escapes) when it has only
// backslashes; and the quote- and bracket-aware regrouping otherwise.

#include <string>
#include <vector>

#include "util/result.hpp"

namespace drc::aws::cli {

Result<std::vector<std::string>> split_on_commas(const std::string& value);

}  // namespace drc::aws::cli
