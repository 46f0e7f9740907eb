#pragma once
// Parsed YAML kept between runs.
//
// yaml-cpp's scanner is most of loading: the map's 58 KB of YAML take ~95 M
// instructions, the strings and layout files ~25 M more, and every run pays
// them before anything can run on two cores. The files rarely change between
// runs, so a file that parsed with nothing to say (no error, no warning) is
// kept in the folder of model/disk_cache.h as its bytes and its tree (every
// node's kind, quoting, line and column, and text).
//
// Only the first limits::kMaxYamlCachedFiles files a build reads use the
// folder: a content of a thousand small files would otherwise push the icons
// and pictures out, and write its entries again on every run.
//
// An entry is found by a hash of the file's bytes and used only when the
// bytes stored in it are the file's bytes and its stamp is this run's: the
// same program read the same bytes and said nothing, so the tree read back
// is the tree the parse makes, and the checks after it say what they would.
// The positions take the path the caller reads the file by now. The entry
// names its tree by a hash, checked when it is read (a tree damaged in its
// text could still read as a tree). An entry that cannot be read whole, or
// whose tree is not one the reader could have made (a kind, a count or a
// text over the reader's limits, bytes left over), is a miss. The hash finds
// damage, not entries made to deceive: the folder is the user's own.
#include <optional>
#include <string>
#include <string_view>

#include "load/yaml_tree.h"

namespace lerbrief::load {

// Whether the file being read may use the cache: it is on, and fewer than
// kMaxYamlCachedFiles files were read through it in this build
// (cache_epoch.h). Counts the file when it may.
bool yaml_cache_turn();

// The tree stored for exactly these bytes, its positions in `file`;
// nothing when the cache is off or has none.
std::optional<YNode> find_cached_yaml(std::string_view bytes, const std::string& file);

// Stores `root`, parsed from `bytes` with nothing said, replacing an older
// entry; silently nothing when the cache is off or the folder cannot be
// written.
void store_cached_yaml(std::string_view bytes, const YNode& root);

// The tree as an entry holds it, and back (for tests and the fuzz target):
// nothing unless `text` is one tree, whole.
std::string yaml_tree_text(const YNode& root);
std::optional<YNode> yaml_tree_from_text(std::string_view text, const std::string& file);

}  // namespace lerbrief::load
