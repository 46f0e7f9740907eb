#include "load/yaml_cache.h"

#include <fmt/format.h>

#include <climits>

#include "model/disk_cache.h"
#include "model/limits.h"

namespace lerbrief::load {

namespace {

constexpr std::string_view kMagic = "lerbrief yaml cache 1\n";

// A node: its kind (n, s, l, m), quoting (p plain, q quoted), line, column and
// size (a scalar's bytes, a list's items, a mapping's entries) on a line, then
// a scalar's text and a newline, a list's items, or a mapping's keys and
// values in turn.
constexpr char kind_letter(YNode::Kind k) {
    switch (k) {
        case YNode::Kind::null: return 'n';
        case YNode::Kind::scalar: return 's';
        case YNode::Kind::sequence: return 'l';
        case YNode::Kind::map: return 'm';
    }
    return '?';
}

void write_node(const YNode& n, std::string& out) {
    const std::size_t size = n.kind == YNode::Kind::scalar     ? n.scalar.size()
                             : n.kind == YNode::Kind::sequence ? n.items.size()
                             : n.kind == YNode::Kind::map      ? n.entries.size()
                                                               : 0;
    fmt::format_to(std::back_inserter(out), "{}{}{} {} {}\n", kind_letter(n.kind), n.plain ? 'p' : 'q', n.pos.line,
                   n.pos.col, size);
    switch (n.kind) {
        case YNode::Kind::null: break;
        case YNode::Kind::scalar: out += n.scalar, out += '\n'; break;
        case YNode::Kind::sequence:
            for (const YNode& item : n.items) write_node(item, out);
            break;
        case YNode::Kind::map:
            for (const auto& [k, v] : n.entries) write_node(k, out), write_node(v, out);
            break;
    }
}

// Reads nodes as the parser could have made them: no deeper than its
// collections may nest, no more values, items or scalar bytes than it
// allows. Any other text fails.
struct TreeReader {
    disk_cache::Reader r;
    SourceFile file;
    std::size_t values = 0;

    bool node(YNode& n, int depth) {
        const std::string_view head = r.bytes(2);
        const std::uint64_t line = r.number(' '), col = r.number(' '), size = r.number('\n');
        if (!r.ok || line > INT_MAX || col > INT_MAX || ++values > limits::kMaxYamlValues) return false;
        if (head[1] != 'p' && head[1] != 'q') return false;
        n.plain = head[1] == 'p';
        n.pos = {file, static_cast<int>(line), static_cast<int>(col)};
        switch (head[0]) {
            case 'n': n.kind = YNode::Kind::null; return size == 0;
            case 's':
                n.kind = YNode::Kind::scalar;
                if (size > limits::kMaxScalarBytes) return false;
                n.scalar = std::string(r.bytes(size));
                return r.literal("\n");
            // (the items are added as they are read: the memory is what
            // the entry holds, never what its counts say)
            case 'l':
                n.kind = YNode::Kind::sequence;
                if (depth >= limits::kMaxDepth || size > limits::kMaxListItems) return false;
                for (std::uint64_t i = 0; i < size; ++i)
                    if (!node(n.items.emplace_back(), depth + 1)) return false;
                return true;
            case 'm':
                n.kind = YNode::Kind::map;
                if (depth >= limits::kMaxDepth || size > limits::kMaxListItems) return false;
                for (std::uint64_t i = 0; i < size; ++i) {
                    auto& [k, v] = n.entries.emplace_back();
                    if (!node(k, depth + 1) || !(k.is_scalar() || k.is_null()) || !node(v, depth + 1)) return false;
                }
                return true;
            default: return false;
        }
    }
};

// The hash an entry names its tree by (16 hex digits, disk_cache::hash64), checked when it
// is read: the file's bytes are compared, but a tree damaged in its text (a
// disk, a cut copy) could still read as a tree, with other words or lines.
std::string tree_hash(std::string_view tree) { return disk_cache::hex(disk_cache::hash64(tree)); }

}  // namespace

std::string yaml_tree_text(const YNode& root) {
    std::string out;
    write_node(root, out);
    return out;
}

std::optional<YNode> yaml_tree_from_text(std::string_view text, const std::string& file) {
    TreeReader t{{text}, SourceFile(file)};
    YNode root;
    if (!t.node(root, 0) || !t.r.rest.empty() || root.is_null()) return std::nullopt;
    return root;
}

bool yaml_cache_turn() {
    static disk_cache::Turns turns(limits::kMaxYamlCachedFiles);
    return turns.take();
}

std::optional<YNode> find_cached_yaml(std::string_view bytes, const std::string& file) {
    if (!disk_cache::on()) return std::nullopt;
    BoundedRead entry;
    disk_cache::Reader r;
    if (!disk_cache::open_entry(disk_cache::entry_name(disk_cache::hash64(bytes), disk_cache::Kind::yaml), kMagic, entry,
                                r))
        return std::nullopt;
    r.literal("yaml ");
    const std::uint64_t size = r.number(' ');
    const std::string_view hash = r.bytes(16);
    r.literal("\n");
    if (r.bytes(size) != bytes || !r.literal("\n") || !r.ok || hash != tree_hash(r.rest)) return std::nullopt;
    return yaml_tree_from_text(r.rest, file);
}

void store_cached_yaml(std::string_view bytes, const YNode& root) {
    if (!disk_cache::on()) return;
    const std::string tree = yaml_tree_text(root);
    std::string text = fmt::format("yaml {} {}\n", bytes.size(), tree_hash(tree));
    text += bytes;
    text += '\n';
    text += tree;
    disk_cache::write_entry(disk_cache::entry_name(disk_cache::hash64(bytes), disk_cache::Kind::yaml), kMagic, text);
}

}  // namespace lerbrief::load
