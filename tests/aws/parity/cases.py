"""The commands check_parity.py runs through both the aws CLI and drconsole aws.

Each case: name, args (after "aws"), and optionally setup (botocore calls made before the command, as
(service, method, params)) or before (commands run through the tool under test first).
"""

VPC = ("ec2", "create_vpc", {"CidrBlock": "10.0.0.0/16"})
DB = ("rds", "create_db_instance", {"DBInstanceIdentifier": "payments-db", "DBInstanceClass": "db.t3.micro",
                                     "Engine": "postgres", "MasterUsername": "admin",
                                     "MasterUserPassword": "Secr3tPassw0rd!", "AllocatedStorage": 20,
                                     "Tags": [{"Key": "tier", "Value": "critical"}]})
DB2 = ("rds", "create_db_instance", {"DBInstanceIdentifier": "ledger-db", "DBInstanceClass": "db.t3.micro",
                                      "Engine": "mysql", "MasterUsername": "admin", "MasterUserPassword": "Secr3tPassw0rd!",
                                      "AllocatedStorage": 10})
SNAP = ("rds", "create_db_snapshot", {"DBInstanceIdentifier": "payments-db", "DBSnapshotIdentifier": "payments-manual-1"})
CLUSTER = ("rds", "create_db_cluster", {"DBClusterIdentifier": "orders", "Engine": "aurora-postgresql",
                                         "MasterUsername": "admin", "MasterUserPassword": "Secr3tPassw0rd!"})
BUCKET = ("s3", "create_bucket", {"Bucket": "dr-state"})
TABLE = ("dynamodb", "create_table", {"TableName": "orders", "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                                      "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                                      "BillingMode": "PAY_PER_REQUEST"})
LOG_GROUP = ("logs", "create_log_group", {"logGroupName": "/dr/app"})
PARAM = ("ssm", "put_parameter", {"Name": "/dr/region", "Value": "us-west-2", "Type": "String"})
ZONE = ("route53", "create_hosted_zone", {"Name": "example.com", "CallerReference": "ref-1"})
ECS = ("ecs", "create_cluster", {"clusterName": "payments"})
QUEUE = ("sqs", "create_queue", {"QueueName": "dr-events"})
TOPIC = ("sns", "create_topic", {"Name": "dr-alerts"})
ROLE = ("iam", "create_role", {"RoleName": "dr-operator", "AssumeRolePolicyDocument":
                                '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}'})
SECRET = ("secretsmanager", "create_secret", {"Name": "dr/db", "SecretString": "s3cr3t-value"})
KEY = ("kms", "create_key", {"Description": "dr key"})


def many(service, method, n, make):
    return [(service, method, make(i)) for i in range(n)]


CASES = [
    # rds (query protocol)
    {"name": "rds describe none", "args": ["rds", "describe-db-instances"]},
    {"name": "rds describe one", "setup": [DB], "args": ["rds", "describe-db-instances", "--db-instance-identifier", "payments-db"]},
    {"name": "rds describe missing", "args": ["rds", "describe-db-instances", "--db-instance-identifier", "nope"]},
    {"name": "rds create with tags shorthand", "args": ["rds", "create-db-instance", "--db-instance-identifier", "x1",
                                                         "--db-instance-class", "db.t3.micro", "--engine", "postgres",
                                                         "--master-username", "admin", "--master-user-password", "Passw0rd!xyz",
                                                         "--allocated-storage", "20", "--tags", "Key=Purpose,Value=dr",
                                                         "Key=Owner,Value=sre"]},
    {"name": "rds create missing required", "args": ["rds", "create-db-instance", "--db-instance-identifier", "x"]},
    {"name": "rds bad integer", "args": ["rds", "describe-db-instances", "--max-records", "twenty"]},
    {"name": "rds unknown option", "args": ["rds", "describe-db-instances", "--nope", "1"]},
    {"name": "rds filters json", "setup": [DB, DB2], "args": ["rds", "describe-db-instances", "--filters",
                                                              '[{"Name":"engine","Values":["mysql"]}]']},
    {"name": "rds filters shorthand", "setup": [DB, DB2], "args": ["rds", "describe-db-instances", "--filters",
                                                                   "Name=engine,Values=postgres"]},
    {"name": "rds snapshot create", "setup": [DB], "args": ["rds", "create-db-snapshot", "--db-instance-identifier",
                                                           "payments-db", "--db-snapshot-identifier", "snap-a"]},
    {"name": "rds snapshots describe", "setup": [DB, SNAP], "args": ["rds", "describe-db-snapshots", "--db-instance-identifier", "payments-db"]},
    {"name": "rds tags list", "setup": [DB], "args": ["rds", "list-tags-for-resource", "--resource-name",
                                                     "arn:aws:rds:us-east-1:123456789012:db:payments-db"]},
    {"name": "rds add tags", "setup": [DB], "args": ["rds", "add-tags-to-resource", "--resource-name",
                                                    "arn:aws:rds:us-east-1:123456789012:db:payments-db", "--tags", "Key=a,Value=b"]},
    {"name": "rds cluster describe", "setup": [CLUSTER], "args": ["rds", "describe-db-clusters"]},
    {"name": "rds modify boolean flags", "setup": [DB], "args": ["rds", "modify-db-instance", "--db-instance-identifier",
                                                               "payments-db", "--backup-retention-period", "7",
                                                               "--apply-immediately", "--no-multi-az"]},
    {"name": "rds delete skip final snapshot", "setup": [DB], "args": ["rds", "delete-db-instance", "--db-instance-identifier",
                                                                       "payments-db", "--skip-final-snapshot"]},
    {"name": "rds stop", "setup": [DB], "args": ["rds", "stop-db-instance", "--db-instance-identifier", "payments-db"]},
    {"name": "rds text output", "setup": [DB, DB2], "args": ["rds", "describe-db-instances", "--output", "text"]},
    # ec2 (ec2 protocol)
    {"name": "ec2 vpcs", "setup": [VPC], "args": ["ec2", "describe-vpcs"]},
    {"name": "ec2 run instances count", "args": ["ec2", "run-instances", "--image-id", "ami-12345678", "--count", "2",
                                                  "--instance-type", "t3.micro"]},
    {"name": "ec2 describe instances", "setup": [("ec2", "run_instances", {"ImageId": "ami-12345678", "MinCount": 1, "MaxCount": 1})],
     "args": ["ec2", "describe-instances"]},
    {"name": "ec2 filters", "setup": [VPC], "args": ["ec2", "describe-vpcs", "--filters", "Name=cidr,Values=10.0.0.0/16"]},
    {"name": "ec2 create volume and tag", "args": ["ec2", "create-volume", "--availability-zone", "us-east-1a", "--size", "8",
                                                   "--tag-specifications", "ResourceType=volume,Tags=[{Key=Name,Value=dr}]"]},
    {"name": "ec2 snapshots owner self", "args": ["ec2", "describe-snapshots", "--owner-ids", "self"]},
    {"name": "ec2 missing instance", "args": ["ec2", "describe-instances", "--instance-ids", "i-00000000000000000"]},
    {"name": "ec2 security group", "setup": [VPC], "args": ["ec2", "describe-security-groups", "--group-names", "default"]},
    {"name": "ec2 regions", "args": ["ec2", "describe-regions", "--region-names", "us-east-1", "us-west-2"]},
    {"name": "ec2 dry run", "args": ["ec2", "describe-vpcs", "--dry-run"]},
    # s3api (rest-xml)
    {"name": "s3 create bucket", "args": ["s3api", "create-bucket", "--bucket", "dr-logs"]},
    {"name": "s3 list buckets", "setup": [BUCKET], "args": ["s3api", "list-buckets"]},
    {"name": "s3 versioning", "setup": [BUCKET], "before": [["s3api", "put-bucket-versioning", "--bucket", "dr-state",
                                                             "--versioning-configuration", "Status=Enabled"]],
     "args": ["s3api", "get-bucket-versioning", "--bucket", "dr-state"]},
    {"name": "s3 versioning off", "setup": [BUCKET], "args": ["s3api", "get-bucket-versioning", "--bucket", "dr-state"]},
    {"name": "s3 put and head object", "setup": [BUCKET, ("s3", "put_object", {"Bucket": "dr-state", "Key": "a b/é.txt", "Body": b"hello"})],
     "args": ["s3api", "head-object", "--bucket", "dr-state", "--key", "a b/é.txt"]},
    {"name": "s3 list objects v2", "setup": [BUCKET] + many("s3", "put_object", 5, lambda i: {"Bucket": "dr-state", "Key": f"k{i}", "Body": b"x"}),
     "args": ["s3api", "list-objects-v2", "--bucket", "dr-state"]},
    {"name": "s3 list objects paginated", "setup": [BUCKET] + many("s3", "put_object", 7, lambda i: {"Bucket": "dr-state", "Key": f"p{i}", "Body": b"x"}),
     "args": ["s3api", "list-objects-v2", "--bucket", "dr-state", "--page-size", "2"]},
    {"name": "s3 no such bucket", "args": ["s3api", "get-bucket-versioning", "--bucket", "missing-bucket"]},
    {"name": "s3 bucket tagging", "setup": [BUCKET], "before": [["s3api", "put-bucket-tagging", "--bucket", "dr-state", "--tagging",
                                                                 "TagSet=[{Key=team,Value=sre},{Key=tier,Value=1}]"]],
     "args": ["s3api", "get-bucket-tagging", "--bucket", "dr-state"]},
    {"name": "s3 object versions", "setup": [BUCKET], "args": ["s3api", "list-object-versions", "--bucket", "dr-state"]},
    # dynamodb (json)
    {"name": "dynamodb create table", "args": ["dynamodb", "create-table", "--table-name", "t1", "--attribute-definitions",
                                               "AttributeName=id,AttributeType=S", "--key-schema", "AttributeName=id,KeyType=HASH",
                                               "--billing-mode", "PAY_PER_REQUEST"]},
    {"name": "dynamodb describe", "setup": [TABLE], "args": ["dynamodb", "describe-table", "--table-name", "orders"]},
    {"name": "dynamodb missing", "args": ["dynamodb", "describe-table", "--table-name", "nope"]},
    {"name": "dynamodb put get item", "setup": [TABLE], "before": [["dynamodb", "put-item", "--table-name", "orders", "--item",
                                                                   '{"id":{"S":"1"},"n":{"N":"42"},"tags":{"SS":["a","b"]}}']],
     "args": ["dynamodb", "get-item", "--table-name", "orders", "--key", '{"id":{"S":"1"}}']},
    {"name": "dynamodb list tables", "setup": [TABLE], "args": ["dynamodb", "list-tables"]},
    {"name": "dynamodb pitr", "setup": [TABLE], "args": ["dynamodb", "describe-continuous-backups", "--table-name", "orders"]},
    # sts, iam (query)
    {"name": "sts caller identity", "args": ["sts", "get-caller-identity"]},
    {"name": "iam create role", "args": ["iam", "create-role", "--role-name", "r1", "--assume-role-policy-document",
                                         '{"Version":"2012-10-17","Statement":[]}']},
    {"name": "iam list roles", "setup": [ROLE], "args": ["iam", "list-roles"]},
    {"name": "iam missing role", "args": ["iam", "get-role", "--role-name", "nope"]},
    # logs (json)
    {"name": "logs groups", "setup": [LOG_GROUP], "args": ["logs", "describe-log-groups"]},
    {"name": "logs create group", "args": ["logs", "create-log-group", "--log-group-name", "/x"]},
    {"name": "logs missing stream", "setup": [LOG_GROUP], "args": ["logs", "get-log-events", "--log-group-name", "/dr/app",
                                                                   "--log-stream-name", "nope"]},
    # ssm, secretsmanager (json)
    {"name": "ssm get parameter", "setup": [PARAM], "args": ["ssm", "get-parameter", "--name", "/dr/region"]},
    {"name": "ssm missing parameter", "args": ["ssm", "get-parameter", "--name", "/nope"]},
    {"name": "secrets list", "setup": [SECRET], "args": ["secretsmanager", "list-secrets"]},
    {"name": "secrets describe", "setup": [SECRET], "args": ["secretsmanager", "describe-secret", "--secret-id", "dr/db"]},
    # route53 (rest-xml, global)
    {"name": "route53 zones", "setup": [ZONE], "args": ["route53", "list-hosted-zones"]},
    {"name": "route53 change records", "setup": [ZONE], "before": [],
     "args": ["route53", "list-hosted-zones-by-name", "--dns-name", "example.com"]},
    # ecs (json)
    {"name": "ecs clusters", "setup": [ECS], "args": ["ecs", "describe-clusters", "--clusters", "payments"]},
    {"name": "ecs list clusters", "setup": [ECS], "args": ["ecs", "list-clusters"]},
    # sqs, sns, kms, cloudwatch, elbv2, autoscaling, lambda, eks, backup
    {"name": "sqs list queues", "setup": [QUEUE], "args": ["sqs", "list-queues"]},
    {"name": "sns list topics", "setup": [TOPIC], "args": ["sns", "list-topics"]},
    {"name": "kms list keys", "setup": [KEY], "args": ["kms", "list-keys"]},
    {"name": "cloudwatch alarms", "args": ["cloudwatch", "describe-alarms"]},
    {"name": "cloudwatch put metric", "args": ["cloudwatch", "put-metric-data", "--namespace", "DR", "--metric-data",
                                               "MetricName=Lag,Value=3.5,Unit=Seconds"]},
    {"name": "elbv2 load balancers", "args": ["elbv2", "describe-load-balancers"]},
    {"name": "autoscaling groups", "args": ["autoscaling", "describe-auto-scaling-groups"]},
    {"name": "lambda functions", "args": ["lambda", "list-functions"]},
    {"name": "eks clusters", "args": ["eks", "list-clusters"]},
    {"name": "backup vaults", "args": ["backup", "list-backup-vaults"]},
    {"name": "unknown operation", "args": ["rds", "describe-everything"]},
]

SNAPS = [DB] + many("rds", "create_db_snapshot", 7, lambda i: {"DBInstanceIdentifier": "payments-db",
                                                                 "DBSnapshotIdentifier": f"snap-{i}"})
PARAMS = many("ssm", "put_parameter", 12, lambda i: {"Name": f"/dr/p{i:02d}", "Value": str(i), "Type": "String"})

CASES += [
    # --query
    {"name": "query projection", "setup": [DB, DB2], "args": ["rds", "describe-db-instances", "--query",
                                                              "DBInstances[].[DBInstanceIdentifier,Engine]"]},
    {"name": "query filter and multiselect", "setup": [DB, DB2], "args": ["rds", "describe-db-instances", "--query",
                                                                          "DBInstances[?Engine=='mysql'].{id:DBInstanceIdentifier,class:DBInstanceClass}"]},
    {"name": "query functions", "setup": SNAPS, "args": ["rds", "describe-db-snapshots", "--query",
                                                         "sort_by(DBSnapshots, &DBSnapshotIdentifier)[-1].DBSnapshotIdentifier"]},
    {"name": "query length text", "setup": SNAPS, "args": ["rds", "describe-db-snapshots", "--query", "length(DBSnapshots)",
                                                           "--output", "text"]},
    {"name": "query text rows", "setup": [DB, DB2], "args": ["rds", "describe-db-instances", "--output", "text", "--query",
                                                             "DBInstances[].[DBInstanceIdentifier,AllocatedStorage]"]},
    {"name": "query no match", "args": ["rds", "describe-db-instances", "--query", "DBInstances[0].Nope"]},
    {"name": "query bad expression", "args": ["rds", "describe-db-instances", "--query", "DBInstances[?"]},
    # pagination over more than one page
    {"name": "paginate snapshots by 2", "setup": SNAPS, "args": ["rds", "describe-db-snapshots", "--page-size", "2"]},
    {"name": "max items with next token", "setup": SNAPS, "args": ["rds", "describe-db-snapshots", "--page-size", "2",
                                                                   "--max-items", "3"]},
    {"name": "starting token", "setup": SNAPS, "args": ["rds", "describe-db-snapshots", "--page-size", "2",
                                                        "--starting-token", "eyJNYXJrZXIiOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ=="]},
    {"name": "no paginate", "setup": SNAPS, "args": ["rds", "describe-db-snapshots", "--max-records", "20", "--no-paginate"]},
    {"name": "ssm paginate json protocol", "setup": PARAMS, "args": ["ssm", "describe-parameters", "--page-size", "5"]},
    {"name": "ssm max items", "setup": PARAMS, "args": ["ssm", "describe-parameters", "--max-items", "4"]},
    {"name": "paginated text", "setup": SNAPS, "args": ["rds", "describe-db-snapshots", "--page-size", "3", "--output", "text",
                                                        "--query", "DBSnapshots[].DBSnapshotIdentifier"]},
    # waiters
    {"name": "wait db available", "setup": [DB], "args": ["rds", "wait", "db-instance-available", "--db-instance-identifier", "payments-db"]},
    {"name": "wait db missing", "args": ["rds", "wait", "db-instance-available", "--db-instance-identifier", "nope"]},
    {"name": "wait table exists", "setup": [TABLE], "args": ["dynamodb", "wait", "table-exists", "--table-name", "orders"]},
    {"name": "wait bucket exists", "setup": [BUCKET], "args": ["s3api", "wait", "bucket-exists", "--bucket", "dr-state"]},
    {"name": "wait snapshot completed", "setup": [DB, SNAP], "args": ["rds", "wait", "db-snapshot-available",
                                                                      "--db-snapshot-identifier", "payments-manual-1"]},
]

# --output table, yaml and yaml-stream: compared byte for byte (check_parity.py).
QUOTED = many("ssm", "put_parameter", 8, lambda i: {
    "Name": f"/dr/q{i}", "Type": "String",
    "Value": ["true", "123", "null", "2026-01-01", "region: us-east-1", "  leading spaces", "yes", "0x1F"][i]})
UNICODE = ("ssm", "put_parameter", {"Name": "/dr/ünïcode", "Type": "String", "Value": "café ñandú 日本語 😀",
                                    "Description": "Ωmega — 東京 region"})
LONG = ("ssm", "put_parameter", {"Name": "/dr/runbook", "Type": "String",
                                 "Value": "Fail over the payments database to us-west-2, then point the application at the "
                                          "new writer endpoint and resume the workers one at a time",
                                 "Description": "Step 4 of the payments runbook: what to do once the restored instance "
                                                "reports available and its replication lag is under a second"})
PARAM_FIELDS = "Parameters[].{Name:Name,Value:Value,Type:Type,Version:Version}"

CASES += [
    {"name": "table rds one", "setup": [DB], "args": ["rds", "describe-db-instances", "--db-instance-identifier",
                                                     "payments-db", "--output", "table"]},
    {"name": "table ec2 vpcs", "setup": [VPC], "args": ["ec2", "describe-vpcs", "--output", "table"]},
    {"name": "table empty list", "args": ["rds", "describe-db-instances", "--output", "table"]},
    {"name": "table nothing returned", "setup": [DB], "args": ["rds", "add-tags-to-resource", "--resource-name",
                                                              "arn:aws:rds:us-east-1:123456789012:db:payments-db",
                                                              "--tags", "Key=a,Value=b", "--output", "table"]},
    {"name": "table query scalar", "setup": [DB, DB2], "args": ["rds", "describe-db-instances", "--output", "table",
                                                               "--query", "length(DBInstances)"]},
    {"name": "table query string", "setup": [DB], "args": ["rds", "describe-db-instances", "--output", "table",
                                                          "--query", "DBInstances[0].DBInstanceIdentifier"]},
    {"name": "table query list", "setup": [DB, DB2], "args": ["rds", "describe-db-instances", "--output", "table",
                                                             "--query", "DBInstances[].DBInstanceIdentifier"]},
    {"name": "table query list of lists", "setup": [DB, DB2], "args": [
        "rds", "describe-db-instances", "--output", "table", "--query",
        "DBInstances[].[DBInstanceIdentifier,Engine,AllocatedStorage,MultiAZ]"]},
    {"name": "table query object", "setup": [DB], "args": [
        "rds", "describe-db-instances", "--output", "table", "--query",
        "DBInstances[0].{id:DBInstanceIdentifier,engine:Engine,tags:TagList,endpoint:Endpoint}"]},
    {"name": "table rows of different lengths", "setup": [DB], "compare_stderr": True, "args": [
        "rds", "describe-db-instances", "--output", "table", "--query", "[`[1, 2]`, `[3]`]"]},
    # moto pages ssm's describe-parameters by 10 whatever the page size: 12 parameters are two pages.
    {"name": "table paginated", "setup": PARAMS, "args": ["ssm", "describe-parameters", "--page-size", "5", "--output",
                                                          "table", "--query", "Parameters[].[Name,Type,Version]"]},
    {"name": "table max items", "setup": PARAMS, "args": ["ssm", "describe-parameters", "--page-size", "3", "--max-items", "4",
                                                          "--output", "table", "--query", "{P:Parameters[].Name,N:NextToken}"]},
    {"name": "table unicode", "setup": [UNICODE], "args": ["ssm", "get-parameters", "--names", "/dr/ünïcode", "--output",
                                                           "table", "--query", PARAM_FIELDS]},
    {"name": "table colour on", "setup": [VPC], "args": ["ec2", "describe-vpcs", "--output", "table", "--color", "on"]},
    {"name": "table colour off", "setup": [VPC], "args": ["ec2", "describe-vpcs", "--output", "table", "--color", "off"]},
    # About 50 columns wide: turned into key/value rows if the width were 40, as it is at 80.
    {"name": "table ignores COLUMNS", "setup": [VPC], "env": {"COLUMNS": "40"}, "args": [
        "ec2", "describe-vpcs", "--output", "table", "--query", "Vpcs[0].{Cidr:CidrBlock,State:State,Default:IsDefault}"]},
    {"name": "yaml rds one", "setup": [DB], "args": ["rds", "describe-db-instances", "--db-instance-identifier",
                                                    "payments-db", "--output", "yaml"]},
    {"name": "yaml ec2 vpcs", "setup": [VPC], "args": ["ec2", "describe-vpcs", "--output", "yaml"]},
    {"name": "yaml empty list", "args": ["rds", "describe-db-instances", "--output", "yaml"]},
    {"name": "yaml nothing returned", "setup": [DB], "args": ["rds", "add-tags-to-resource", "--resource-name",
                                                             "arn:aws:rds:us-east-1:123456789012:db:payments-db",
                                                             "--tags", "Key=a,Value=b", "--output", "yaml"]},
    {"name": "yaml strings that need quoting", "setup": QUOTED, "args": [
        "ssm", "get-parameters", "--names"] + [f"/dr/q{i}" for i in range(8)] + ["--output", "yaml", "--query", PARAM_FIELDS]},
    {"name": "yaml unicode", "setup": [UNICODE], "args": ["ssm", "get-parameters", "--names", "/dr/ünïcode", "--output",
                                                          "yaml", "--query", PARAM_FIELDS]},
    {"name": "yaml long strings", "setup": [LONG], "args": ["ssm", "describe-parameters", "--output", "yaml", "--query",
                                                            "Parameters[].{Name:Name,Description:Description}"]},
    {"name": "yaml long value", "setup": [LONG], "args": ["ssm", "get-parameters", "--names", "/dr/runbook", "--output",
                                                          "yaml", "--query", PARAM_FIELDS]},
    {"name": "yaml query scalar", "setup": [DB, DB2], "args": ["rds", "describe-db-instances", "--output", "yaml",
                                                              "--query", "length(DBInstances)"]},
    {"name": "yaml query string", "setup": [DB], "args": ["rds", "describe-db-instances", "--output", "yaml",
                                                         "--query", "DBInstances[0].DBInstanceIdentifier"]},
    {"name": "yaml query list of lists", "setup": [DB, DB2], "args": [
        "rds", "describe-db-instances", "--output", "yaml", "--query",
        "DBInstances[].[DBInstanceIdentifier,AllocatedStorage,MultiAZ,Endpoint.Port]"]},
    {"name": "yaml query object", "setup": [DB], "args": [
        "rds", "describe-db-instances", "--output", "yaml", "--query",
        "DBInstances[0].{id:DBInstanceIdentifier,tags:TagList,endpoint:Endpoint,none:Nope}"]},
    {"name": "yaml paginated", "setup": PARAMS, "args": ["ssm", "describe-parameters", "--page-size", "5", "--output", "yaml",
                                                         "--query", "Parameters[].[Name,Value,Version]"]},
    {"name": "yaml max items", "setup": PARAMS, "args": ["ssm", "describe-parameters", "--max-items", "11", "--output", "yaml",
                                                         "--query", "{names:Parameters[].Name,next:NextToken}"]},
    {"name": "yaml-stream paginated", "setup": PARAMS, "args": ["ssm", "describe-parameters", "--page-size", "5", "--output",
                                                                "yaml-stream", "--query", "Parameters[].[Name,Type,Version]"]},
    {"name": "yaml-stream pages whole", "setup": PARAMS, "args": ["ssm", "describe-parameters", "--output", "yaml-stream"]},
    {"name": "yaml-stream max items", "setup": PARAMS, "args": ["ssm", "describe-parameters", "--max-items", "11",
                                                                "--output", "yaml-stream", "--query", "Parameters[].Name"]},
    {"name": "yaml-stream max items whole pages", "setup": PARAMS, "args": ["ssm", "describe-parameters", "--max-items", "11",
                                                                            "--output", "yaml-stream"]},
    {"name": "yaml-stream pages of snapshots", "setup": SNAPS, "args": ["rds", "describe-db-snapshots", "--output", "yaml-stream"]},
    {"name": "yaml-stream not paginated", "args": ["sts", "get-caller-identity", "--output", "yaml-stream"]},
    {"name": "yaml-stream nothing returned", "setup": [DB], "args": ["rds", "add-tags-to-resource", "--resource-name",
                                                                     "arn:aws:rds:us-east-1:123456789012:db:payments-db",
                                                                     "--tags", "Key=a,Value=b", "--output", "yaml-stream"]},
]

# On a terminal: the table takes the terminal's width and, by default, colour. NO_COLOR (which the CLI
# ignores) turns drconsole's default colour off: it then prints what the CLI prints with --color off.
CASES += [
    {"name": "table on a terminal 60 wide", "setup": [VPC], "terminal_columns": 60, "args": [
        "ec2", "describe-vpcs", "--output", "table", "--query", "Vpcs[0].{Cidr:CidrBlock,State:State,Default:IsDefault}"]},
    {"name": "table on a terminal 40 wide", "setup": [VPC], "terminal_columns": 40, "args": [
        "ec2", "describe-vpcs", "--output", "table", "--query", "Vpcs[0].{Cidr:CidrBlock,State:State,Default:IsDefault}"]},
    {"name": "table on a terminal 200 wide", "setup": [VPC], "terminal_columns": 200, "args": ["ec2", "describe-vpcs", "--output", "table"]},
    {"name": "table on a terminal with NO_COLOR", "setup": [VPC], "terminal_columns": 100, "env": {"NO_COLOR": "1"},
     "reference_args": ["--color", "off"], "args": ["ec2", "describe-vpcs", "--output", "table"]},
    {"name": "table on a terminal colour off", "setup": [VPC], "terminal_columns": 100, "args": [
        "ec2", "describe-vpcs", "--output", "table", "--color", "off"]},
    {"name": "yaml on a terminal", "setup": [DB], "terminal_columns": 40, "args": ["rds", "describe-db-instances", "--output", "yaml"]},
]

# The aws CLI's own arguments and commands.
from cases_custom import CUSTOM_CASES  # noqa: E402

CASES += CUSTOM_CASES
from cases_cloudformation import CLOUDFORMATION_CASES  # noqa: E402

CASES += CLOUDFORMATION_CASES
from cases_s3control import S3CONTROL_CASES  # noqa: E402

CASES += S3CONTROL_CASES
from cases_services import SERVICES_CASES  # noqa: E402

CASES += SERVICES_CASES
