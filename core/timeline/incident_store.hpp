#pragma once
// The folder of incidents: one journal per incident, named by its id. Finds "the open incident" when the
// operator does not name one, and makes new ids that sort by time and say what happened.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "incident/state.hpp"
#include "timeline/file_journal.hpp"

namespace drc::timeline {

struct IncidentSummary {
  std::string id;
  std::filesystem::path path;
  incident::IncidentState state;
  std::string problem;  // set when the journal could not be read; state is then empty
};

class IncidentStore {
 public:
  // root is drconsole's state folder; journals live in root/incidents.
  explicit IncidentStore(std::filesystem::path root) : dir_(std::move(root) / "incidents") {}

  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path journal_path(std::string_view id) const { return dir_ / (std::string(id) + ".jsonl"); }

  // A new journal under a fresh id made of the time and a slug of `hint` ("20261123-1846-rds-failure").
  struct Created {
    std::string id;
    std::unique_ptr<FileJournal> journal;
  };
  Result<Created> create(Timestamp now, std::string_view hint) const;

  // Every incident, oldest first.
  Result<std::vector<IncidentSummary>> list() const;

  // The id the operator meant: the one given (exact, or a unique prefix), or else the single open incident.
  Result<std::string> resolve(const std::optional<std::string>& given) const;

 private:
  std::filesystem::path dir_;
};

}  // namespace drc::timeline
