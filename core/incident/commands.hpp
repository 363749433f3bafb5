#pragma once
// What a front end may ask the engine to do. Each becomes one event if policy and state allow it.

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

using Command = std::variant<Declare, StartStep, CompleteStep, SkipStep, FailStep, AddNote, RecordDecision,
                             RecordComms, AssignRole, Resolve>;

}  // namespace drc::incident
