#pragma once
// Checking references (ids written in content) against the ids that exist.
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/strategy.hpp"

namespace hwbgen::check::detail {

// Checks references of one kind against the ids that exist.
class RefChecker {
public:
    RefChecker(diag::Diagnostics& diags, const char* what, std::vector<std::string> known, const char* plural = nullptr)
        : diags_(diags), what_(what), plural_(plural ? plural : what_ + "s"), known_(std::move(known)) {}

    void operator()(const model::Ref& ref) const {
        for (const auto& k : known_)
            if (k == ref.id) return;
        std::string hint = diag::did_you_mean(ref.id, known_);
        if (hint.empty()) hint = "known " + plural_ + ": " + list();
        diags_.error(ref.pos, "unknown " + what_ + " '" + ref.id + "'", hint);
    }
    void operator()(const std::optional<model::Ref>& ref) const {
        if (ref) (*this)(*ref);
    }

private:
    std::string list() const {
        std::string out;
        for (size_t i = 0; i < known_.size() && i < 8; ++i) out += (i ? ", " : "") + known_[i];
        return out.empty() ? "none (add them first)" : out + (known_.size() > 8 ? ", ..." : "");
    }
    diag::Diagnostics& diags_;
    std::string what_, plural_;
    std::vector<std::string> known_;
};

template <class T>
std::vector<std::string> ids_of(const std::vector<T>& items) {
    std::vector<std::string> out;
    out.reserve(items.size());
    for (const auto& i : items) out.push_back(i.id);
    return out;
}

}  // namespace hwbgen::check::detail
