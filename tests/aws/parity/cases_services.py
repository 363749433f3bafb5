"""Parity cases for the services added with the incident tooling and the wider estate (tagging, discovery,
organizations, pipelines, batch, analytics, messaging): each creates something through botocore and reads it
back through both tools, so responses of each protocol are parsed from what moto really answers.
"""
VPC = ("ec2", "create_vpc", {"CidrBlock": "10.0.0.0/16", "TagSpecifications": [
    {"ResourceType": "vpc", "Tags": [{"Key": "dr-tier", "Value": "critical"}]}]})
NAMESPACE = ("servicediscovery", "create_http_namespace", {"Name": "payments.internal"})
ORG = ("organizations", "create_organization", {"FeatureSet": "ALL"})
WORKGROUP = ("athena", "create_work_group", {"Name": "dr-queries", "Tags": [{"Key": "team", "Value": "sre"}]})
APP = ("appconfig", "create_application", {"Name": "payments", "Description": "feature flags"}, "app")
DOMAIN = ("es", "create_elasticsearch_domain", {"DomainName": "dr-logs"})
BROKER = ("mq", "create_broker", {"BrokerName": "dr-events", "DeploymentMode": "SINGLE_INSTANCE", "EngineType": "ACTIVEMQ",
                                  "EngineVersion": "5.17.6", "HostInstanceType": "mq.t3.micro", "PubliclyAccessible": False,
                                  "AutoMinorVersionUpgrade": True, "Users": [{"Username": "admin", "Password": "Passw0rd-long!"}]})
ACL = ("wafv2", "create_web_acl", {"Name": "edge", "Scope": "REGIONAL", "DefaultAction": {"Allow": {}},
                                   "VisibilityConfig": {"SampledRequestsEnabled": False, "CloudWatchMetricsEnabled": False,
                                                        "MetricName": "edge"}})
SHARE = ("ram", "create_resource_share", {"name": "dr-share"})
SERVER = ("transfer", "create_server", {"Tags": [{"Key": "dr", "Value": "yes"}]})

SERVICES_CASES = [
    {"name": "resourcegroupstaggingapi get-resources by tag", "setup": [VPC],
     "args": ["resourcegroupstaggingapi", "get-resources", "--tag-filters", "Key=dr-tier,Values=critical"]},
    {"name": "servicediscovery list-namespaces", "setup": [NAMESPACE], "args": ["servicediscovery", "list-namespaces"]},
    {"name": "organizations describe-organization", "setup": [ORG], "args": ["organizations", "describe-organization"]},
    {"name": "organizations list-accounts text", "setup": [ORG],
     "args": ["organizations", "list-accounts", "--query", "Accounts[].[Id,Status]", "--output", "text"]},
    {"name": "organizations describe-organization, none", "args": ["organizations", "describe-organization"]},
    {"name": "athena list-work-groups", "setup": [WORKGROUP], "args": ["athena", "list-work-groups"]},
    {"name": "athena get-work-group", "setup": [WORKGROUP], "args": ["athena", "get-work-group", "--work-group", "dr-queries"]},
    {"name": "appconfig get-application", "setup": [APP], "args": ["appconfig", "get-application", "--application-id", "<<app:Id>>"]},
    {"name": "es list-domain-names", "setup": [DOMAIN], "args": ["es", "list-domain-names"]},
    {"name": "es describe-elasticsearch-domain, missing", "args": ["es", "describe-elasticsearch-domain", "--domain-name", "nope"]},
    {"name": "mq list-brokers", "setup": [BROKER], "args": ["mq", "list-brokers"]},
    {"name": "wafv2 list-web-acls", "setup": [ACL], "args": ["wafv2", "list-web-acls", "--scope", "REGIONAL"]},
    {"name": "ram get-resource-shares", "setup": [SHARE], "args": ["ram", "get-resource-shares", "--resource-owner", "SELF"]},
    {"name": "transfer list-servers", "setup": [SERVER], "args": ["transfer", "list-servers"]},
    {"name": "datasync list-tasks", "args": ["datasync", "list-tasks"]},
    {"name": "codepipeline list-pipelines", "args": ["codepipeline", "list-pipelines"]},
    {"name": "batch describe-compute-environments", "args": ["batch", "describe-compute-environments"]},
    {"name": "dms describe-replication-tasks", "args": ["dms", "describe-replication-tasks"]},
]
