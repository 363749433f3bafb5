#pragma once
// What a front end may ask the engine to do. Each becomes one event if policy and state allow it.

#include <chrono>
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

namespace drc::incident {

struct Declare {
  nlohmann::json data;  // built by plan_declaration()
};
struct StartStep { int step; };
struct CompleteStep { int step; std::string note; };
struct SkipStep { int step; std::string reason; };
struct FailStep { int step; std::string reason; };
struct AddNote { std::string text; };
struct RecordDecision { std::string text; };
struct RecordComms { std::string channel; std::string text; };
struct AssignRole { std::string role; std::string person; };
struct Resolve { std::string summary; };

// An AWS call made for the incident: recorded before it is sent, and again when it ends. Parameters
// arrive already redacted (the models' sensitive members masked); nothing secret reaches the timeline.
struct RequestAction {
  std::string id;  // unique within the incident
  int step = 0;    // the step it serves; 0 for none
  std::string service, operation, region;
  nlohmann::json params = nlohmann::json::object();
  bool writes = true;  // the model's read/write classification
};
struct FinishAction {
  std::string id;
  bool ok = false;
  std::string error_code, message, request_id;
  std::chrono::milliseconds duration{0};
  int attempts = 0;
};

using Command = std::variant<Declare, StartStep, CompleteStep, SkipStep, FailStep, AddNote, RecordDecision,
                             RecordComms, AssignRole, Resolve, RequestAction, FinishAction>;

}  // namespace drc::incident
