// Hostile input for the AWS response parsers (XML and JSON, every protocol) and the shorthand parser:
// each must return a value or an error, never crash, hang or throw past its API.
//
// main() runs a fixed number of deterministic iterations: valid responses and shorthand, mutated (bytes
// flipped, inserted, deleted, cut short, spliced), and raw random bytes. It runs as a ctest in seconds.

#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "aws/cli/shorthand.hpp"
#include "aws/model/model_catalog.hpp"
#include "aws/protocol/response.hpp"

namespace {

using namespace drc::aws;

struct Target {
  std::string service, operation;
  std::string seed;  // a valid body
};

const std::vector<Target>& targets() {
  static const std::vector<Target> t = {
      {"rds", "DescribeDBInstances",
       "<DescribeDBInstancesResponse><DescribeDBInstancesResult><DBInstances><DBInstance><DBInstanceIdentifier>db"
       "</DBInstanceIdentifier><AllocatedStorage>20</AllocatedStorage><MultiAZ>true</MultiAZ><TagList><Tag><Key>a"
       "</Key><Value>b</Value></Tag></TagList></DBInstance></DBInstances></DescribeDBInstancesResult>"
       "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DescribeDBInstancesResponse>"},
      {"ec2", "DescribeInstances",
       "<DescribeInstancesResponse><requestId>r</requestId><reservationSet><item><reservationId>r-1</reservationId>"
       "<instancesSet><item><instanceId>i-1</instanceId><launchTime>2024-01-01T00:00:00Z</launchTime><tagSet><item>"
       "<key>k</key><value>v</value></item></tagSet></item></instancesSet></item></reservationSet></DescribeInstancesResponse>"},
      {"dynamodb", "GetItem", R"({"Item":{"id":{"S":"1"},"n":{"N":"42"},"m":{"M":{"a":{"L":[{"S":"x"},{"BOOL":true}]}}}}})"},
      {"lambda", "ListFunctions", R"({"Functions":[{"FunctionName":"f","MemorySize":128,"LastModified":"2024-01-01"}],"NextMarker":"m"})"},
      {"s3", "ListObjectsV2",
       "<ListBucketResult><Name>b</Name><KeyCount>1</KeyCount><Contents><Key>k</Key><Size>3</Size>"
       "<LastModified>2024-01-01T00:00:00.000Z</LastModified></Contents><IsTruncated>false</IsTruncated></ListBucketResult>"},
      {"route53", "ListHostedZones",
       "<ListHostedZonesResponse><HostedZones><HostedZone><Id>/hostedzone/Z1</Id><Name>a.</Name><Config>"
       "<PrivateZone>false</PrivateZone></Config></HostedZone></HostedZones><IsTruncated>false</IsTruncated>"
       "<MaxItems>100</MaxItems></ListHostedZonesResponse>"},
  };
  return t;
}

const std::vector<std::string> kShorthand = {
    "Key=Purpose,Value=dr", "Name=engine,Values=postgres,mysql", "a={b=[c,d],e='q,\"x'}", "a=[{b=c},{d=e}]", "a=x\\,y",
};

std::string mutate(std::string s, std::mt19937_64& rng) {
  std::uniform_int_distribution<int> op(0, 5);
  const int rounds = 1 + static_cast<int>(rng() % 4);
  for (int r = 0; r < rounds; ++r) {
    const std::size_t at = s.empty() ? 0 : rng() % s.size();
    switch (op(rng)) {
      case 0:
        if (!s.empty()) s[at] = static_cast<char>(rng());
        break;
      case 1: s.insert(at, 1, static_cast<char>(rng())); break;
      case 2:
        if (!s.empty()) s.erase(at, 1 + rng() % 8);
        break;
      case 3: s.resize(at); break;
      case 4: s.insert(at, s.substr(rng() % (s.size() + 1), 1 + rng() % 40)); break;
      default: s.insert(at, std::string(1 + rng() % 50, "<[{\"'"[rng() % 5])); break;
    }
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  const long iterations = argc > 1 ? std::atol(argv[1]) : 20000;
  auto catalog = model::ModelCatalog::open(DRC_MODELS_DIR);
  if (!catalog) {
    std::fprintf(stderr, "%s\n", catalog.error().message.c_str());
    return 2;
  }
  std::mt19937_64 rng(20261123);
  long parsed_ok = 0, refused = 0, shorthand_ok = 0;
  for (long i = 0; i < iterations; ++i) {
    const auto& t = targets()[static_cast<std::size_t>(i) % targets().size()];
    auto svc = (*catalog)->service(t.service);
    const auto* op = (*svc)->operation(t.operation);
    std::string body;
    if (i % 10 == 9) {
      body.resize(rng() % 300);
      for (auto& c : body) c = static_cast<char>(rng());
    } else {
      body = mutate(t.seed, rng);
    }
    protocol::HttpResponse ok{200, {{"x-amzn-requestid", "r"}}, body};
    auto r = protocol::parse_response(**svc, *op, ok);
    (r ? parsed_ok : refused) += 1;
    if (!r && r.error().message.find(t.operation) == std::string::npos) {
      std::fprintf(stderr, "an error that does not name the operation: %s\n", r.error().message.c_str());
      return 1;
    }
    protocol::HttpResponse bad{400 + static_cast<int>(rng() % 200), {}, body};
    auto e = protocol::parse_error(**svc, bad);
    if (e.code.empty()) {
      std::fprintf(stderr, "an error response without a code\n");
      return 1;
    }
    auto sh = cli::parse_shorthand(mutate(kShorthand[static_cast<std::size_t>(i) % kShorthand.size()], rng));
    shorthand_ok += sh.ok();
  }
  std::printf("%ld hostile inputs: %ld responses parsed, %ld refused with an error naming the operation, "
              "%ld error responses read, %ld shorthand values parsed; no crash\n",
              iterations, parsed_ok, refused, iterations, shorthand_ok);
  return 0;
}
