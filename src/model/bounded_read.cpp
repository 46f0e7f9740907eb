#include "model/bounded_read.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace lerbrief {

BoundedRead read_bounded(const std::string& path, std::uintmax_t max_bytes) {
    namespace fs = std::filesystem;
    using P = BoundedRead::Problem;
    BoundedRead r;
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) return r.problem = P::missing, r;
    if (!fs::is_regular_file(status)) return r.problem = P::not_regular, r;
    r.size = fs::file_size(path, ec);
    if (ec) return r.problem = P::unreadable, r.detail = ec.message(), r;
    if (r.size > max_bytes) return r.problem = P::too_large, r;
    // In blocks, not a character at a time (an icon cache entry is read on
    // every run), and one byte past the limit to see a file that grew.
    std::ifstream in(path, std::ios::binary);
    if (!in) return r.problem = P::unreadable, r;
    std::size_t have = 0;
    r.data.resize(static_cast<std::size_t>(std::min<std::uintmax_t>(r.size, max_bytes)) + 1);
    while (in.read(r.data.data() + have, static_cast<std::streamsize>(r.data.size() - have)), in.gcount() > 0) {
        have += static_cast<std::size_t>(in.gcount());
        if (have > max_bytes) return r.problem = P::grew, r.data.clear(), r;
        if (have == r.data.size()) r.data.resize(std::min<std::size_t>(have * 2, max_bytes + 1));
    }
    if (in.bad()) return r.problem = P::unreadable, r.data.clear(), r;
    r.data.resize(have);
    return r;
}

}  // namespace lerbrief
