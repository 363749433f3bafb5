"""Parity cases for `aws cloudformation deploy` (drconsole: core/aws/cli/commands/cloudformation_deploy.cpp and
cfn_deployer.cpp). Each writes its template into the case's folder, runs deploy through both tools, and reads
the stack back through botocore: its status, parameters and tags, and the template CloudFormation kept, which
must be the file's text as it was (the CLI never re-serializes it, YAML short forms included).

moto creates and executes change sets at once, so the waiters answer on their first poll. moto ignores
Capabilities and DisableRollback (nothing of them can be read back); those cases compare what the command
prints and the stack it leaves. Errors of the CLI's own (a missing template, a bad --parameter-overrides) are
compared on the whole of standard error.
"""
import hashlib
import json

STACK = "dr-app"

JSON_TEMPLATE = json.dumps({
    "AWSTemplateFormatVersion": "2010-09-09",
    "Description": "DR application queue",
    "Parameters": {
        "Env": {"Type": "String", "Default": "prod"},
        "Size": {"Type": "String", "Default": "1"},
    },
    "Resources": {
        "Queue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Fn::Sub": "${Env}-orders"}}},
    },
    "Outputs": {"QueueUrl": {"Value": {"Ref": "Queue"}}},
}, indent=2) + "\n"

# Short-form tags, a comment and CRLF-free text: the body CloudFormation keeps must be exactly this.
YAML_TEMPLATE = """AWSTemplateFormatVersion: '2010-09-09'
Description: DR topic  # kept as written
Parameters:
  Env:
    Type: String
    Default: prod
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Sub '${Env}-alerts'
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Join ['-', [!Ref Env, jobs]]
Outputs:
  TopicName:
    Value: !GetAtt Topic.TopicName
  QueueArn:
    Value: !GetAtt [Queue, Arn]
"""

NO_PARAMS_TEMPLATE = json.dumps({
    "AWSTemplateFormatVersion": "2010-09-09",
    "Resources": {"Queue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "dr-static"}}},
})

# Over the 51,200 bytes a TemplateBody may carry: deploy needs --s3-bucket.
LARGE_TEMPLATE = json.dumps({
    "Metadata": {"Runbook": "restore the queue first. " * 2200},
    "Resources": {"Queue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "dr-large"}}},
}, indent=1)
assert len(LARGE_TEMPLATE) > 51200

DESCRIBE = ("cloudformation", "describe_stacks", {"StackName": STACK})
TEMPLATE = ("cloudformation", "get_template", {"StackName": STACK})
CHANGE_SETS = ("cloudformation", "list_change_sets", {"StackName": STACK})
CREATED = ("cloudformation", "create_stack", {"StackName": STACK, "TemplateBody": JSON_TEMPLATE,
                                              "Parameters": [{"ParameterKey": "Env", "ParameterValue": "prod"},
                                                             {"ParameterKey": "Size", "ParameterValue": "2"}]})
CREATED_NO_PARAMS = ("cloudformation", "create_stack", {"StackName": STACK, "TemplateBody": NO_PARAMS_TEMPLATE})
BUCKET = ("s3", "create_bucket", {"Bucket": "dr-templates"})
SMALL_KEY = hashlib.md5(JSON_TEMPLATE.encode()).hexdigest() + ".template"
SMALL_OBJECT = ("s3", "put_object", {"Bucket": "dr-templates", "Key": SMALL_KEY, "Body": JSON_TEMPLATE.encode()})
HEAD_SMALL = ("s3", "head_object", {"Bucket": "dr-templates", "Key": SMALL_KEY})


def deploy(template, *more):
    return ["cloudformation", "deploy", "--template-file", "<<dir>>/" + template, "--stack-name", STACK, *more]


CLOUDFORMATION_CASES = [
    {"name": "cfn deploy create from json", "files": {"t.json": JSON_TEMPLATE}, "args": deploy("t.json"),
     "after": [DESCRIBE, TEMPLATE, ("sqs", "list_queues", {})]},
    {"name": "cfn deploy create from yaml short forms", "files": {"t.yaml": YAML_TEMPLATE},
     "args": deploy("t.yaml", "--parameter-overrides", "Env=dr"),
     "after": [DESCRIBE, TEMPLATE, ("sns", "list_topics", {}), ("sqs", "list_queues", {})]},
    {"name": "cfn deploy update with a parameter override", "setup": [CREATED], "files": {"t.json": JSON_TEMPLATE},
     "args": deploy("t.json", "--parameter-overrides", "Env=dr"), "after": [DESCRIBE, ("sqs", "list_queues", {})]},
    {"name": "cfn deploy parameter overrides from a json file", "setup": [CREATED],
     "files": {"t.json": JSON_TEMPLATE, "params.json": '["Env=dr", "Size=3", "Unused=x"]'},
     "args": deploy("t.json", "--parameter-overrides", "file://<<dir>>/params.json"), "after": [DESCRIBE]},
    {"name": "cfn deploy parameter overrides as inline json", "files": {"t.json": JSON_TEMPLATE},
     "args": deploy("t.json", "--parameter-overrides", '["Env=dr", "Size=4=x"]'), "after": [DESCRIBE]},
    {"name": "cfn deploy no changes", "setup": [CREATED_NO_PARAMS], "files": {"t.json": NO_PARAMS_TEMPLATE},
     "args": deploy("t.json"), "compare_stderr": True, "after": [DESCRIBE]},
    {"name": "cfn deploy no changes fail on empty", "setup": [CREATED_NO_PARAMS], "files": {"t.json": NO_PARAMS_TEMPLATE},
     "args": deploy("t.json", "--fail-on-empty-changeset"), "compare_stderr": True},
    {"name": "cfn deploy no changes no fail on empty", "setup": [CREATED_NO_PARAMS], "files": {"t.json": NO_PARAMS_TEMPLATE},
     "args": deploy("t.json", "--no-fail-on-empty-changeset"), "compare_stderr": True, "after": [DESCRIBE]},
    {"name": "cfn deploy no changes last of the empty flags wins", "setup": [CREATED_NO_PARAMS],
     "files": {"t.json": NO_PARAMS_TEMPLATE}, "compare_stderr": True,
     "args": deploy("t.json", "--no-fail-on-empty-changeset", "--fail-on-empty-changeset")},
    {"name": "cfn deploy no changes with parameters", "setup": [CREATED], "files": {"t.json": JSON_TEMPLATE},
     "args": deploy("t.json", "--parameter-overrides", "Env=prod", "Size=2")},
    {"name": "cfn deploy no execute", "files": {"t.json": JSON_TEMPLATE},
     "args": deploy("t.json", "--no-execute-changeset"), "compare_stderr": True, "after": [DESCRIBE, CHANGE_SETS]},
    {"name": "cfn deploy tags", "files": {"t.json": JSON_TEMPLATE},
     "args": deploy("t.json", "--tags", "Team=dr", "Owner=ops", "Team=sre"), "after": [DESCRIBE]},
    {"name": "cfn deploy capabilities", "files": {"t.yaml": YAML_TEMPLATE},
     "args": deploy("t.yaml", "--capabilities", "CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"), "after": [DESCRIBE]},
    {"name": "cfn deploy capabilities as json", "files": {"t.yaml": YAML_TEMPLATE},
     "args": deploy("t.yaml", "--capabilities", '["CAPABILITY_IAM"]', "--no-execute-changeset"), "after": [DESCRIBE]},
    {"name": "cfn deploy role notifications rollback", "setup": [("sns", "create_topic", {"Name": "dr"})], "files": {"t.json": JSON_TEMPLATE},
     "args": deploy("t.json", "--role-arn", "arn:aws:iam::123456789012:role/cfn", "--notification-arns",
                    "arn:aws:sns:us-east-1:123456789012:dr", "--disable-rollback"), "after": [DESCRIBE]},
    {"name": "cfn deploy missing template", "args": deploy("nope.json"), "compare_stderr": True},
    {"name": "cfn deploy bad parameter override", "files": {"t.json": JSON_TEMPLATE},
     "args": deploy("t.json", "--parameter-overrides", "Env=dr", "Size"), "compare_stderr": True, "after": [DESCRIBE]},
    {"name": "cfn deploy bad tag", "files": {"t.json": JSON_TEMPLATE},
     "args": deploy("t.json", "--tags", "Team"), "compare_stderr": True},
    {"name": "cfn deploy parameter overrides file not a list", "files": {"t.json": JSON_TEMPLATE, "p.txt": "Env=dr"},
     "args": deploy("t.json", "--parameter-overrides", "file://<<dir>>/p.txt"), "compare_stderr": True},
    {"name": "cfn deploy parameter overrides json of other types", "files": {"t.json": JSON_TEMPLATE},
     "args": deploy("t.json", "--parameter-overrides", '["Env=dr", 1, {"a": [true]}]'), "compare_stderr": True},
    {"name": "cfn deploy parameter overrides a json object", "files": {"t.json": JSON_TEMPLATE},
     "args": deploy("t.json", "--parameter-overrides", '{"Env": "dr"}'), "compare_stderr": True},
    {"name": "cfn deploy template not a mapping", "files": {"t.yaml": "just some text\n"},
     "args": deploy("t.yaml"), "compare_stderr": True},
    {"name": "cfn deploy large template without a bucket", "files": {"big.json": LARGE_TEMPLATE},
     "args": deploy("big.json"), "compare_stderr": True},
    # The template goes to S3 (key: its MD5, under the prefix) and CloudFormation reads it from there. The
    # CLI's s3 client takes no --endpoint-url: both tools find moto through AWS_ENDPOINT_URL_S3. Standard
    # error (the upload's progress line) is not compared.
    {"name": "cfn deploy large template through s3", "setup": [BUCKET], "files": {"big.json": LARGE_TEMPLATE},
     "env": {"AWS_ENDPOINT_URL_S3": "<<moto_localhost>>"},
     "args": deploy("big.json", "--s3-bucket", "dr-templates", "--s3-prefix", "dr/cfn"),
     "after": [DESCRIBE, ("s3", "list_objects_v2", {"Bucket": "dr-templates"}),
               ("cloudformation", "list_stack_resources", {"StackName": STACK})]},
    # The key is the template's MD5: one already there is not uploaded again (its encryption shows which
    # upload it is) unless --force-upload.
    {"name": "cfn deploy s3 key already there", "setup": [BUCKET, SMALL_OBJECT], "files": {"t.json": JSON_TEMPLATE},
     "env": {"AWS_ENDPOINT_URL_S3": "<<moto_localhost>>"}, "compare_stderr": True,
     "args": deploy("t.json", "--s3-bucket", "dr-templates"), "after": [DESCRIBE, HEAD_SMALL]},
    {"name": "cfn deploy s3 force upload", "setup": [BUCKET, SMALL_OBJECT], "files": {"t.json": JSON_TEMPLATE},
     "env": {"AWS_ENDPOINT_URL_S3": "<<moto_localhost>>"},
     "args": deploy("t.json", "--s3-bucket", "dr-templates", "--force-upload"), "after": [DESCRIBE, HEAD_SMALL]},
    {"name": "cfn deploy s3 kms key", "setup": [BUCKET], "files": {"t.json": JSON_TEMPLATE},
     "env": {"AWS_ENDPOINT_URL_S3": "<<moto_localhost>>"},
     "args": deploy("t.json", "--s3-bucket", "dr-templates", "--kms-key-id", "alias/dr"), "after": [DESCRIBE, HEAD_SMALL]},
    {"name": "cfn deploy s3 bucket missing", "files": {"t.json": JSON_TEMPLATE},
     "env": {"AWS_ENDPOINT_URL_S3": "<<moto_localhost>>"}, "compare_stderr": True,
     "args": deploy("t.json", "--s3-bucket", "no-such-bucket")},
    {"name": "cfn deploy missing stack name", "files": {"t.json": JSON_TEMPLATE},
     "args": ["cloudformation", "deploy", "--template-file", "<<dir>>/t.json"]},
]
