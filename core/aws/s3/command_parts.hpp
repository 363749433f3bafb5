#pragma once
// The pieces of `aws s3` behind run_s3_command: the calls every subcommand makes, and the subcommands.
// Internal to core/aws/s3.

#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "aws/client/aws_client.hpp"
#include "aws/protocol/values.hpp"
#include "aws/s3/call_pump.hpp"
#include "aws/s3/s3_commands.hpp"

namespace drc::aws::s3::detail {

inline constexpr int kFailed = 1;         // a transfer (or the bucket command) failed
inline constexpr int kCannotStart = 255;  // the command could not start

client::CallRequest s3_request(const std::string& operation, nlohmann::ordered_json params);
protocol::AwsTime time_of(const nlohmann::ordered_json& v);
// One call through the pump, waited for.
client::CallResult call_now(CallPump& pump, client::CallRequest req);
// Every page of a listing, one after another; false (with the call's error) when a page failed.
bool each_page(CallPump& pump, client::CallRequest first, const std::function<void(const nlohmann::ordered_json&)>& on_page,
               std::string& error);
// The CLI's ValueError for a path its s3 commands cannot address; true when it was refused.
bool refuse_unsupported(const std::string& path, S3Io& io);

// The subcommands: bucket_commands.cpp (ls, mb, rb, presign, website) and s3_commands.cpp (cp, mv, rm, sync).
int ls(client::AwsClient& client, const S3Args& a, S3Io& io);
int make_bucket(client::AwsClient& client, const S3Args& a, S3Io& io);
int remove_bucket(client::AwsClient& client, const S3Args& a, S3Io& io);
int presign(client::AwsClient& client, const S3Args& a, S3Io& io);
int website(client::AwsClient& client, const S3Args& a, S3Io& io);
int transfer_command(client::AwsClient& client, const S3Args& a, S3Io& io);

}  // namespace drc::aws::s3::detail
