"""Parity cases for S3 Control, whose endpoints come from its rule set: the account id goes in front of the
host (so these run against moto named localhost, see check_parity.py), the rule set's own errors come
before parameter validation, and Outposts ARNs in Name and Bucket are taken apart as botocore does.
"""
ACCOUNT = "123456789012"
BLOCK = {"BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True, "RestrictPublicBuckets": False}
PUT_BLOCK = ("s3control", "put_public_access_block", {"AccountId": ACCOUNT, "PublicAccessBlockConfiguration": BLOCK})
BUCKET = ("s3", "create_bucket", {"Bucket": "dr-east"})
ACCESS_POINT = ("s3control", "create_access_point", {"AccountId": ACCOUNT, "Name": "payments-ap", "Bucket": "dr-east"})
MRAP = ("s3control", "create_multi_region_access_point",
        {"AccountId": ACCOUNT, "Details": {"Name": "payments", "Regions": [{"Bucket": "dr-east"}]}})
MRAP_ARN = f"arn:aws:s3::{ACCOUNT}:accesspoint/payments.mrap"
OUTPOST_AP = f"arn:aws:s3-outposts:us-east-1:{ACCOUNT}:outpost/op-01234567890123456/accesspoint/reports"


def case(name, args=None, **more):
    return {"name": "s3control " + name, "localhost": True, "args": ["s3control"] + args, **more}


def refused(name, args, **more):
    """A command both tools must refuse before sending anything, in the same words."""
    return case(name, args, compare_stderr=True, **more)


S3CONTROL_CASES = [
    case("put-public-access-block", ["put-public-access-block", "--account-id", ACCOUNT,
                                     "--public-access-block-configuration",
                                     "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true"],
         after=[("s3control", "get_public_access_block", {"AccountId": ACCOUNT})]),
    case("get-public-access-block", ["get-public-access-block", "--account-id", ACCOUNT], setup=[PUT_BLOCK]),
    case("get-public-access-block --query text", ["get-public-access-block", "--account-id", ACCOUNT, "--query",
                                                  "PublicAccessBlockConfiguration.RestrictPublicBuckets", "--output", "text"],
         setup=[PUT_BLOCK]),
    case("get-public-access-block, none set", ["get-public-access-block", "--account-id", ACCOUNT]),
    case("delete-public-access-block", ["delete-public-access-block", "--account-id", ACCOUNT], setup=[PUT_BLOCK],
         after=[("s3control", "get_public_access_block", {"AccountId": ACCOUNT})]),
    case("create-access-point", ["create-access-point", "--account-id", ACCOUNT, "--name", "orders-ap", "--bucket", "dr-east"],
         setup=[BUCKET], after=[("s3control", "get_access_point", {"AccountId": ACCOUNT, "Name": "orders-ap"})]),
    case("get-access-point", ["get-access-point", "--account-id", ACCOUNT, "--name", "payments-ap"], setup=[BUCKET, ACCESS_POINT]),
    case("list-access-points", ["list-access-points", "--account-id", ACCOUNT], setup=[BUCKET, ACCESS_POINT]),
    case("get-access-point, missing", ["get-access-point", "--account-id", ACCOUNT, "--name", "nowhere"]),
    case("create-multi-region-access-point", ["create-multi-region-access-point", "--account-id", ACCOUNT, "--details",
                                              '{"Name": "orders", "Regions": [{"Bucket": "dr-east"}]}'],
         setup=[BUCKET], normalize=lambda out, err: ("RequestTokenARN" in out, err)),
    case("list-multi-region-access-points", ["list-multi-region-access-points", "--account-id", ACCOUNT], setup=[BUCKET, MRAP]),
    case("get-multi-region-access-point", ["get-multi-region-access-point", "--account-id", ACCOUNT, "--name", "payments"],
         setup=[BUCKET, MRAP]),
    # moto has no routes: both tools must show its 404 the same way, after sending the same request.
    case("submit-multi-region-access-point-routes (failover)", [
        "submit-multi-region-access-point-routes", "--account-id", ACCOUNT, "--mrap", MRAP_ARN, "--route-updates",
        "Bucket=dr-east,TrafficDialPercentage=0", "Bucket=dr-west,TrafficDialPercentage=100"], setup=[BUCKET, MRAP]),
    case("get-multi-region-access-point-routes", ["get-multi-region-access-point-routes", "--account-id", ACCOUNT, "--mrap", MRAP_ARN]),
    # The rule set's errors, before any request (and before parameter validation).
    refused("an account id that cannot be a host label", ["get-public-access-block", "--account-id", "1234_5678"]),
    refused("an account id with a dot", ["list-access-points", "--account-id", "1234.5678", "--max-results", "-1"]),
    refused("an outpost id that cannot be a host label", ["list-regional-buckets", "--account-id", ACCOUNT, "--outpost-id", "op_1"]),
    case("dual-stack with a custom endpoint", ["get-public-access-block", "--account-id", ACCOUNT],
         env={"AWS_USE_DUALSTACK_ENDPOINT": "true"}),
    # botocore's S3ControlArnParamHandlerv2: an access point ARN that is not an Outposts one is refused.
    refused("an s3 access point ARN as Name", ["get-access-point", "--account-id", ACCOUNT, "--name",
                                            f"arn:aws:s3:us-east-1:{ACCOUNT}:accesspoint/payments-ap"]),
    refused("an Outposts ARN whose account differs", ["get-access-point", "--account-id", "999999999999", "--name", OUTPOST_AP]),
    refused("an Outposts ARN in another region", ["get-access-point", "--account-id", ACCOUNT, "--name",
                                               OUTPOST_AP.replace("us-east-1", "eu-west-1")]),
    case("an Outposts bucket ARN", ["get-bucket", "--account-id", ACCOUNT, "--bucket",
                                    f"arn:aws:s3-outposts:us-east-1:{ACCOUNT}:outpost/op-01234567890123456/bucket/logs"]),
    case("a FIPS pseudo-region", ["get-public-access-block", "--account-id", ACCOUNT, "--region", "fips-us-east-1"], setup=[PUT_BLOCK]),
    # The rule set's errors in botocore's older words (ruleset_error_to_botocore_exception).
    refused("an Outposts ARN with a bad outpost id", ["get-access-point", "--account-id", ACCOUNT, "--name",
                                                      OUTPOST_AP.replace("op-01234567890123456", "op_bad")]),
    refused("an Outposts ARN with a bad region", ["get-access-point", "--account-id", ACCOUNT, "--name",
                                                  OUTPOST_AP.replace("us-east-1", "us_east_1")]),
    refused("an Outposts ARN with the accelerate setting", ["get-access-point", "--account-id", ACCOUNT, "--name", OUTPOST_AP],
            files={"config": "[default]\ns3 =\n  use_accelerate_endpoint = true\n"}, env={"AWS_CONFIG_FILE": "<<dir>>/config"}),
    case("an Outposts ARN from another region with s3 use_arn_region", compare_stderr=True, args=[
        "get-access-point", "--account-id", ACCOUNT, "--name", OUTPOST_AP.replace("us-east-1", "eu-west-1")],
        files={"config": "[default]\ns3 =\n  use_arn_region = true\n"}, env={"AWS_CONFIG_FILE": "<<dir>>/config"}),
]
