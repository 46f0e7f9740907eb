#include "load/fields.h"

#include <algorithm>

#include "load/contained.h"
#include "load/typography.h"
#include "messages/messages.h"

namespace lerbrief::load {

std::string trim(std::string_view s) {
    const char* ws = " \t\r\n";
    auto b = s.find_first_not_of(ws);
    if (b == std::string_view::npos) return {};
    auto e = s.find_last_not_of(ws);
    return std::string(s.substr(b, e - b + 1));
}

bool valid_id(std::string_view id) {
    if (id.empty() || id.front() == '-' || id.back() == '-') return false;
    return std::all_of(id.begin(), id.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::string printed(std::string_view raw, const TextRules& rules) {
    return rules.clean ? smart_quotes(rules.clean(raw)) : smart_quotes(raw);
}

std::optional<Text> as_text(const YNode& n, const std::string& field, Diagnostics& diags) {
    if (n.is_scalar()) return Text{n.scalar, n.pos};
    msg::expected(diags, n.pos, field, "a string", kind_name(n));
    return std::nullopt;
}

namespace {
FieldsObserver g_observer = nullptr;
}  // namespace

void set_fields_observer(FieldsObserver observer) { g_observer = observer; }

Fields::Fields(const YNode& map, std::string path, std::string what, std::vector<std::string> known,
               Diagnostics& diags)
    : map_(map), path_(std::move(path)), what_(std::move(what)), known_(std::move(known)), diags_(diags) {
    if (g_observer) g_observer(map_.pos.file, path_, known_);
}

std::string Fields::field(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

const YNode* Fields::node(std::string_view key, Need need) {
    const YNode* n = map_.get(key);
    if (n && !n->is_null()) return n;
    if (need == Need::required) {
        if (n)
            msg::empty_value(diags_, n->pos, field(key));
        else
            msg::missing_field(diags_, map_.pos, std::string(key), what_);
    }
    return nullptr;
}

namespace {
// The text of `n` when it is a non-empty string; an error otherwise.
std::optional<Text> raw_text(const YNode* n, const std::string& field, Need need, Diagnostics& diags) {
    if (!n) return std::nullopt;
    auto t = as_text(*n, field, diags);
    if (t && trim(t->value).empty()) {
        if (need == Need::required) msg::empty_value(diags, n->pos, field);
        return std::nullopt;
    }
    return t;
}
}  // namespace

std::optional<Text> Fields::text(std::string_view key, Need need) {
    auto t = raw_text(node(key, need), field(key), need, diags_);
    if (t) t->value = printed(t->value, rules);
    return t;
}

std::optional<std::string> Fields::plain(std::string_view key, Need need) {
    auto t = raw_text(node(key, need), field(key), need, diags_);
    if (!t) return std::nullopt;
    return trim(t->value);
}

std::optional<std::string> Fields::id(std::string_view key, Need need) {
    const YNode* n = node(key, need);
    if (!n) return std::nullopt;
    auto t = as_text(*n, field(key), diags_);
    if (!t) return std::nullopt;
    std::string v = trim(t->value);
    if (!valid_id(v)) {
        msg::bad_id(diags_, n->pos, field(key), v);
        return std::nullopt;
    }
    return v;
}

const YNode* Fields::list(std::string_view key, Need need) {
    const YNode* n = node(key, need);
    if (n && !n->is_seq()) {
        msg::expected(diags_, n->pos, field(key), "a list", kind_name(*n));
        return nullptr;
    }
    return n;
}

const YNode* Fields::mapping(std::string_view key, Need need) {
    const YNode* n = node(key, need);
    if (n && !n->is_map()) {
        msg::expected(diags_, n->pos, field(key), "a mapping", kind_name(*n));
        return nullptr;
    }
    return n;
}

std::vector<Text> Fields::texts(std::string_view key, Need need) {
    std::vector<Text> out;
    if (rules.string_is_list) {
        const YNode* one = node(key, need);
        if (one && one->is_scalar()) {
            if (!trim(one->scalar).empty())
                out.push_back(Text{printed(one->scalar, rules), one->pos});
            return out;
        }
    }
    const YNode* n = list(key, need);
    if (!n) return out;
    for (std::size_t i = 0; i < n->items.size(); ++i) {
        const YNode& item = n->items[i];
        if (item.is_null()) continue;  // "- " with nothing: skip quietly
        if (auto t = as_text(item, field(key) + "[" + std::to_string(i + 1) + "]", diags_))
            if (!trim(t->value).empty()) {
                t->value = printed(t->value, rules);
                out.push_back(std::move(*t));
            }
    }
    return out;
}

void expected_mapping(Diagnostics& diags, const YNode& n, const std::string& field) {
    msg::expected(diags, n.pos, field, "a mapping", kind_name(n));
}

std::optional<YNode> read_mapping_file(const std::string& path, const std::string& what, Diagnostics& diags) {
    if (!not_a_loop(path, diags)) return std::nullopt;
    auto root = read_yaml_file(path, diags);
    if (root && !root->is_map()) {
        expected_mapping(diags, *root, what);
        return std::nullopt;
    }
    return root;
}

GlossaryTerm read_term(Fields& f, const YNode& n) {
    GlossaryTerm g;
    g.pos = n.pos;
    if (auto t = f.text("term", Need::required)) g.term = *t;
    if (auto t = f.text("definition", Need::optional)) g.definition = *t;
    g.list = f.texts("list", Need::optional);
    if (g.definition.empty() && g.list.empty()) msg::missing_field(f.diags(), n.pos, "definition", "a term");
    return g;
}

Resource read_resource(Fields& f, const YNode& n) {
    Resource r;
    r.pos = n.pos;
    if (auto t = f.text("title", Need::required)) r.title = *t;
    if (auto t = f.text("author", Need::optional)) r.author = *t;
    if (auto t = f.plain("url", Need::optional)) r.url = *t;
    return r;
}

void Fields::finish() {
    for (const auto& [k, v] : map_.entries) {
        if (std::find(known_.begin(), known_.end(), k.scalar) == known_.end())
            msg::unknown_field(diags_, k.pos, k.scalar, known_);
    }
}

}  // namespace lerbrief::load
