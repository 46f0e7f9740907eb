#include "render/kept_deflate.h"

#include <fmt/format.h>

#include <cstdint>
#include <optional>

#include "model/bounded_read.h"
#include "model/disk_cache.h"
#include "model/limits.h"
#include "render/flate.h"

namespace lerbrief::render {

namespace {

constexpr std::string_view kMagic = "lerbrief deflated stream 1\n";

disk_cache::Turns kept_streams(limits::kMaxKeptStreams);

std::string entry_name(std::string_view raw) {
    return disk_cache::entry_name(disk_cache::hash64(raw), disk_cache::Kind::deflated);
}

// The entry's compressed bytes, when it holds exactly `raw` and its
// compressed bytes are those it named by their hash when it was written.
std::optional<std::string> read_entry(const std::string& name, std::string_view raw) {
    BoundedRead file;
    disk_cache::Reader r;
    if (!disk_cache::open_entry(name, kMagic, file, r)) return std::nullopt;
    r.literal("raw ");
    const std::uint64_t size = r.number('\n');
    r.literal("deflated ");
    const std::uint64_t deflated = r.number(' ');
    const std::string_view hash = r.bytes(16);
    r.literal("\n");
    if (!r.ok || size != raw.size() || r.bytes(size) != raw) return std::nullopt;
    const std::string_view z = r.bytes(deflated);
    if (!r.ok || !r.rest.empty() || disk_cache::hex(disk_cache::hash64(z)) != hash) return std::nullopt;
    return std::string(z);
}

}  // namespace

std::string kept_deflate(std::string_view raw) {
    // an entry holds the raw bytes and at most as many compressed (a larger one is not stored)
    if (raw.size() < limits::kMinKeptStreamBytes || raw.size() > disk_cache::kMaxEntryBytes / 3 || !kept_streams.take())
        return deflate_bytes(raw);
    const std::string name = entry_name(raw);
    if (std::optional<std::string> z = read_entry(name, raw)) return *std::move(z);
    std::string z = deflate_bytes(raw);
    std::string body = fmt::format("raw {}\ndeflated {} {}\n", raw.size(), z.size(), disk_cache::hex(disk_cache::hash64(z)));
    body.append(raw).append(z);
    disk_cache::write_entry(name, kMagic, body);
    return z;
}

}  // namespace lerbrief::render
