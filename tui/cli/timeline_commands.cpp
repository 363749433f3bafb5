#include "cli/timeline_commands.hpp"

#include <filesystem>
#include <fstream>

#include "report/timeline_export.hpp"
#include "timeline/verify.hpp"

namespace drc::cli {

namespace {

// FILE may be a journal path or an incident id from the state folder.
Result<std::filesystem::path> journal_file(Context& ctx, const std::string& arg) {
  std::error_code ec;
  if (std::filesystem::exists(arg, ec)) return std::filesystem::path(arg);
  auto store = ctx.store();
  if (!store) return store.error();
  auto id = store->resolve(arg);
  if (!id) return make_error(arg + ": no such file or incident");
  return store->journal_path(*id);
}

}  // namespace

void add_timeline_commands(CLI::App& app, Context& ctx) {
  auto* tl = app.add_subcommand("timeline", "Verify or export an incident's timeline");
  tl->require_subcommand(1);

  struct VerifyOpts {
    std::string file;
    bool json = false;
  };
  auto v = std::make_shared<VerifyOpts>();
  auto* verify = tl->add_subcommand("verify", "Check the hash chain: exit 0 with the event count, 1 with the first bad seq");
  verify->add_option("file", v->file, "Journal file or incident id")->required();
  verify->add_flag("--json", v->json, "Print the result as JSON");
  verify->callback([&ctx, v] {
    auto path = journal_file(ctx, v->file);
    if (!path) return ctx.fail(path.error().message);
    auto r = timeline::verify_journal(*path);
    if (!r) return ctx.fail(r.error().message);
    if (v->json) {
      nlohmann::json j{{"file", path->string()}, {"ok", !r->bad}, {"events", r->events}};
      if (r->bad) j["first_bad"] = {{"seq", r->bad->seq}, {"line", r->bad->line}, {"problem", r->bad->message}};
      ctx.out << j.dump(2) << '\n';
    } else if (!r->bad) {
      ctx.out << path->string() << ": OK, " << r->events << " events, hash chain intact\n";
    } else {
      ctx.err << path->string() << ":" << r->bad->line << ": seq " << r->bad->seq << ": " << r->bad->message << " ("
              << r->events << " events before it verify)\n";
    }
    ctx.exit_code = r->bad ? kFailed : kOk;
  });

  struct ExportOpts {
    std::string file, format = "md", output;
  };
  auto x = std::make_shared<ExportOpts>();
  auto* exp = tl->add_subcommand("export", "Write the timeline as a post-incident record");
  exp->add_option("file", x->file, "Journal file or incident id")->required();
  exp->add_option("--format,-f", x->format, "md or json")->capture_default_str()->check(CLI::IsMember({"md", "json"}));
  exp->add_option("--output,-o", x->output, "Write to this file instead of standard output");
  exp->callback([&ctx, x] {
    auto path = journal_file(ctx, x->file);
    if (!path) return ctx.fail(path.error().message);
    auto journal = timeline::FileJournal::open(*path, timeline::Access::ReadOnly);
    if (!journal) return ctx.fail(journal.error().message);
    auto events = (*journal)->read_new();
    if (!events) return ctx.fail(events.error().message);
    for (const auto& n : (*journal)->take_notices()) ctx.err << "drconsole: note: " << n << '\n';
    if (auto st = incident::fold(*events); !st) return ctx.fail(path->string() + ": " + st.error().message);
    const std::string text =
        x->format == "json" ? report::timeline_json(*events).dump(2) + "\n" : report::timeline_markdown(*events);
    if (x->output.empty()) {
      ctx.out << text;
      return;
    }
    std::ofstream f(x->output, std::ios::binary | std::ios::trunc);
    f << text;
    f.close();
    if (!f) return ctx.fail(x->output + ": cannot write the export");
    ctx.err << "wrote " << x->output << '\n';
  });
}

}  // namespace drc::cli
