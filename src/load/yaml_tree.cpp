#include "load/yaml_tree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "load/yaml_cache.h"
#include "load/yaml_tree_scan.h"
#include "load/yaml_tree_slips.h"
#include "messages/messages.h"
#include "messages/yaml.h"
#include "model/limits.h"
#include "model/utf8.h"

namespace lerbrief::load {

YNode::YNode() = default;
YNode::YNode(const YNode&) = default;
YNode::YNode(YNode&&) noexcept = default;
YNode& YNode::operator=(const YNode&) = default;
YNode& YNode::operator=(YNode&&) noexcept = default;
YNode::~YNode() = default;

const YNode* YNode::get(std::string_view key) const {
    if (kind != Kind::map) return nullptr;
    for (const auto& [k, v] : entries)
        if (k.scalar == key) return &v;
    return nullptr;
}

const char* kind_name(const YNode& n) {
    switch (n.kind) {
        case YNode::Kind::null: return "nothing";
        case YNode::Kind::scalar: return "a string";
        case YNode::Kind::sequence: return "a list";
        case YNode::Kind::map: return "a mapping";
    }
    return "?";
}

namespace {

SourcePos at(const std::string& file, std::string_view text, std::size_t offset) {
    return yaml_slips::pos_at(SourceFile(file), text, offset);
}

// Encoding and control characters, before yaml-cpp sees the bytes.
bool check_text(std::string_view text, const std::string& file, Diagnostics& diags) {
    if (auto bad = utf8::first_invalid(text)) {
        msg::invalid_utf8(diags, at(file, text, *bad), static_cast<unsigned char>(text[*bad]));
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
            msg::control_character(diags, at(file, text, i), c);
            return false;
        }
    }
    return true;
}

// Refuses nesting runs that yaml-cpp handles badly, before parsing
// (yaml_scan::too_deep_at).
bool check_nesting(std::string_view text, const std::string& file, Diagnostics& diags) {
    if (auto deep = yaml_scan::too_deep_at(text)) {
        msg::too_deep(diags, at(file, text, *deep));
        return false;
    }
    return true;
}

struct Refused {};  // thrown from the handler to stop parsing; the message is already recorded

// Builds YNodes from yaml-cpp events.
class TreeBuilder : public YAML::EventHandler {
public:
    TreeBuilder(SourceFile file, std::string_view text, Diagnostics& diags)
        : file_(file), text_(text), locate_(file, text), diags_(diags) {}

    std::optional<YNode> root;

    // The last quoted scalar: where it opens and the line of its closing quote.
    struct Quoted {
        SourcePos pos;
        char quote = 0;
        int close_line = 0;
    };
    std::optional<Quoted> last_quoted;

    // Anchors on values (`name: &amp; Co`), reported once the file parsed:
    // an alias refers to one, and its message comes first.
    void report_anchors() {
        for (const auto& [at, key] : anchors_) {
            const std::string_view value = yaml_slips::value_text(text_, at);
            msg::yaml_value_start(diags_, locate_.at(at), '&', key, value);
        }
    }

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& m, YAML::anchor_t anchor) override {
        YNode n;
        n.pos = pos(m);
        offset_ = m.pos;
        empty_value(m, n, anchor != 0);
        add(std::move(n));
    }
    void OnAlias(const YAML::Mark& m, YAML::anchor_t) override {
        msg::alias_refused(diags_, pos(m));
        throw Refused{};
    }
    void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        YNode n;
        n.pos = pos(m);
        n.plain = tag == "?";
        offset_ = m.pos;
        if (anchor != 0 && is_at(m, '&')) anchors_.emplace_back(m.pos, key_of(m.pos));
        if (!n.plain) quoted(m, n.pos);
        if (!n.plain && tag != "!" && tag.rfind("tag:yaml.org,2002:", 0) != 0 && is_at(m, '!'))
            msg::yaml_value_start(diags_, n.pos, '!', key_of(m.pos), yaml_slips::value_text(text_, m.pos));
        if (n.plain && (value == "~" || value == "null" || value == "Null" || value == "NULL")) {
            add(std::move(n));
            return;
        }
        if (value.size() > limits::kMaxScalarBytes) {
            msg::scalar_too_long(diags_, n.pos, field_name());
            throw Refused{};
        }
        n.kind = YNode::Kind::scalar;
        n.scalar = value;
        add(std::move(n));
    }
    void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value style) override {
        open(m, YNode::Kind::sequence, style == YAML::EmitterStyle::Flow);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value style) override {
        open(m, YNode::Kind::map, style == YAML::EmitterStyle::Flow);
    }
    void OnMapEnd() override { close(); }

private:
    struct Open {
        YNode node;
        std::optional<YNode> pending_key;
        std::size_t key_offset = 0;  // where the pending key starts in the text
        bool flow = false;           // written [..] or {..}
    };

    bool is_at(const YAML::Mark& m, char c) const {
        return m.pos >= 0 && static_cast<std::size_t>(m.pos) < text_.size() && text_[m.pos] == c;
    }

    // The key of the value at text[at], as written ("" in a list), for hints.
    std::string key_of(std::size_t at) const {
        if (stack_.empty() || stack_.back().node.kind != YNode::Kind::map) return {};
        const Open& top = stack_.back();
        if (!top.pending_key || top.key_offset >= at) return {};  // `at` is the key itself
        return std::string(yaml_slips::value_text(text_.substr(0, text_.find(':', top.key_offset)), top.key_offset));
    }

    // A quoted scalar opening at m: refused when no quote closes it (yaml-cpp
    // then reads to the end of the file); otherwise remembered, for an error
    // that follows on the line where it closes.
    void quoted(const YAML::Mark& m, const SourcePos& p) {
        if (!is_at(m, '"') && !is_at(m, '\'')) return;
        const std::size_t close = yaml_scan::closing_quote(text_, m.pos);
        if (close == yaml_scan::npos) {
            msg::yaml_unclosed_quote(diags_, p, text_[m.pos]);
            throw Refused{};
        }
        const auto lines = std::count(text_.begin() + m.pos, text_.begin() + static_cast<std::ptrdiff_t>(close), '\n');
        last_quoted = Quoted{p, text_[m.pos], p.line + static_cast<int>(lines)};
    }

    // A null value: `text: #1 in the state` reads as empty, as does
    // `- #1 …`; warn, and place the value at the `#`. An anchor on it
    // (`name: &nbsp;`) is a slip too.
    void empty_value(const YAML::Mark& m, YNode& n, bool anchored) {
        if (stack_.empty() || stack_.back().flow) return;  // `{a, b}` holds nulls, not comments
        const Open& top = stack_.back();
        std::size_t hash = yaml_scan::npos;
        if (top.node.kind == YNode::Kind::map && top.pending_key) {
            hash = yaml_slips::comment_after_key(text_, top.key_offset);
            if (anchored) {
                const std::size_t v = yaml_slips::value_after_key(text_, top.key_offset);
                if (v != yaml_scan::npos && text_[v] == '&') anchors_.emplace_back(v, key_of(v));
            }
        } else if (top.node.kind == YNode::Kind::sequence && m.pos >= 0) {
            hash = yaml_slips::comment_after_dash(text_, static_cast<std::size_t>(m.pos));
        }
        if (hash == yaml_scan::npos) return;
        n.pos = locate_.at(hash);
        msg::yaml_comment_empties_value(diags_, n.pos, top.pending_key ? top.pending_key->scalar : std::string{},
                                        yaml_slips::value_text(text_, hash));
    }

    // Every node's position; counts the nodes (limits::kMaxYamlValues).
    SourcePos pos(const YAML::Mark& m) {
        SourcePos p{file_, m.line + 1, m.column + 1};
        if (++values_ > limits::kMaxYamlValues) {
            msg::too_many_values(diags_, p);
            throw Refused{};
        }
        return p;
    }

    // The key a scalar being read is the value of, for messages.
    std::string field_name() const {
        if (!stack_.empty() && stack_.back().node.kind == YNode::Kind::map)
            return stack_.back().pending_key ? stack_.back().pending_key->scalar : "a key";
        return stack_.empty() ? "the document" : "a list item";
    }

    void open(const YAML::Mark& m, YNode::Kind kind, bool flow) {
        if (static_cast<int>(stack_.size()) >= limits::kMaxDepth) {
            msg::too_deep(diags_, pos(m));
            throw Refused{};
        }
        Open o;
        o.node.kind = kind;
        o.node.pos = pos(m);
        o.flow = flow;
        stack_.push_back(std::move(o));
    }

    void close() {
        YNode done = std::move(stack_.back().node);
        done.items.shrink_to_fit();  // no growth slack kept in the tree
        done.entries.shrink_to_fit();
        stack_.pop_back();
        add(std::move(done));
    }

    void add(YNode n) {
        if (stack_.empty()) {
            root = std::move(n);
            return;
        }
        Open& top = stack_.back();
        if (top.node.kind == YNode::Kind::sequence) {
            if (top.node.items.size() >= limits::kMaxListItems) {
                msg::too_many_items(diags_, n.pos, "list", limits::kMaxListItems);
                throw Refused{};
            }
            top.node.items.push_back(std::move(n));
            return;
        }
        if (!top.pending_key) {
            if (n.kind == YNode::Kind::sequence || n.kind == YNode::Kind::map) {
                msg::complex_key(diags_, n.pos);
                throw Refused{};
            }
            for (const auto& [k, v] : top.node.entries) {
                if (k.scalar == n.scalar) {
                    msg::duplicate_key(diags_, n.pos, n.scalar, k.pos.line);
                    break;  // keep parsing: report every duplicate in one run
                }
            }
            top.pending_key = std::move(n);
            top.key_offset = offset_;
            return;
        }
        if (top.node.entries.size() >= limits::kMaxListItems) {
            msg::too_many_items(diags_, n.pos, "mapping", limits::kMaxListItems);
            throw Refused{};
        }
        top.node.entries.emplace_back(std::move(*top.pending_key), std::move(n));
        top.pending_key.reset();
    }

    SourceFile file_;  // interned once: each node keeps a pointer to it
    std::string_view text_;
    yaml_slips::Locator locate_;  // positions of slips, found in file order
    std::size_t offset_ = 0;  // where the value being added starts in the text
    std::vector<std::pair<std::size_t, std::string>> anchors_;  // offset, key
    std::size_t values_ = 0;
    Diagnostics& diags_;
    std::vector<Open> stack_;
};

// yaml-cpp's messages start with a capital and may end with a period.
std::string tidy(std::string s) {
    if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.pop_back();
    return s;
}

}  // namespace

std::optional<YNode> read_yaml(std::string_view bytes, const std::string& file, Diagnostics& diags) {
    const SourcePos whole{file, 0, 0};
    if (bytes.size() > limits::kMaxFileBytes) {
        msg::file_too_large(diags, whole, bytes.size());
        return std::nullopt;
    }
    // a file that parsed before with nothing said (load/yaml_cache.h)
    const bool cached = yaml_cache_turn();
    if (cached)
        if (auto kept = find_cached_yaml(bytes, file)) return kept;
    const std::string_view as_read = bytes;
    const std::size_t reports_before = diags.reports();
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);  // a BOM is harmless
    if (!check_text(bytes, file, diags) || !check_nesting(bytes, file, diags)) return std::nullopt;

    const std::size_t errors_before = diags.error_count();
    std::istringstream in{std::string(bytes)};
    TreeBuilder builder(whole.file, bytes, diags);
    try {
        YAML::Parser parser(in);
        if (!parser.HandleNextDocument(builder)) {
            msg::empty_file(diags, whole);
            return std::nullopt;
        }
        TreeBuilder rest(whole.file, bytes, diags);
        if (parser.HandleNextDocument(rest)) {
            msg::second_document(diags, rest.root ? rest.root->pos : whole);
        }
    } catch (const Refused&) {
        return std::nullopt;
    } catch (const YAML::Exception& e) {
        SourcePos p = e.mark.is_null() ? whole : SourcePos{file, e.mark.line + 1, e.mark.column + 1};
        const auto& q = builder.last_quoted;
        if (!e.mark.is_null() && q && q->close_line > q->pos.line && q->close_line == p.line) {
            msg::yaml_quote_closes_late(diags, q->pos, q->quote, q->close_line);
        } else if (e.mark.is_null() || e.mark.pos < 0 ||
                   !yaml_slips::explain_error(bytes, whole.file, static_cast<std::size_t>(e.mark.pos), diags)) {
            msg::yaml_syntax(diags, p, tidy(e.msg));
        }
        return std::nullopt;
    }
    builder.report_anchors();
    if (diags.error_count() > errors_before) return std::nullopt;
    if (!builder.root || builder.root->is_null()) {
        msg::empty_file(diags, whole);
        return std::nullopt;
    }
    if (cached && diags.reports() == reports_before) store_cached_yaml(as_read, *builder.root);
    return std::move(builder.root);
}

bool is_regular_file(const std::string& path, Diagnostics& diags) {
    namespace fs = std::filesystem;
    const SourcePos whole{path, 0, 0};
    std::error_code ec;
    const auto st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
        msg::cannot_read(diags, whole, "no such file");
        return false;
    }
    if (fs::is_directory(st)) {
        msg::not_a_file(diags, whole);
        return false;
    }
    if (!fs::is_regular_file(st)) {  // a pipe would block the run until someone writes to it
        msg::special_file(diags, whole);
        return false;
    }
    return true;
}

std::optional<std::string> read_capped(const std::string& path, std::size_t max, Diagnostics& diags,
                                       void (*too_large)(Diagnostics&, const SourcePos&, std::size_t)) {
    namespace fs = std::filesystem;
    const SourcePos whole{path, 0, 0};
    if (!is_regular_file(path, diags)) return std::nullopt;
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    if (!ec && size > max) {
        too_large(diags, whole, size);
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        msg::cannot_read(diags, whole, "permission denied or unreadable");
        return std::nullopt;
    }
    // Read in chunks up to one byte over the limit (the file may grow after
    // the size check: the reader of the bytes refuses what is over), without
    // zero-filling a limit-sized buffer first: that made every read cost
    // 2 MiB of memset (found by the fuzz targets).
    std::string bytes;
    bytes.reserve(ec ? 0 : std::min<std::uintmax_t>(size, max) + 1);
    char chunk[64 * 1024];
    while (bytes.size() <= max && in.read(chunk, sizeof chunk).gcount() > 0)
        bytes.append(chunk, static_cast<std::size_t>(in.gcount()));
    return bytes;
}

std::optional<YNode> read_yaml_file(const std::string& path, Diagnostics& diags) {
    auto bytes = read_capped(path, limits::kMaxFileBytes, diags, msg::file_too_large);
    if (!bytes) return std::nullopt;
    return read_yaml(*bytes, path, diags);
}

}  // namespace lerbrief::load
