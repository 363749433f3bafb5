#include "incident/engine.hpp"

#include "util/text.hpp"

namespace drc::incident {

using nlohmann::json;

namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

Result<std::string> clean_text(const std::string& text, const char* what, bool required) {
  auto t = sanitize_utf8(trim(text));
  if (required && t.empty()) return make_error(std::string(what) + " needs text");
  if (t.size() > kMaxTextBytes) {
    return make_error(std::string(what) + " is " + std::to_string(t.size()) + " bytes; the limit is " +
                      std::to_string(kMaxTextBytes) + ": attach long output as a file and note its path");
  }
  return t;
}

// Adds `key: text` when there is text; refuses text over the limit.
Status add_optional_text(json& data, const char* key, const std::string& text, const char* what) {
  auto t = clean_text(text, what, false);
  if (!t) return t.error();
  if (!t->empty()) data[key] = *t;
  return {};
}

}  // namespace

Engine::Engine(std::unique_ptr<timeline::Journal> journal, const Clock& clock, std::string actor, Mode mode)
    : journal_(std::move(journal)), clock_(clock), actor_(sanitize_utf8(actor)), mode_(mode) {}

Result<std::size_t> Engine::refresh() {
  auto fresh = journal_->read_new();
  if (!fresh) return fresh.error();
  if (auto s = replica_.take(*fresh, journal_->name()); !s) return s.error();
  return fresh->size();
}

Result<EventDraft> Engine::draft(const Command& command) const {
  const auto now = clock_.now();
  auto make = [&](EventKind kind, json data) -> Result<EventDraft> { return EventDraft{now, actor_, kind, std::move(data)}; };
  return std::visit(
      Overloaded{
          [&](const Declare& c) { return make(EventKind::IncidentDeclared, c.data); },
          [&](const StartStep& c) { return make(EventKind::StepStarted, {{"step", c.step}}); },
          [&](const CompleteStep& c) -> Result<EventDraft> {
            json d{{"step", c.step}};
            if (auto s = add_optional_text(d, "note", c.note, "the completion note"); !s) return s.error();
            return make(EventKind::StepCompleted, std::move(d));
          },
          [&](const SkipStep& c) -> Result<EventDraft> {
            const std::string what = "skipping step " + std::to_string(c.step);
            auto reason = clean_text(c.reason, "the skip reason", false);
            if (!reason) return reason.error();  // over the limit: say so, not "needs a reason"
            if (reason->empty()) return make_error(what + " needs a reason");
            return make(EventKind::StepSkipped, {{"step", c.step}, {"reason", *reason}});
          },
          [&](const FailStep& c) -> Result<EventDraft> {
            json d{{"step", c.step}};
            if (auto s = add_optional_text(d, "reason", c.reason, "the failure reason"); !s) return s.error();
            return make(EventKind::StepFailed, std::move(d));
          },
          [&](const AddNote& c) -> Result<EventDraft> {
            auto t = clean_text(c.text, "a note", true);
            if (!t) return t.error();
            return make(EventKind::Note, {{"text", *t}});
          },
          [&](const RecordDecision& c) -> Result<EventDraft> {
            auto t = clean_text(c.text, "a decision", true);
            if (!t) return t.error();
            return make(EventKind::Decision, {{"text", *t}});
          },
          [&](const RecordComms& c) -> Result<EventDraft> {
            json d = json::object();
            if (auto s = add_optional_text(d, "channel", c.channel, "the channel"); !s) return s.error();
            if (auto s = add_optional_text(d, "text", c.text, "a status update"); !s) return s.error();
            return make(EventKind::CommsSent, std::move(d));
          },
          [&](const AssignRole& c) -> Result<EventDraft> {
            if (trim(c.role).empty() || trim(c.person).empty()) return make_error("a role assignment needs a role and a person");
            return make(EventKind::RoleAssigned,
                        {{"role", sanitize_utf8(trim(c.role))}, {"person", sanitize_utf8(trim(c.person))}});
          },
          [&](const RequestAction& c) -> Result<EventDraft> {
            if (c.id.empty() || c.service.empty() || c.operation.empty()) return make_error("an action needs an id, a service and an operation");
            // Parameters can be large (a policy document): capped like any free text, whole or not at all.
            const auto params = c.params.dump();
            if (params.size() > kMaxTextBytes) return make_error("the action's parameters are over " + std::to_string(kMaxTextBytes / 1024) + " KiB");
            json d{{"action", c.id}, {"service", c.service}, {"operation", c.operation}, {"region", c.region},
                   {"params", c.params}, {"access", c.writes ? "write" : "read"}};
            if (c.step > 0) d["step"] = c.step;
            return make(EventKind::ActionRequested, std::move(d));
          },
          [&](const FinishAction& c) -> Result<EventDraft> {
            json d{{"action", c.id}, {"duration_ms", c.duration.count()}, {"attempts", c.attempts}};
            if (!c.request_id.empty()) d["request_id"] = sanitize_utf8(c.request_id);
            if (!c.ok) {
              d["error_code"] = sanitize_utf8(c.error_code);
              // An AWS message is not ours to refuse: keep its start when it is over the cap.
              auto m = sanitize_utf8(c.message);
              if (m.size() > 2048) m = m.substr(0, 2048) + "…";
              d["message"] = sanitize_utf8(m);
            }
            return make(c.ok ? EventKind::ActionSucceeded : EventKind::ActionFailed, std::move(d));
          },
          [&](const Resolve& c) -> Result<EventDraft> {
            json d = json::object();
            if (auto s = add_optional_text(d, "summary", c.summary, "the resolution summary"); !s) return s.error();
            return make(EventKind::IncidentResolved, std::move(d));
          },
      },
      command);
}

Result<std::vector<Event>> Engine::execute(const Command& command) {
  if (mode_ == Mode::WarRoom) {
    return make_error("the war-room view is read-only: changes are made from the commander's console or the "
                      "drconsole step/note commands");
  }
  auto d = draft(command);
  if (!d) return d.error();
  auto written = journal_->append([&](std::span<const Event> caught_up) -> Result<std::vector<EventDraft>> {
    // Someone else may have written since we last looked: decide on the latest state.
    if (auto s = replica_.take(caught_up, journal_->name()); !s) return s.error();
    Event tentative;
    tentative.seq = replica_.state().last_seq + 1;
    tentative.ts = d->ts;
    tentative.actor = d->actor;
    tentative.kind = d->kind;
    tentative.data = d->data;
    IncidentState scratch = replica_.state();
    if (auto s = apply(scratch, tentative); !s) return s.error();
    return std::vector<EventDraft>{*d};
  });
  if (!written) return written.error();
  if (auto s = replica_.take(*written, journal_->name()); !s) return s.error();
  return written;
}

}  // namespace drc::incident
