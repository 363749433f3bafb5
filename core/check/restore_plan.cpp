#include "check/restore_plan.hpp"

#include "inventory/posture.hpp"

namespace drc::check {

using std::chrono::seconds;
using namespace inventory;

std::vector<CheckResult> restore_plan(const Collection& c, const Targets& t, const RecoveryTime& time, Timestamp now) {
  std::vector<CheckResult> out;
  for (const auto& p : assess(c.inventory(), c.scope(), t.rpo, now)) {
    CheckResult r{CheckType::Full, "restore plan", Verdict::Pass, "", std::string(kind_name(p.kind)) + " " + p.name,
                  std::chrono::milliseconds{0}};
    if (!p.newest) {
      r.status = Verdict::Fail;
      r.detail = "nothing to restore from: " + p.reason;
      out.push_back(std::move(r));
      continue;
    }
    const auto& n = *p.newest;
    const bool continuous = n.what == "object versions";
    r.detail = continuous ? "restore object versions in place"
                          : "would use " + n.what + " from " + format_datetime_utc(n.time) + (n.region != p.region ? " in " + n.region : "");
    if (p.exposure && !continuous) {
      r.detail += "; expected data loss " + format_age(*p.exposure);
      if (t.rpo) r.detail += " against an RPO of " + format_compact(*t.rpo);
    }
    if (p.status == PostureStatus::Breach) r.status = Verdict::Fail;
    if (p.status == PostureStatus::Warning) r.status = Verdict::Warn;
    if (time.estimate) {
      r.detail += "; the runbook estimates " + runbook::format_range(*time.estimate) +
                  (time.scenario.empty() ? "" : " (" + time.scenario + ")");
      if (time.rto) {
        r.detail += " against an RTO of " + format_compact(*time.rto);
        if (time.estimate->min > *time.rto) {
          r.status = Verdict::Fail;
        } else if (time.estimate->max > *time.rto && r.status == Verdict::Pass) {
          r.status = Verdict::Warn;
        }
      }
    } else {
      r.detail += "; the runbook gives no time estimate to hold against the RTO";
      if (r.status == Verdict::Pass) r.status = Verdict::Warn;
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace drc::check
