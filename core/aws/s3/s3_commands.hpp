#pragma once
// `aws s3 ls|cp|mv|rm|sync|mb|rb|presign|website`: the aws CLI's high-level S3 commands, run through the model-driven
// client with the CLI's output, messages and exit statuses (0 done; 1 a transfer failed; 2 warnings;
// 255 a command that could not start).

#include <iosfwd>

#include "aws/client/aws_client.hpp"
#include "aws/s3/s3_args.hpp"

namespace drc::aws::s3 {

struct S3Io {
  std::ostream& out;
  std::ostream& err;
  std::istream& in;
  bool out_is_terminal = false;  // the running "Completed ..." line is drawn only then
};

int run_s3_command(client::AwsClient& client, const S3Args& args, S3Io io);

}  // namespace drc::aws::s3
