#pragma once
// The faces one document uses: each face's metrics (parsed once per process
// and shared between threads) and its FontId in the document's font list.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "layout/document.h"
#include "layout/font.h"

namespace lerbrief::layout {

// Metrics of a font file, parsed on first use and cached for the process.
// Thread-safe. Throws FontError.
std::shared_ptr<const FontMetrics> cached_metrics(const std::string& path);

class FontSet {
public:
    // name → file, as in LayoutSpec::fonts. Loads every face (throws FontError).
    explicit FontSet(const std::map<std::string, std::string>& faces);

    FontId id(const std::string& name) const;  // throws std::out_of_range
    const FontMetrics& metrics(FontId id) const { return *metrics_.at(static_cast<std::size_t>(id)); }
    const std::vector<FontSpec>& specs() const { return specs_; }

private:
    std::map<std::string, FontId> ids_;
    std::vector<FontSpec> specs_;
    std::vector<std::shared_ptr<const FontMetrics>> metrics_;
};

}  // namespace lerbrief::layout
