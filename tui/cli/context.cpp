#include "cli/context.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

#include "util/xdg.hpp"

namespace drc::cli {

std::string Context::acting_user() const {
  if (!actor.empty()) return actor;
  if (const char* u = std::getenv("USER"); u != nullptr && *u != '\0') return u;
  if (const passwd* pw = ::getpwuid(::getuid()); pw != nullptr && pw->pw_name != nullptr) return pw->pw_name;
  return "unknown";
}

Result<timeline::IncidentStore> Context::store() const {
  auto dir = state_dir();
  if (!dir) return dir.error();
  const auto root = drills ? *dir / "drills" : *dir;
  if (auto s = make_private_dir(root); !s) return s.error();
  return timeline::IncidentStore(root);
}

Result<std::unique_ptr<incident::Engine>> Context::open_incident(const std::optional<std::string>& id,
                                                                  incident::Mode mode) {
  auto st = store();
  if (!st) return st.error();
  auto resolved = st->resolve(id);
  if (!resolved) return resolved.error();
  const auto access = mode == incident::Mode::WarRoom ? timeline::Access::ReadOnly : timeline::Access::ReadWrite;
  auto journal = timeline::FileJournal::open(st->journal_path(*resolved), access);
  if (!journal) return journal.error();
  auto engine = std::make_unique<incident::Engine>(std::move(journal).value(), clock, acting_user(), mode);
  if (auto n = engine->refresh(); !n) return n.error();
  show_notices(*engine);
  return engine;
}

}  // namespace drc::cli
