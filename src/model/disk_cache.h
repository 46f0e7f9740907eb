#pragma once
// The folder of what lerbrief keeps between runs (app/paths.h:
// icon_cache_dir): icons and pictures (diagram/icon_cache.h), parsed YAML
// (load/yaml_cache.h) and compressed streams (render/kept_deflate.h). This
// is the frame every kind of entry shares.
//
// An entry is a file named by a hash of what it stands for (16 hex digits and
// its kind: `0123456789abcdef.yaml`), and begins with its kind's magic line and
// the run's stamp: this build of lerbrief (its GNU build ID), every library
// loaded at start (each file's device, inode, size and time), and what the
// caller adds (diagram/: librsvg's file, not loaded to read its version).
// An entry of another stamp is a miss, and is replaced. Each kind stores the
// bytes its entry stands for and compares them when it reads, so an entry
// stands only for identical bytes, in an identical program.
//
// An entry is read whole within kMaxEntryBytes, and written whole under a
// name of its own, then renamed over the entry: a reader sees the old entry,
// the new one, or none. The folder is made (mode 0700) on the first store,
// and the cache is off when it is not a folder of this user's that others
// cannot write. Past limits::kMaxIconCacheEntries (or kMaxIconCacheBytes)
// the entries written or read longest ago go, by the day (of one day,
// compressed streams first): the folder is listed at a run's
// first store, and again only when the run's own stores take it past them.
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

#include "model/bounded_read.h"
#include "model/limits.h"

namespace lerbrief::disk_cache {

// The largest entry lerbrief writes or reads, of any kind: a quarter of the
// folder's bytes. A larger file is not ours.
inline constexpr std::uintmax_t kMaxEntryBytes = limits::kMaxIconCacheBytes / 4;

// Turns the cache on, in `dir` (an absolute path; made, mode 0700, when the
// first entry is stored), with `extra` added to the stamp; off when `dir` is
// empty, relative, or is not a folder of this user's that others cannot
// write, when `extra` is empty, or when this build has no build ID. Off
// until called: only the lerbrief command turns it on.
void use(const std::string& dir, std::string_view extra);
bool on();

// A kind a build could store without end (YAML files, compressed streams)
// uses the folder for its first `limit` a build (model/cache_epoch.h): take()
// says whether this one may, and counts it. False when the cache is off.
// Thread-safe.
class Turns {
public:
    explicit Turns(std::size_t limit) : limit_(limit) {}
    bool take();

private:
    std::mutex mutex_;
    unsigned epoch_ = 0;
    std::size_t taken_ = 0;
    const std::size_t limit_;
};

// A 64-bit hash (`h`: where an earlier call left off): FNV-1a's step taken
// on eight bytes at a time, its high half folded into its low half after
// each (a change anywhere reaches every bit), then FNV-1a on the bytes left.
// Byte by byte, FNV-1a was
// 3 % of a run's instructions (pictures and streams are hashed to find their
// entries). Only names and checks an entry makes for itself use it; an entry
// still compares the bytes it stands for.
inline constexpr std::uint64_t kHashBasis = 0xcbf29ce484222325ull;
std::uint64_t hash64(std::string_view bytes, std::uint64_t h = kHashBasis);
// A hash as entries write it: 16 hex digits.
std::string hex(std::uint64_t hash);

// A file as a stamp names it: device, inode, size and modification time;
// empty when there is no such file.
std::string file_identity(const char* path);

// The kinds of entry lerbrief writes (the only files of the folder it
// touches, with its temporary files).
enum class Kind { icon, picture, yaml, deflated };
// The file name of the entry of `kind` found by `hash`.
std::string entry_name(std::uint64_t hash, Kind kind);

// An entry's fields read in turn; any mismatch leaves it failed (`ok`
// false), and every later read fails too.
struct Reader {
    std::string_view rest;
    bool ok = true;
    // `s` next, and past it.
    bool literal(std::string_view s);
    // Decimal digits followed by `then`, and past them.
    std::uint64_t number(char then);
    // The next `n` bytes, and past them.
    std::string_view bytes(std::uint64_t n);
};

// The entry `name` of kind `magic` (its first line, with its newline), read
// whole, with `r` past its magic and this run's stamp: false when the cache
// is off, there is no such entry, or it is not of this kind and stamp.
// `file` holds the bytes `r` reads.
bool open_entry(const std::string& name, std::string_view magic, BoundedRead& file, Reader& r);

// Writes the entry `name`: `magic`, this run's stamp, then `body`; silently
// nothing when the cache is off, the folder cannot be made or written, or
// the entry would be over kMaxEntryBytes.
void write_entry(const std::string& name, std::string_view magic, std::string_view body);

}  // namespace lerbrief::disk_cache
