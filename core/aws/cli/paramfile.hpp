#pragma once
// file:// and fileb:// parameter values, read as awscli's paramfile does: the path expanded (~, then
// $VARIABLES), text files decoded as UTF-8 with universal newlines, binary files as they are, and
// Python's wording when a file cannot be read.

#include <string>

#include "util/result.hpp"

namespace drc::aws::cli {

// The file's contents for a file:// (text) or fileb:// (bytes) value; other values are returned as
// they are. The error is the CLI's "Unable to load paramfile ..." line.
Result<std::string> resolve_paramfile(const std::string& value);

}  // namespace drc::aws::cli
