#pragma once
// A service model's shapes: what a request or response holds, and where each member goes on the wire.
// Shapes name each other (a member refers to its shape by name), so a model is parsed one shape at a time,
// only as far as a call reaches.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace drc::aws::model {

enum class ShapeType { Structure, List, Map, String, Integer, Long, Float, Double, Boolean, Timestamp, Blob };

// Where a member of an operation's input or output travels.
enum class Location { Body, Uri, Querystring, Header, Headers, StatusCode };

struct XmlNamespace {
  std::string prefix;  // empty: the default namespace (xmlns="uri")
  std::string uri;
};

// A reference to a shape, with the wire details the referring member adds.
struct ShapeRef {
  std::string shape;
  Location location = Location::Body;
  std::string location_name;  // header, URI label, query key, XML element or JSON key; empty: the member name
  std::string query_name;     // the ec2 protocol's own name for the member
  std::optional<XmlNamespace> xml_namespace;
  bool flattened = false;
  bool xml_attribute = false;
  bool idempotency_token = false;  // filled with a fresh token when the caller gives none
  bool json_value = false;         // a header carrying base64 JSON
  bool host_label = false;         // goes into the endpoint's host prefix
  bool event_payload = false;
  bool streaming = false;          // the member is a stream of bytes (botocore marks it here, or on the shape)
  std::string context_param;       // the endpoint rule set's parameter this member's value is (AccountId)
};

// A shape's lower bound: a string's, list's or map's length, or a number's value. Kept as the model writes
// it (0.001, 1.0 or 1), because the error for a value under it quotes it so.
struct MinBound {
  double value = 0;
  bool integral = true;  // written without a fraction
};

struct Member : ShapeRef {
  std::string name;
};

struct Shape {
  std::string name;
  ShapeType type = ShapeType::String;
  std::vector<Member> members;  // structures, in the model's order (the order they are serialized in)
  std::vector<std::string> required;
  std::optional<ShapeRef> member;  // lists
  std::optional<ShapeRef> key;     // maps
  std::optional<ShapeRef> value;   // maps
  std::string location_name;       // a list's or structure's own wire name
  std::string payload;             // rest protocols: the member that is the whole body
  std::optional<XmlNamespace> xml_namespace;
  std::string timestamp_format;    // "iso8601", "rfc822", "unixTimestamp", or empty for the protocol default
  std::optional<MinBound> min;
  bool flattened = false;
  bool sensitive = false;  // never logged, recorded or shown
  bool exception = false;
  bool union_ = false;
  bool streaming = false;
  bool event_stream = false;
  bool document = false;
  std::string error_code;       // an exception's code on the wire, when it differs from its name
  int error_status = 0;         // an exception's HTTP status

  const Member* find(std::string_view member_name) const;
  bool is_required(std::string_view member_name) const;
};

std::string_view to_string(ShapeType t);

}  // namespace drc::aws::model
