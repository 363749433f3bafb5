#pragma once
// `--output table`, as the aws CLI's TableFormatter prints a response (or what --query made of it):
// a section titled with the operation's name; an object's scalar keys as one row under sorted headers
// (a single key as a "key | value" row), its lists and objects as nested sections titled with their key
// and indented one level; a list of objects as one table, its nested values as sections after each
// element; lists of scalars and of lists as rows. Nothing at all for an empty or false result.

#include <string>

#include <nlohmann/json.hpp>

#include "aws/cli/table_layout.hpp"
#include "util/result.hpp"

namespace drc::aws::cli {

// The columns the CLI lays a table out to: its standard output's terminal width, 80 when that is not a
// terminal (the CLI asks the terminal itself, so COLUMNS does not change it).
long long table_terminal_width();

// An error is what the CLI fails with on a shape it cannot lay out (rows of different lengths).
Result<std::string> format_table(const std::string& title, const nlohmann::ordered_json& value, const TableLook& look);

}  // namespace drc::aws::cli
