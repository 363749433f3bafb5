"""Parity cases for the aws CLI's own arguments and commands (drconsole: core/aws/cli/custom_args*.cpp and
core/aws/cli/commands/). Their effect is read back through botocore ("after"), files they write are
compared ("compare_files"), and presigned tokens, which differ by the second, are checked by recomputing
their signature with botocore at the time they carry ("normalize").
"""
import base64
import datetime
import io
import json
import re
import zipfile
from urllib.parse import parse_qsl, urlsplit

import botocore.auth
import botocore.session

ACCOUNT = "123456789012"
VPC = ("ec2", "create_vpc", {"CidrBlock": "10.0.0.0/16"}, "vpc")
SUBNET = ("ec2", "create_subnet", {"VpcId": "<<vpc:Vpc.VpcId>>", "CidrBlock": "10.0.1.0/24"}, "subnet")
SG = ("ec2", "create_security_group", {"GroupName": "db", "Description": "db", "VpcId": "<<vpc:Vpc.VpcId>>"}, "sg")
SG2 = ("ec2", "create_security_group", {"GroupName": "app", "Description": "app", "VpcId": "<<vpc:Vpc.VpcId>>"}, "sg2")
INSTANCE = ("ec2", "run_instances", {"ImageId": "ami-12345678", "MinCount": 1, "MaxCount": 1}, "inst")
DESCRIBE_SG = ("ec2", "describe_security_groups", {"GroupIds": ["<<sg:GroupId>>"]})
ROLE = ("iam", "create_role", {"RoleName": "fn", "AssumeRolePolicyDocument": "{}"})
CLUSTER = ("eks", "create_cluster", {"name": "payments", "roleArn": f"arn:aws:iam::{ACCOUNT}:role/eks",
                                     "resourcesVpcConfig": {"subnetIds": []}})
SG_ID = "<<sg:GroupId>>"
SES_SENDER = ("ses", "verify_email_identity", {"EmailAddress": "dr@example.com"})
INSTANCE_ID = "<<inst:Instances[0].InstanceId>>"


def zip_bytes():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("index.py", "def handler(event, context):\n    return 'ok'\n")
    return buf.getvalue()


def at_time(when, fn):
    """Runs fn with botocore's signing clock (and so awscli's) fixed at `when`."""
    real = botocore.auth.get_current_datetime
    botocore.auth.get_current_datetime = lambda *a, **k: when
    try:
        return fn()
    finally:
        botocore.auth.get_current_datetime = real


def session():
    s = botocore.session.get_session()
    s.set_credentials("AKIATEST", "secret")
    return s


def rds_token(out, err):
    """The token with its date and signature masked, and whether botocore signs the same at that date."""
    url = out.strip()
    host_port, _, query = url.partition("/?")
    q = dict(parse_qsl(query, keep_blank_values=True))
    if "X-Amz-Date" not in q:
        return {"not a token": url, "stderr": err.strip()}
    when = datetime.datetime.strptime(q["X-Amz-Date"], "%Y%m%dT%H%M%SZ")
    region = q["X-Amz-Credential"].split("/")[2]
    host, port = host_port.rsplit(":", 1)
    rds = session().create_client("rds", region_name=region)
    expected = at_time(when, lambda: rds.generate_db_auth_token(host, int(port), q["DBUser"], Region=region))
    masked = re.sub(r"X-Amz-Date=\w+", "X-Amz-Date=<date>", re.sub(r"X-Amz-Signature=\w+", "X-Amz-Signature=<sig>", url))
    return {"token": masked, "botocore signs the same": expected == url}


def eks_token(out, err):
    """The ExecCredential with its token decoded and checked as rds_token checks, and its expiry 14 minutes on."""
    try:
        cred = json.loads(out)
    except ValueError:
        return {"not json": out, "stderr": err.strip()}
    token = cred["status"]["token"]
    url = base64.urlsafe_b64decode(token[len("k8s-aws-v1."):] + "=" * (-len(token) % 4)).decode()
    q = dict(parse_qsl(urlsplit(url).query))
    when = datetime.datetime.strptime(q["X-Amz-Date"], "%Y%m%dT%H%M%SZ")
    region = q["X-Amz-Credential"].split("/")[2]
    from awscli.customizations.eks.get_token import STSClientFactory, TokenGenerator
    sts = STSClientFactory(session()).get_sts_client(region_name=region)
    expected = at_time(when, lambda: TokenGenerator(sts).get_token("payments"))  # every case asks for "payments"
    expiry = datetime.datetime.strptime(cred["status"]["expirationTimestamp"], "%Y-%m-%dT%H:%M:%SZ")
    cred["status"]["expirationTimestamp"] = abs((expiry - when).total_seconds() - 14 * 60) <= 2
    cred["status"]["token"] = {"url": re.sub(r"X-Amz-(Date|Signature)=\w+", r"X-Amz-\1=<masked>", url),
                               "botocore signs the same": expected == token}
    cred["stderr"] = err.strip()
    return cred


KUBECONFIG = """apiVersion: v1
clusters:
- cluster:
    server: https://old.example
  name: other
contexts:
- context:
    cluster: other
    user: other
  name: other
current-context: other
kind: Config
preferences: {}
users:
- name: other
  user:
    token: 'yes'
    enabled: true
    note: "caf\\u00e9"
"""

CUSTOM_CASES = [
    # toplevelbool: {"Value": bool} members as --x / --no-x
    {"name": "ec2 vpc enable dns hostnames", "setup": [VPC], "args": ["ec2", "modify-vpc-attribute", "--vpc-id", "<<vpc:Vpc.VpcId>>",
                                                                     "--enable-dns-hostnames"],
     "after": [("ec2", "describe_vpc_attribute", {"VpcId": "<<vpc:Vpc.VpcId>>", "Attribute": "enableDnsHostnames"})]},
    {"name": "ec2 vpc no dns support", "setup": [VPC], "args": ["ec2", "modify-vpc-attribute", "--vpc-id", "<<vpc:Vpc.VpcId>>",
                                                               "--no-enable-dns-support"],
     "after": [("ec2", "describe_vpc_attribute", {"VpcId": "<<vpc:Vpc.VpcId>>", "Attribute": "enableDnsSupport"})]},
    {"name": "ec2 boolean with a JSON value", "setup": [VPC], "args": ["ec2", "modify-vpc-attribute", "--enable-dns-hostnames",
                                                                      '{"Value": true}', "--vpc-id", "<<vpc:Vpc.VpcId>>"],
     "after": [("ec2", "describe_vpc_attribute", {"VpcId": "<<vpc:Vpc.VpcId>>", "Attribute": "enableDnsHostnames"})]},
    {"name": "ec2 boolean with a shorthand value", "setup": [VPC], "args": ["ec2", "modify-vpc-attribute", "--vpc-id", "<<vpc:Vpc.VpcId>>",
                                                                           "--enable-dns-support", "Value=false"],
     "after": [("ec2", "describe_vpc_attribute", {"VpcId": "<<vpc:Vpc.VpcId>>", "Attribute": "enableDnsSupport"})]},
    {"name": "ec2 boolean both forms", "setup": [VPC], "args": ["ec2", "modify-vpc-attribute", "--vpc-id", "<<vpc:Vpc.VpcId>>",
                                                               "--enable-dns-support", "--no-enable-dns-support"]},
    {"name": "ec2 negative boolean with a value", "setup": [VPC], "args": ["ec2", "modify-vpc-attribute", "--vpc-id",
                                                                          "<<vpc:Vpc.VpcId>>", "--no-enable-dns-support=x"]},
    {"name": "ec2 subnet map public ip", "setup": [VPC, SUBNET], "args": ["ec2", "modify-subnet-attribute", "--subnet-id",
                                                                         "<<subnet:Subnet.SubnetId>>", "--map-public-ip-on-launch"],
     "after": [("ec2", "describe_subnets", {"SubnetIds": ["<<subnet:Subnet.SubnetId>>"]})]},
    {"name": "ec2 instance no source dest check", "setup": [INSTANCE],
     "args": ["ec2", "modify-instance-attribute", "--instance-id", INSTANCE_ID, "--no-source-dest-check"],
     "after": [("ec2", "describe_instance_attribute", {"InstanceId": INSTANCE_ID, "Attribute": "sourceDestCheck"})]},
    {"name": "ec2 instance disable api termination", "setup": [INSTANCE],
     "args": ["ec2", "modify-instance-attribute", "--instance-id", INSTANCE_ID, "--disable-api-termination"],
     "after": [("ec2", "describe_instance_attribute", {"InstanceId": INSTANCE_ID, "Attribute": "disableApiTermination"})]},
    # secgroupsimplify: one rule from scalar options
    {"name": "sg ingress tcp port range cidr", "setup": [VPC, SG], "after": [DESCRIBE_SG],
     "args": ["ec2", "authorize-security-group-ingress", "--group-id", SG_ID, "--protocol", "tcp", "--port", "22-25", "--cidr", "10.1.0.0/16"]},
    {"name": "sg ingress all protocols", "setup": [VPC, SG], "after": [DESCRIBE_SG],
     "args": ["ec2", "authorize-security-group-ingress", "--group-id", SG_ID, "--protocol", "all", "--port", "all", "--cidr", "10.2.0.0/16"]},
    {"name": "sg ingress udp single port", "setup": [VPC, SG], "after": [DESCRIBE_SG],
     "args": ["ec2", "authorize-security-group-ingress", "--group-id", SG_ID, "--protocol", "udp", "--port", "53", "--cidr", "10.3.0.0/16"]},
    {"name": "sg ingress from a group and owner", "setup": [VPC, SG, SG2], "after": [DESCRIBE_SG],
     "args": ["ec2", "authorize-security-group-ingress", "--group-id", SG_ID, "--protocol", "6", "--port", "5432",
              "--source-group", "<<sg2:GroupId>>", "--group-owner", ACCOUNT]},
    {"name": "sg egress", "setup": [VPC, SG], "after": [DESCRIBE_SG],
     "args": ["ec2", "authorize-security-group-egress", "--group-id", SG_ID, "--protocol", "tcp", "--port", "443", "--cidr", "0.0.0.0/0"]},
    {"name": "sg revoke ingress", "setup": [VPC, SG, ("ec2", "authorize_security_group_ingress", {
        "GroupId": SG_ID, "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "10.9.0.0/16"}]}]})],
     "after": [DESCRIBE_SG],
     "args": ["ec2", "revoke-security-group-ingress", "--group-id", SG_ID, "--protocol", "tcp", "--port", "22", "--cidr", "10.9.0.0/16"]},
    {"name": "sg bad port range", "setup": [VPC, SG], "args": ["ec2", "authorize-security-group-ingress", "--group-id", SG_ID,
                                                             "--protocol", "tcp", "--port", "22-x", "--cidr", "10.0.0.0/8"]},
    {"name": "sg port without a value", "setup": [VPC, SG], "args": ["ec2", "authorize-security-group-ingress", "--group-id", SG_ID,
                                                                   "--protocol", "tcp", "--port"]},
    {"name": "sg unknown protocol", "setup": [VPC, SG], "args": ["ec2", "authorize-security-group-ingress", "--group-id", SG_ID,
                                                               "--protocol", "tcpx", "--port", "22"]},
    {"name": "sg protocol number out of range", "setup": [VPC, SG], "args": ["ec2", "authorize-security-group-ingress", "--group-id",
                                                                           SG_ID, "--protocol", "300"]},
    {"name": "sg scalar with ip permissions", "setup": [VPC, SG],
     "args": ["ec2", "authorize-security-group-ingress", "--group-id", SG_ID, "--source-group", "x",
              "--ip-permissions", "IpProtocol=tcp,FromPort=1,ToPort=1"]},
    # run-instances' network interface shortcuts
    {"name": "run instances public ip in subnet", "setup": [VPC, SUBNET],
     "args": ["ec2", "run-instances", "--image-id", "ami-12345678", "--subnet-id", "<<subnet:Subnet.SubnetId>>",
              "--associate-public-ip-address", "--query", "Instances[0].NetworkInterfaces[0].[SubnetId,PrivateIpAddresses[0].Primary]"]},
    {"name": "run instances secondary ips", "setup": [VPC, SUBNET],
     "args": ["ec2", "run-instances", "--image-id", "ami-12345678", "--subnet-id", "<<subnet:Subnet.SubnetId>>",
              "--secondary-private-ip-addresses", "10.0.1.10", "10.0.1.11", "--no-associate-public-ip-address",
              "--query", "Instances[0].NetworkInterfaces[0].PrivateIpAddresses[].[PrivateIpAddress,Primary]"]},
    {"name": "run instances mixing network interfaces", "args": ["ec2", "run-instances", "--image-id", "ami-12345678",
                                                                 "--network-interfaces", "DeviceIndex=0", "--associate-public-ip-address"]},
    {"name": "run instances bad secondary count", "args": ["ec2", "run-instances", "--image-id", "ami-12345678",
                                                           "--secondary-private-ip-address-count", "two"]},
    # put-metric-data's scalar options
    {"name": "put metric scalar options", "args": ["cloudwatch", "put-metric-data", "--namespace", "DR", "--metric-name", "Lag",
                                                   "--value", "3.5", "--unit", "Seconds", "--timestamp", "2026-01-01T00:00:00Z",
                                                   "--dimensions", "Service=db,Region=us-east-1"],
     "after": [("cloudwatch", "list_metrics", {"Namespace": "DR"}),
               ("cloudwatch", "get_metric_statistics", {"Namespace": "DR", "MetricName": "Lag", "StartTime": "2025-12-31T00:00:00Z",
                                                        "EndTime": "2026-01-02T00:00:00Z", "Period": 60, "Statistics": ["Sum"],
                                                        "Dimensions": [{"Name": "Service", "Value": "db"},
                                                                       {"Name": "Region", "Value": "us-east-1"}]})]},
    {"name": "put metric statistic values", "args": ["cloudwatch", "put-metric-data", "--namespace", "DR", "--metric-name", "Depth",
                                                     "--statistic-values", "Sum=10,Minimum=1,Maximum=5,SampleCount=3",
                                                     "--timestamp", "2026-01-01T00:00:00Z", "--storage-resolution", "1"],
     "after": [("cloudwatch", "get_metric_statistics", {"Namespace": "DR", "MetricName": "Depth", "StartTime": "2025-12-31T00:00:00Z",
                                                        "EndTime": "2026-01-02T00:00:00Z", "Period": 60,
                                                        "Statistics": ["Sum", "Maximum", "Minimum", "SampleCount"]})]},
    {"name": "put metric bad value", "args": ["cloudwatch", "put-metric-data", "--namespace", "DR", "--metric-name", "x", "--value", "abc"]},
    {"name": "put metric with metric data", "args": ["cloudwatch", "put-metric-data", "--namespace", "DR", "--metric-data",
                                                     "MetricName=a,Value=1", "--unit", "Count"]},
    {"name": "put metric bad dimension", "args": ["cloudwatch", "put-metric-data", "--namespace", "DR", "--metric-name", "x",
                                                  "--value", "1", "--dimensions", "a=b=c"]},
    # lambda zip files
    {"name": "lambda create from zip file", "setup": [ROLE], "files": {"fn.zip": zip_bytes()},
     "args": ["lambda", "create-function", "--function-name", "dr-fn", "--runtime", "python3.12", "--handler", "index.handler",
              "--role", f"arn:aws:iam::{ACCOUNT}:role/fn", "--zip-file", "fileb://<<dir>>/fn.zip",
              "--query", "[FunctionName,CodeSize,CodeSha256]"]},
    {"name": "lambda zip file without fileb", "setup": [ROLE], "files": {"fn.zip": zip_bytes()},
     "args": ["lambda", "create-function", "--function-name", "dr-fn", "--runtime", "python3.12", "--handler", "index.handler",
              "--role", f"arn:aws:iam::{ACCOUNT}:role/fn", "--zip-file", "<<dir>>/fn.zip"]},
    {"name": "lambda code with zip file inside", "setup": [ROLE],
     "args": ["lambda", "create-function", "--function-name", "dr-fn", "--runtime", "python3.12", "--handler", "index.handler",
              "--role", f"arn:aws:iam::{ACCOUNT}:role/fn", "--code", "ZipFile=abc"]},
    {"name": "lambda code from s3", "setup": [ROLE, ("s3", "create_bucket", {"Bucket": "dr-code"}),
                                              ("s3", "put_object", {"Bucket": "dr-code", "Key": "fn.zip", "Body": zip_bytes()})],
     "args": ["lambda", "create-function", "--function-name", "dr-fn", "--runtime", "python3.12", "--handler", "index.handler",
              "--role", f"arn:aws:iam::{ACCOUNT}:role/fn", "--code", "S3Bucket=dr-code,S3Key=fn.zip", "--query", "[CodeSize,CodeSha256]"]},
    {"name": "lambda update code not a zip", "files": {"fn.txt": "not a zip"},
     "args": ["lambda", "update-function-code", "--function-name", "dr-fn", "--zip-file", "fileb://<<dir>>/fn.txt"]},
    # the CLI's own commands
    {"name": "ecr get login password", "args": ["ecr", "get-login-password"]},
    {"name": "ecr get login", "args": ["ecr", "get-login", "--no-include-email"]},
    {"name": "ecr get login password unknown option", "args": ["ecr", "get-login-password", "--registry-ids", "1"]},
    {"name": "rds auth token", "args": ["rds", "generate-db-auth-token", "--hostname", "Payments.cluster-x.us-east-1.rds.amazonaws.com",
                                        "--port", "5432", "--username", "iam user"], "normalize": rds_token},
    {"name": "rds auth token other region", "args": ["rds", "generate-db-auth-token", "--hostname", "db.example", "--port", "0443",
                                                     "--username", "admin", "--region", "eu-west-2"], "normalize": rds_token},
    {"name": "rds auth token missing username", "args": ["rds", "generate-db-auth-token", "--hostname", "h", "--port", "5432"]},
    {"name": "rds auth token bad port", "args": ["rds", "generate-db-auth-token", "--hostname", "h", "--port", "x", "--username", "u"]},
    {"name": "eks get token", "args": ["eks", "get-token", "--cluster-name", "payments"], "normalize": eks_token},
    {"name": "eks get token exec info v1", "args": ["eks", "get-token", "--cluster-name", "payments"], "normalize": eks_token,
     "env": {"KUBERNETES_EXEC_INFO": '{"apiVersion": "client.authentication.k8s.io/v1"}'}},
    {"name": "eks get token exec info bad", "args": ["eks", "get-token", "--cluster-name", "payments"], "normalize": eks_token,
     "env": {"KUBERNETES_EXEC_INFO": "{nope"}},
    {"name": "eks get token text", "args": ["eks", "get-token", "--cluster-name", "payments", "--output", "text",
                                            "--query", "[kind,apiVersion]"]},
    {"name": "eks get token no cluster", "args": ["eks", "get-token"]},
    {"name": "eks get token name and id", "args": ["eks", "get-token", "--cluster-name", "a", "--cluster-id", "b"]},
    {"name": "eks kubeconfig new file", "setup": [CLUSTER], "compare_files": ["kube/config"],
     "args": ["eks", "update-kubeconfig", "--name", "payments", "--kubeconfig", "<<dir>>/kube/config"]},
    {"name": "eks kubeconfig merge alias verbose", "setup": [CLUSTER], "files": {"config": KUBECONFIG}, "compare_files": ["config"],
     "args": ["eks", "update-kubeconfig", "--name", "payments", "--alias", "prod", "--role-arn", f"arn:aws:iam::{ACCOUNT}:role/k8s",
              "--verbose"], "env": {"KUBECONFIG": "<<dir>>/missing:<<dir>>/config"}},
    {"name": "eks kubeconfig update existing", "setup": [CLUSTER], "files": {"config": KUBECONFIG}, "compare_files": ["config"],
     "before": [["eks", "update-kubeconfig", "--name", "payments", "--kubeconfig", "<<dir>>/config"]],
     "args": ["eks", "update-kubeconfig", "--name", "payments", "--kubeconfig", "<<dir>>/config", "--user-alias", "ops",
              "--proxy-url", "socks5://proxy:1080"]},
    {"name": "eks kubeconfig dry run", "setup": [CLUSTER], "files": {"config": KUBECONFIG}, "compare_files": ["config"],
     "args": ["eks", "update-kubeconfig", "--name", "payments", "--kubeconfig", "<<dir>>/config", "--dry-run"]},
    {"name": "eks kubeconfig corrupted", "setup": [CLUSTER], "files": {"config": "clusters: nope\n"}, "compare_files": ["config"],
     "args": ["eks", "update-kubeconfig", "--name", "payments", "--kubeconfig", "<<dir>>/config"]},
    {"name": "eks kubeconfig missing cluster", "args": ["eks", "update-kubeconfig", "--name", "nope", "--kubeconfig", "<<dir>>/c"]},
    {"name": "eks kubeconfig missing name", "args": ["eks", "update-kubeconfig"]},
    {"name": "cli command not provided", "args": ["cloudformation", "package", "--template-file", "x", "--s3-bucket", "y"]},
    # ses send-email's own options (sessendemail): the message moto keeps is read back.
    {"name": "ses send-email --to --subject --text", "setup": [SES_SENDER], "files": {"body.txt": "Failover to us-west-2 started.\n"},
     "args": ["ses", "send-email", "--from", "dr@example.com", "--to", "oncall@example.com", "cto@example.com", "--cc", "sre@example.com",
              "--subject", "DR: failover started", "--text", "file://<<dir>>/body.txt", "--html", "<b>failover</b>"],
     "normalize": lambda out, err: (sorted(json.loads(out)) if out.strip() else None, err),
     "after": [("ses", "get_send_quota", {})]},
    {"name": "ses send-email --to with --destination", "setup": [SES_SENDER], "compare_stderr": True,
     "args": ["ses", "send-email", "--from", "dr@example.com", "--to", "a@example.com", "--destination", "ToAddresses=b@example.com",
              "--message", "Subject={Data=x},Body={Text={Data=y}}"]},
    {"name": "ses send-email --text with --message", "setup": [SES_SENDER], "compare_stderr": True,
     "args": ["ses", "send-email", "--from", "dr@example.com", "--destination", "ToAddresses=b@example.com", "--text", "t",
              "--message", "Subject={Data=x},Body={Text={Data=y}}"]},
    {"name": "ses send-email --to without an address", "args": ["ses", "send-email", "--from", "dr@example.com", "--to"]},
]
