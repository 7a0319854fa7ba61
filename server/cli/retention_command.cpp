#include "server/cli/retention_command.h"

#include "server/service/retention_service.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <map>
#include <ostream>

namespace courtyard::server {

namespace fs = std::filesystem;

namespace {

struct RetentionOptions {
    std::string data, store, blobs, archive, asOf, importFrom;
    bool dryRun = false;
};

std::string counts(const std::map<std::string, int>& byType) {
    std::string out;
    for (const auto& [type, n] : byType)
        out += (out.empty() ? "" : ", ") + type + " " + std::to_string(n);
    return out.empty() ? std::string("none") : out;
}

std::map<std::string, int> byType(const std::vector<RetentionItem>& items) {
    std::map<std::string, int> out;
    for (const auto& i : items)
        ++out[i.type];
    return out;
}

int runRetention(const RetentionOptions& o, const CliIo& io) {
    if (!o.asOf.empty() && !o.dryRun)
        return usageError(io.err, "retention", "--as-of only with --dry-run: a pass purges by today's date");
    if (!o.importFrom.empty() && o.dryRun)
        return usageError(io.err, "retention", "--import and --dry-run do not go together");
    Instant now = systemNow();
    if (!o.asOf.empty()) {
        auto at = parseInstant(o.asOf.size() == 10 ? o.asOf + "T00:00:00Z" : o.asOf);
        if (!at)
            return usageError(io.err, "retention", "--as-of: '" + o.asOf + "' is not a date (2027-01-01) or an instant");
        now = *at;
    }
    auto storage = openData(o.data, o.store, false, io.err);
    if (!storage)
        return 1;
    RulesCache rules;
    BlobService blobs(**storage, openBlobStore(**storage, o.data, o.blobs), systemNow);
    if (!o.importFrom.empty()) {
        auto imported = importArchive(**storage, blobs, o.importFrom);
        if (!imported)
            return report(imported.error(), io.err);
        io.out << "Imported " << imported->imported << " record(s) (" << counts(imported->types) << ") and "
               << imported->blobs << " attachment(s); " << imported->present << " the server had already.\n";
        return 0;
    }
    RetentionService retention(**storage, blobs, rules, [now] { return now; });
    if (o.dryRun) {
        auto plan = retention.plan();
        if (!plan)
            return report(plan.error(), io.err);
        io.out << "As of " << formatInstant(now) << ":\n"
               << "would archive and purge " << plan->purge.size() << " record(s): " << counts(byType(plan->purge))
               << "\n"
               << "would blank residents' names and phones in " << plan->redact.size()
               << " record(s): " << counts(byType(plan->redact)) << "\n";
        for (const auto& i : plan->purge)
            io.out << "purge  " << i.type << " " << i.id << " " << i.communityId << " ended "
                   << formatInstant(i.endedAt) << "\n";
        for (const auto& i : plan->redact)
            io.out << "redact " << i.type << " " << i.id << " " << i.communityId << " ended "
                   << formatInstant(i.endedAt) << "\n";
        return 0;
    }
    fs::path archive = o.archive;
    if (archive.empty()) {
        if (!o.store.empty())
            return usageError(io.err, "retention", "give --archive DIR: where the purged records are kept");
        archive = fs::path(o.data) / "archive";
    }
    auto run = retention.runNow(archive);
    if (!run)
        return report(run.error(), io.err);
    io.out << "Archived " << run->archived << " record(s) and " << run->blobsArchived << " attachment(s)"
           << (run->archive.empty() ? std::string() : " to " + run->archive.string()) << "; purged " << run->purged
           << ", removed " << run->blobsRemoved << " attachment(s); blanked residents' data in " << run->redacted
           << ".\n";
    return 0;
}

} // namespace

void addRetentionCommand(CLI::App& app, CliContext& ctx) {
    auto o = std::make_shared<RetentionOptions>();
    auto* sub = app.add_subcommand("retention", "Archive and purge records past their retention (the daily pass, now), "
                                                "show what would go (--dry-run), or put an archive back (--import)");
    addDataOption(*sub, o->data, o->store);
    sub->add_option("--blobs", o->blobs, "The attachments' folder, as given to serve")
        ->envname("COURTYARD_BLOBS")
        ->type_name("DIR");
    sub->add_option("--archive", o->archive, "Where archives are written (default: DIR/archive with --data)")
        ->envname("COURTYARD_ARCHIVE")
        ->type_name("DIR");
    sub->add_flag("--dry-run", o->dryRun, "Only list what would be archived and purged, or blanked");
    sub->add_option("--as-of", o->asOf, "With --dry-run: as on this date or instant (2027-01-01)")->type_name("DATE");
    sub->add_option("--import", o->importFrom, "Put the records and attachments of this archive folder back")
        ->type_name("FOLDER");
    sub->callback([o, &ctx] { ctx.command = [o, &ctx] { return runRetention(*o, ctx.io); }; });
}

} // namespace courtyard::server
