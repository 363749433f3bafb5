// --output table against what the aws CLI's own TableFormatter prints for the same values. The expected
// text was printed once by awscli 1.45's formatter (awscli.formatter.TableFormatter, its terminal width
// set as each test says) and pasted here; nothing below runs Python.

#include <gtest/gtest.h>

#include "aws/cli/output.hpp"

namespace {

std::string table(const char* json, long long width = 80, bool colour = false, const std::string& title = "DescribeThings") {
  auto r = drc::aws::cli::format_table(title, nlohmann::ordered_json::parse(json), {width, colour});
  return r ? *r : "error: " + r.error().message;
}

}  // namespace

TEST(AwsOutputTable, NestedObjectsAsIndentedSections) {
  EXPECT_EQ(table(R"json({"DBInstances": [{"DBInstanceIdentifier": "payments-db", "Engine": "postgres", "AllocatedStorage": 20, "MultiAZ": false, "Endpoint": {"Address": "payments-db.example", "Port": 5432}, "TagList": [{"Key": "tier", "Value": "critical"}], "VpcSecurityGroups": []}]})json", 80, false, "DescribeDBInstances"),
      "-----------------------------------------------------------------------\n"
      "|                         DescribeDBInstances                         |\n"
      "+---------------------------------------------------------------------+\n"
      "||                            DBInstances                            ||\n"
      "|+-------------------+------------------------+-----------+----------+|\n"
      "|| AllocatedStorage  | DBInstanceIdentifier   |  Engine   | MultiAZ  ||\n"
      "|+-------------------+------------------------+-----------+----------+|\n"
      "||  20               |  payments-db           |  postgres |  False   ||\n"
      "|+-------------------+------------------------+-----------+----------+|\n"
      "|||                            Endpoint                             |||\n"
      "||+------------------------------------------------+----------------+||\n"
      "|||                     Address                    |     Port       |||\n"
      "||+------------------------------------------------+----------------+||\n"
      "|||  payments-db.example                           |  5432          |||\n"
      "||+------------------------------------------------+----------------+||\n"
      "|||                             TagList                             |||\n"
      "||+-------------------------+---------------------------------------+||\n"
      "|||           Key           |                 Value                 |||\n"
      "||+-------------------------+---------------------------------------+||\n"
      "|||  tier                   |  critical                             |||\n"
      "||+-------------------------+---------------------------------------+||\n");
}

TEST(AwsOutputTable, ListOfObjectsRepeatsHeadersWhenElementsNest) {
  EXPECT_EQ(table(R"json({"Items": [{"Name": "a", "Size": 1, "Tags": [{"Key": "k", "Value": "v"}]}, {"Name": "bb", "Extra": null, "Tags": []}, {"Name": "c", "Size": 3.5}]})json"),
      "-----------------------------\n"
      "|      DescribeThings       |\n"
      "+---------------------------+\n"
      "||          Items          ||\n"
      "|+-------+--------+--------+|\n"
      "|| Extra | Name   | Size   ||\n"
      "|+-------+--------+--------+|\n"
      "||       |  a     |  1     ||\n"
      "|+-------+--------+--------+|\n"
      "|||         Tags          |||\n"
      "||+---------+-------------+||\n"
      "|||   Key   |    Value    |||\n"
      "||+---------+-------------+||\n"
      "|||  k      |  v          |||\n"
      "||+---------+-------------+||\n"
      "||          Items          ||\n"
      "|+-------+--------+--------+|\n"
      "|| Extra | Name   | Size   ||\n"
      "|+-------+--------+--------+|\n"
      "||  None |  bb    |        ||\n"
      "|+-------+--------+--------+|\n"
      "||          Items          ||\n"
      "|+-------+--------+--------+|\n"
      "|| Extra | Name   | Size   ||\n"
      "|+-------+--------+--------+|\n"
      "||       |  c     |  3.5   ||\n"
      "|+-------+--------+--------+|\n");
}

TEST(AwsOutputTable, ListOfFlatObjectsIsOneTable) {
  EXPECT_EQ(table(R"json({"Items": [{"Name": "a", "Size": 1}, {"Name": "bb", "Size": 22, "On": true}]})json"),
      "----------------------------\n"
      "|      DescribeThings      |\n"
      "+--------------------------+\n"
      "||          Items         ||\n"
      "|+------+--------+--------+|\n"
      "|| Name |  On    | Size   ||\n"
      "|+------+--------+--------+|\n"
      "||  a   |        |  1     ||\n"
      "||  bb  |  True  |  22    ||\n"
      "|+------+--------+--------+|\n");
}

TEST(AwsOutputTable, SingleScalarKeyIsAKeyValueRow) {
  EXPECT_EQ(table(R"json({"Count": 3, "Next": {"Token": "abc"}})json"),
      "--------------------\n"
      "|  DescribeThings  |\n"
      "+-----------+------+\n"
      "|  Count    |  3   |\n"
      "+-----------+------+\n"
      "||      Next      ||\n"
      "|+--------+-------+|\n"
      "||  Token |  abc  ||\n"
      "|+--------+-------+|\n");
}

TEST(AwsOutputTable, ScalarListAndListOfLists) {
  EXPECT_EQ(table(R"json([["a", 1, null], ["b", 2, true], "c"])json"),
      "error: Row should have 3 elements, instead it has 1");
}

TEST(AwsOutputTable, TopLevelScalarIsTitleOnly) {
  EXPECT_EQ(table(R"json("just-a-string")json"),
      "----------------\n"
      "|DescribeThings|\n"
      "+--------------+\n");
}

TEST(AwsOutputTable, FalsyResultPrintsNothing) {
  EXPECT_EQ(table(R"json(0)json"),
"");
}

TEST(AwsOutputTable, EmptyObjectPrintsNothing) {
  EXPECT_EQ(table(R"json({})json"),
"");
}

TEST(AwsOutputTable, WideSingleRowTurnsVertical) {
  EXPECT_EQ(table(R"json({"Vpc": {"CidrBlock": "10.0.0.0/16", "DhcpOptionsId": "default", "InstanceTenancy": "default", "IsDefault": false, "OwnerId": "123456789012", "State": "available", "VpcId": "vpc-0123456789abcdef0"}})json"),
      "------------------------------------------------\n"
      "|                DescribeThings                |\n"
      "+----------------------------------------------+\n"
      "||                     Vpc                    ||\n"
      "|+------------------+-------------------------+|\n"
      "||  CidrBlock       |  10.0.0.0/16            ||\n"
      "||  DhcpOptionsId   |  default                ||\n"
      "||  InstanceTenancy |  default                ||\n"
      "||  IsDefault       |  False                  ||\n"
      "||  OwnerId         |  123456789012           ||\n"
      "||  State           |  available              ||\n"
      "||  VpcId           |  vpc-0123456789abcdef0  ||\n"
      "|+------------------+-------------------------+|\n");
}

TEST(AwsOutputTable, NarrowTerminal) {
  EXPECT_EQ(table(R"json({"Vpc": {"CidrBlock": "10.0.0.0/16", "State": "available"}, "Tags": [{"Key": "Name", "Value": "prod"}]})json", 40, false),
      "--------------------------------\n"
      "|        DescribeThings        |\n"
      "+------------------------------+\n"
      "||            Tags            ||\n"
      "|+------------+---------------+|\n"
      "||     Key    |     Value     ||\n"
      "|+------------+---------------+|\n"
      "||  Name      |  prod         ||\n"
      "|+------------+---------------+|\n"
      "||             Vpc            ||\n"
      "|+--------------+-------------+|\n"
      "||   CidrBlock  |    State    ||\n"
      "|+--------------+-------------+|\n"
      "||  10.0.0.0/16 |  available  ||\n"
      "|+--------------+-------------+|\n");
}

TEST(AwsOutputTable, WideTerminalKeepsRows) {
  EXPECT_EQ(table(R"json({"Vpc": {"CidrBlock": "10.0.0.0/16", "DhcpOptionsId": "default", "InstanceTenancy": "default", "IsDefault": false, "OwnerId": "123456789012", "State": "available", "VpcId": "vpc-0123456789abcdef0"}})json", 200, false),
      "--------------------------------------------------------------------------------------------------------------------------\n"
      "|                                                     DescribeThings                                                     |\n"
      "+------------------------------------------------------------------------------------------------------------------------+\n"
      "||                                                          Vpc                                                         ||\n"
      "|+-------------+----------------+------------------+------------+---------------+-------------+-------------------------+|\n"
      "||  CidrBlock  | DhcpOptionsId  | InstanceTenancy  | IsDefault  |    OwnerId    |    State    |          VpcId          ||\n"
      "|+-------------+----------------+------------------+------------+---------------+-------------+-------------------------+|\n"
      "||  10.0.0.0/16|  default       |  default         |  False     |  123456789012 |  available  |  vpc-0123456789abcdef0  ||\n"
      "|+-------------+----------------+------------------+------------+---------------+-------------+-------------------------+|\n");
}

TEST(AwsOutputTable, WideCharactersCountTwice) {
  EXPECT_EQ(table(R"json({"Items": [{"Name": "日本語", "Note": "é", "Plain": "x"}, {"Name": "ab", "Note": "ñandú", "Plain": "yy"}]})json"),
      "---------------------------------\n"
      "|        DescribeThings         |\n"
      "+-------------------------------+\n"
      "||            Items            ||\n"
      "|+--------+----------+---------+|\n"
      "||  Name  |  Note    |  Plain  ||\n"
      "|+--------+----------+---------+|\n"
      "||  日本語|  é      |  x      ||\n"
      "||  ab    |  ñandú  |  yy     ||\n"
      "|+--------+----------+---------+|\n");
}

TEST(AwsOutputTable, ColourOn) {
  EXPECT_EQ(table(R"json({"A": [{"x": 1, "y": "two"}], "B": "c"})json", 80, true),
      "----------------\n"
      "\x1b""[0m\x1b""[0m|DescribeThings|\x1b""[0m\x1b""[0m\n"
      "\x1b""[0m\x1b""[0m+------+-------+\x1b""[0m\x1b""[0m\n"
      "\x1b""[0m\x1b""[0m|  \x1b""[1m\x1b""[34mB\x1b""[0m   |  \x1b""[1m\x1b""[34mc\x1b""[0m    |\x1b""[0m\x1b""[0m\n"
      "\x1b""[0m\x1b""[0m+------+-------+\x1b""[0m\x1b""[0m\n"
      "\x1b""[0m\x1b""[2m\x1b""[33m|\x1b""[0m\x1b""[0m|      A     |\x1b""[0m\x1b""[2m\x1b""[33m|\x1b""[0m\x1b""[0m\n"
      "\x1b""[0m\x1b""[2m\x1b""[33m|\x1b""[0m\x1b""[0m+----+-------+\x1b""[0m\x1b""[2m\x1b""[33m|\x1b""[0m\x1b""[0m\n"
      "\x1b""[0m\x1b""[2m\x1b""[33m|\x1b""[0m\x1b""[0m|  x |   y   |\x1b""[0m\x1b""[2m\x1b""[33m|\x1b""[0m\x1b""[0m\n"
      "\x1b""[0m\x1b""[2m\x1b""[33m|\x1b""[0m\x1b""[0m+----+-------+\x1b""[0m\x1b""[2m\x1b""[33m|\x1b""[0m\x1b""[0m\n"
      "\x1b""[0m\x1b""[2m\x1b""[33m|\x1b""[0m\x1b""[0m|  \x1b""[1m\x1b""[34m1\x1b""[0m |  \x1b""[1m\x1b""[34mtwo\x1b""[0m  |\x1b""[0m\x1b""[2m\x1b""[33m|\x1b""[0m\x1b""[0m\n"
      "\x1b""[0m\x1b""[2m\x1b""[33m|\x1b""[0m\x1b""[0m+----+-------+\x1b""[0m\x1b""[2m\x1b""[33m|\x1b""[0m\x1b""[0m\n"
      "\x1b""[0m");
}

TEST(AwsOutputTable, RowsOfDifferentLengthFail) {
  EXPECT_EQ(table(R"json([[1, 2], [3]])json"),
      "error: Row should have 2 elements, instead it has 1");
}

TEST(AwsOutputTable, NonObjectAfterObjectFails) {
  EXPECT_EQ(table(R"json([{"a": 1}, "text"])json"),
      "error: string indices must be integers, not 'str'");
}

TEST(AwsOutputTable, ObjectAfterScalarGivesItsKeys) {
  EXPECT_EQ(table(R"json(["x", {"k": "v"}])json"),
      "----------------\n"
      "|DescribeThings|\n"
      "+--------------+\n"
      "|  x           |\n"
      "|  k           |\n"
      "+--------------+\n");
}

TEST(AwsOutputTable, NestedValueInScalarColumnIsRepr) {
  EXPECT_EQ(table(R"json({"L": [{"a": "x", "b": 1}, {"a": ["p", "q's"], "b": {"z": null}}]})json"),
      "-----------------------------------\n"
      "|         DescribeThings          |\n"
      "+---------------------------------+\n"
      "||               L               ||\n"
      "|+--------------+----------------+|\n"
      "||       a      |       b        ||\n"
      "|+--------------+----------------+|\n"
      "||  x           |  1             ||\n"
      "|+--------------+----------------+|\n"
      "|||              a              |||\n"
      "||+-----------------------------+||\n"
      "|||              b              |||\n"
      "||+-----------------------------+||\n"
      "||               L               ||\n"
      "|+---------------+---------------+|\n"
      "||       a       |       b       ||\n"
      "|+---------------+---------------+|\n"
      "||  ['p', \"q's\"] |  {'z': None}  ||\n"
      "|+---------------+---------------+|\n"
      "|||              a              |||\n"
      "||+-----------------------------+||\n"
      "|||  p                          |||\n"
      "|||  q's                        |||\n"
      "||+-----------------------------+||\n"
      "|||              b              |||\n"
      "||+----------+------------------+||\n"
      "|||  z       |  None            |||\n"
      "||+----------+------------------+||\n");
}

TEST(AwsOutputTable, TitleWiderThanColumns) {
  EXPECT_EQ(table(R"json({"A": 1, "B": 2})json", 80, false, "DescribeReservedInstancesModificationsAndMore"),
      "-----------------------------------------------\n"
      "|DescribeReservedInstancesModificationsAndMore|\n"
      "+---------------------+-----------------------+\n"
      "|          A          |           B           |\n"
      "+---------------------+-----------------------+\n"
      "|  1                  |  2                    |\n"
      "+---------------------+-----------------------+\n");
}

TEST(AwsOutputTable, ListAfterObjectIsIndexedByItsElements) {
  EXPECT_EQ(table(R"json([{"a": 1}, [{"b": 2}]])json"),
      "error: list indices must be integers or slices, not dict");
}

TEST(AwsOutputTable, ListAfterObjectIndexOutOfRange) {
  EXPECT_EQ(table(R"json([{"a": 1}, [5]])json"),
      "error: list index out of range");
}

TEST(AwsOutputTable, ReprEscapesWhatPythonDoesNotPrint) {
  EXPECT_EQ(table(R"json({"L": [{"a": "x"}, {"a": ["tab\there", "nel\u0085", "nbsp\u00a0", "\u00e9 \u65e5 ok", "it's"]}]})json"),
      "----------------------------------------------------------------\n"
      "|                        DescribeThings                        |\n"
      "+--------------------------------------------------------------+\n"
      "||                              L                             ||\n"
      "|+------------------------------------------------------------+|\n"
      "||                              a                             ||\n"
      "|+------------------------------------------------------------+|\n"
      "||  x                                                         ||\n"
      "|+------------------------------------------------------------+|\n"
      "|||                             a                            |||\n"
      "||+----------------------------------------------------------+||\n"
      "||                              L                             ||\n"
      "|+------------------------------------------------------------+|\n"
      "||                              a                             ||\n"
      "|+------------------------------------------------------------+|\n"
      "||  ['tab\\there', 'nel\\x85', 'nbsp\\xa0', 'é 日 ok', \"it's\"]  ||\n"
      "|+------------------------------------------------------------+|\n"
      "|||                             a                            |||\n"
      "||+----------------------------------------------------------+||\n"
      "|||  tab\there                                                |||\n"
      "|||  nel\xc2""\x85""                                                    |||\n"
      "|||  nbsp\xc2""\xa0""                                                   |||\n"
      "|||  é 日 ok                                                |||\n"
      "|||  it's                                                    |||\n"
      "||+----------------------------------------------------------+||\n");
}
