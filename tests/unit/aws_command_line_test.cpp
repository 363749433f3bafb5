#include <gtest/gtest.h>

#include "runbook/aws_command_line.hpp"

using drc::runbook::find_aws_commands;

TEST(AwsCommandLine, JoinsContinuations) {
  auto cmds = find_aws_commands(
      "# comment\naws rds describe-db-instances \\\n  --db-instance-identifier prod-db \\\n  --region us-east-1\n", 10);
  ASSERT_EQ(cmds.size(), 1u);
  EXPECT_EQ(cmds[0].line, 11);
  EXPECT_EQ(cmds[0].service, "rds");
  EXPECT_EQ(cmds[0].operation, "describe-db-instances");
  EXPECT_EQ(cmds[0].text, "aws rds describe-db-instances --db-instance-identifier prod-db --region us-east-1");
  EXPECT_EQ(cmds[0].args.size(), 6u);
}

TEST(AwsCommandLine, KeepsQuotesInTextAndRemovesThemInArgs) {
  auto cmds = find_aws_commands("aws ec2 describe-images --filters \"Name=tag:Env,Values=prod\" --query 'Images[0]'", 1);
  ASSERT_EQ(cmds.size(), 1u);
  EXPECT_EQ(cmds[0].text, "aws ec2 describe-images --filters \"Name=tag:Env,Values=prod\" --query 'Images[0]'");
  EXPECT_EQ(cmds[0].args[3], "Name=tag:Env,Values=prod");
  EXPECT_EQ(cmds[0].args[5], "Images[0]");
}

TEST(AwsCommandLine, PlaceholdersStayVisible) {
  auto cmds = find_aws_commands(
      "aws rds create-db-snapshot --db-snapshot-identifier snap-$(date +%Y%m%d) --db-instance-identifier ${DB} "
      "--tags Key=by,Value=$USER --x <snapshot-id>",
      1);
  ASSERT_EQ(cmds.size(), 1u);
  const std::vector<std::string> expected{"$(date +%Y%m%d)", "${DB}", "$USER", "<snapshot-id>"};
  EXPECT_EQ(cmds[0].placeholders, expected);
  EXPECT_NE(cmds[0].text.find("snap-$(date +%Y%m%d)"), std::string::npos);
}

TEST(AwsCommandLine, FindsCommandsInsideSubstitutionsAndPipelines) {
  auto cmds = find_aws_commands(
      "ENDPOINT=$(aws rds describe-db-instances \\\n  --db-instance-identifier r1 \\\n  --output text)\n"
      "aws s3 ls s3://bucket/ | sort -r | head -5\n"
      "for s in $SNAPS; do\n  aws rds delete-db-snapshot --db-snapshot-identifier \"$s\"\ndone\n"
      "echo \"aws is not run here\"\n",
      1);
  ASSERT_EQ(cmds.size(), 3u);
  EXPECT_EQ(cmds[0].operation, "describe-db-instances");
  EXPECT_EQ(cmds[0].text, "aws rds describe-db-instances --db-instance-identifier r1 --output text");
  EXPECT_EQ(cmds[1].text, "aws s3 ls s3://bucket/");
  EXPECT_EQ(cmds[2].operation, "delete-db-snapshot");
  EXPECT_EQ(cmds[2].line, 6);
}

TEST(AwsCommandLine, GlobalOptionsBeforeTheService) {
  auto cmds = find_aws_commands("aws --region us-west-2 --debug rds describe-db-clusters", 1);
  ASSERT_EQ(cmds.size(), 1u);
  EXPECT_EQ(cmds[0].service, "rds");
  EXPECT_EQ(cmds[0].operation, "describe-db-clusters");
}

TEST(AwsCommandLine, RedirectionsAreNotArguments) {
  auto cmds = find_aws_commands("aws s3api list-object-versions --bucket b > out.txt 2>&1", 1);
  ASSERT_EQ(cmds.size(), 1u);
  EXPECT_EQ(cmds[0].text, "aws s3api list-object-versions --bucket b");
}

TEST(AwsCommandLine, UnterminatedInputDoesNotHang) {
  for (const char* s : {"aws rds x '--unterminated", "aws rds x \"open", "X=$(aws rds y", "aws rds `z", "aws \\"}) {
    auto cmds = find_aws_commands(s, 1);
    EXPECT_FALSE(cmds.empty()) << s;
  }
}
