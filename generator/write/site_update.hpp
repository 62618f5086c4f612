#pragma once
/// One build's changes to an output folder, published all at once or not at all.
///
/// Every top-level entry the build makes (a place's folder, index.html, assets/ ...) is first
/// written in full into the build's private work folder, `OUT/.hwbgen-work-XXXXXX/new/`. Files
/// whose bytes did not change are hard-linked from the published site instead of written again,
/// so they keep their modification time and a deploy uploads only what changed. `commit` then
/// swaps each entry into place; if one swap fails, the ones already made are swapped back. A
/// journal written before the first swap lets the next build finish a commit that was killed.
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "render/site.hpp"
#include "write/out_folder.hpp"

namespace hwbgen::write {

class SiteUpdate {
public:
    /// Makes the private work folder inside `out` (whose lock the caller holds).
    static std::optional<SiteUpdate> begin(const OutFolder& out, diag::Diagnostics& diags);

    SiteUpdate(SiteUpdate&& other) noexcept;
    SiteUpdate& operator=(SiteUpdate&&) = delete;
    SiteUpdate(const SiteUpdate&) = delete;
    /// Removes the work folder: staged entries not committed, old copies, scratch files.
    ~SiteUpdate();

    /// A folder for scratch files of this build only (pandoc's, say), removed with the rest.
    std::string scratch_folder() const { return work_ + "/tmp"; }

    /// Writes a place's site as the entry `name`. Safe to call from several threads at once for
    /// different names. On failure nothing of it stays and the problem goes to `diags`.
    bool stage_folder(const std::string& name, const std::vector<render::OutputFile>& files, diag::Diagnostics& diags);

    /// Where the entry `name` is staged, for steps that add to it before the commit (PDFs, search).
    std::string staged_folder(const std::string& name) const { return work_ + "/new/" + name; }

    /// Writes files that sit beside the places' folders (the system page, its stylesheet), each
    /// top-level name (index.html, assets/ ...) as an entry of its own.
    bool stage_files(const std::vector<render::OutputFile>& files, diag::Diagnostics& diags);

    /// Publishes every staged entry: refuses (before swapping anything) an entry hwbgen does not
    /// own, records the entries in the marker, swaps them in, and on a failed swap puts back what
    /// was swapped. Returns false, with the problem in `diags`, if the site was left as it was.
    /// `refused` is set when the cause is a foreign entry (a usage problem, not a content one).
    bool commit(OutFolder& out, diag::Diagnostics& diags, bool& refused);

    /// Gives up the update from another thread (on a signal): waits for a commit under way to
    /// end, then removes the work folder. The object must not be used afterwards.
    void abandon();

    /// Only for tests: makes the swap of the `n`th entry (0-based) fail, to show the rollback.
    void fail_swap_for_test(size_t n) { fail_swap_at_ = n; }

private:
    SiteUpdate(std::string out, std::string work);
    bool stage_entry(const std::string& name, const std::vector<const render::OutputFile*>& files,
                     diag::Diagnostics& diags);
    bool swap_all(diag::Diagnostics& diags);

    std::string out_, work_;
    std::set<std::string> staged_;  // guarded by mutex_
    std::unique_ptr<std::mutex> mutex_ = std::make_unique<std::mutex>();
    size_t fail_swap_at_ = static_cast<size_t>(-1);
    bool abandoned_ = false;
};

/// Finishes the commit of an update that was killed while swapping (its journal says which
/// entries), then removes every work folder left in `out`. Called with the lock held.
void finish_interrupted_updates(const std::string& out);

}  // namespace hwbgen::write
