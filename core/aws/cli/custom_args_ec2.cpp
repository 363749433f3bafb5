// ec2's own arguments: security group rules as --protocol/--port/--cidr/--source-group/--group-owner
// (awscli/customizations/ec2/secgroupsimplify.py) and run-instances' network interface shortcuts
// (awscli/customizations/ec2/runinstances.py).

#include <algorithm>

#include "aws/cli/custom_args_parts.hpp"
#include "aws/cli/number_args.hpp"

namespace drc::aws::cli::detail {

namespace {

bool is_security_group_op(const CustomArgsInput& in) {
  return in.model.metadata().service == "ec2" &&
         (in.op.name == "AuthorizeSecurityGroupIngress" || in.op.name == "AuthorizeSecurityGroupEgress" ||
          in.op.name == "RevokeSecurityGroupIngress" || in.op.name == "RevokeSecurityGroupEgress");
}

bool is_run_instances(const CustomArgsInput& in) {
  return in.model.metadata().service == "ec2" && in.op.name == "RunInstances";
}

// A value argparse stored and Python finds true: given, with a non-empty value.
const std::string* truthy(const CustomArgsInput& in, const std::string& name) {
  const auto* g = find_given(in, name);
  const auto* v = g ? single_value(*g) : nullptr;
  return v && !v->empty() ? v : nullptr;
}

// _build_ip_permissions: every scalar option fills the first (and only) rule.
Json& first_rule(Json& params) {
  if (!params.contains("IpPermissions") || !params["IpPermissions"].is_array() || params["IpPermissions"].empty()) {
    params["IpPermissions"] = Json::array({Json::object()});
  }
  return params["IpPermissions"][0];
}

void set_group_pair(Json& params, const char* key, const std::string& value) {
  auto& rule = first_rule(params);
  if (!rule.contains("UserIdGroupPairs")) rule["UserIdGroupPairs"] = Json::array({Json::object()});
  rule["UserIdGroupPairs"][0][key] = value;
}

Status add_protocol(const std::string& value, Json& params) {
  std::string protocol = value;
  const auto n = python_int(value);
  // A number out of range falls to the names check, as in the CLI (its range error is raised inside the
  // try that catches it), so the message is the generic one.
  const bool valid_number = n && (*n == -1 || (*n >= 0 && *n <= 255));
  if (!valid_number) {
    if (value != "tcp" && value != "udp" && value != "icmp" && value != "all") {
      return make_error("protocol parameter should be one of: tcp|udp|icmp|all or any valid protocol number.");
    }
    if (value == "all") protocol = "-1";
  }
  first_rule(params)["IpProtocol"] = protocol;
  return {};
}

Status add_port(const std::string& value, Json& params) {
  std::string from = value, to = value;
  if (value == "-1" || value == "all") {
    from = to = "-1";
  } else if (const auto dash = value.find('-'); dash != std::string::npos) {
    from = value.substr(0, dash);
    to = value.substr(dash + 1);
  }
  const auto f = python_int(from);
  const auto t = python_int(to);
  if (!f || !t) return make_error("port parameter should be of the form <from[-to]> (e.g. 22 or 22-25)");
  first_rule(params)["FromPort"] = *f;
  first_rule(params)["ToPort"] = *t;
  return {};
}

void add_network_interface_value(Json& params, const std::string& key, Json value) {
  if (!params.contains("NetworkInterfaces") || !params["NetworkInterfaces"].is_array() || params["NetworkInterfaces"].empty()) {
    params["NetworkInterfaces"] = Json::array({Json{{"DeviceIndex", 0}}});
  }
  auto& nic = params["NetworkInterfaces"][0];
  if (key == "PrivateIpAddresses" && nic.contains(key)) return;
  nic[key] = std::move(value);
}

}  // namespace

Status check_security_group_args(const CustomArgsInput& in) {
  if (!is_security_group_op(in) || !in.given.count("ip-permissions")) return {};
  for (const char* name : {"protocol", "port", "cidr", "source-group", "group-owner"}) {
    if (truthy(in, name)) {
      std::string key = name;
      std::replace(key.begin(), key.end(), '-', '_');
      return make_error("The --" + key + " option is not compatible with the --ip-permissions option ");
    }
  }
  return {};
}

Status apply_security_group_args(const CustomArgsInput& in, Json& params) {
  if (!is_security_group_op(in)) return {};
  // In the CLI's table order: protocol, port, cidr, source-group, group-owner.
  if (const auto* v = truthy(in, "protocol")) {
    if (auto st = add_protocol(*v, params); !st) return st;
  }
  if (const auto* v = truthy(in, "port")) {
    if (auto st = add_port(*v, params); !st) return st;
  }
  if (const auto* v = truthy(in, "cidr")) first_rule(params)["IpRanges"] = Json::array({Json{{"CidrIp", *v}}});
  if (const auto* v = truthy(in, "source-group")) set_group_pair(params, v->rfind("sg-", 0) == 0 ? "GroupId" : "GroupName", *v);
  if (const auto* v = truthy(in, "group-owner")) set_group_pair(params, "UserId", *v);
  return {};
}

Status check_run_instances_args(const CustomArgsInput& in) {
  if (!is_run_instances(in) || !in.given.count("network-interfaces")) return {};
  const auto* addresses = find_given(in, "secondary-private-ip-addresses");
  const bool any = (addresses && addresses->words && !addresses->words->empty()) ||
                   truthy(in, "secondary-private-ip-address-count") != nullptr || in.custom.count("associate-public-ip-address");
  if (any) return make_error("Mixing the --network-interfaces option with the simple, scalar options is not supported.");
  return {};
}

Status apply_run_instances_args(const CustomArgsInput& in, Json& params) {
  if (!is_run_instances(in)) return {};
  if (const auto* g = find_given(in, "secondary-private-ip-addresses"); g && g->words && !g->words->empty()) {
    Json list = Json::array();
    for (const auto& ip : *g->words) list.push_back(Json{{"PrivateIpAddress", ip}, {"Primary", false}});
    add_network_interface_value(params, "PrivateIpAddresses", std::move(list));
  }
  if (const auto* v = truthy(in, "secondary-private-ip-address-count")) {
    if (const auto n = python_int(*v); n && *n != 0) add_network_interface_value(params, "SecondaryPrivateIpAddressCount", *n);
  }
  if (in.custom.count("associate-public-ip-address")) add_network_interface_value(params, "AssociatePublicIpAddress", true);
  if (in.custom.count("no-associate-public-ip-address")) add_network_interface_value(params, "AssociatePublicIpAddress", false);
  return {};
}

void fix_run_instances(Json& params) {
  if (!params.contains("NetworkInterfaces") || !params["NetworkInterfaces"].is_array() || params["NetworkInterfaces"].empty()) return;
  auto& nic = params["NetworkInterfaces"][0];
  if (!nic.is_object()) return;
  if (!nic.contains("PrivateIpAddresses") && !nic.contains("SecondaryPrivateIpAddressCount") && !nic.contains("AssociatePublicIpAddress")) {
    return;
  }
  // The request takes these at the top only without a network interface; with one, they belong in it.
  auto move = [&](const char* from, const char* to) {
    if (!params.contains(from)) return;
    nic[to] = params[from];
    params.erase(from);
  };
  move("SubnetId", "SubnetId");
  move("SecurityGroupIds", "Groups");
  if (params.contains("PrivateIpAddress")) {
    nic["PrivateIpAddresses"] = Json::array({Json{{"PrivateIpAddress", params["PrivateIpAddress"]}, {"Primary", true}}});
    params.erase("PrivateIpAddress");
  }
  move("Ipv6AddressCount", "Ipv6AddressCount");
  move("Ipv6Addresses", "Ipv6Addresses");
  move("EnablePrimaryIpv6", "PrimaryIpv6");
}

}  // namespace drc::aws::cli::detail
