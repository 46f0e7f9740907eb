#include "load/strings_file.h"

#include <algorithm>
#include <optional>

#include "load/yaml_tree.h"
#include "messages/strings.h"

namespace lerbrief::load {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// The file for `language` in `folder`: the whole tag, then its language
// subtag ("es-MX" → es-MX.yaml, es.yaml). Names compare without case.
std::optional<fs::path> file_for(const fs::path& folder, std::string_view language) {
    std::vector<std::string> tries{lower(language)};
    if (auto dash = language.find('-'); dash != std::string_view::npos) tries.push_back(lower(language.substr(0, dash)));
    std::error_code ec;
    for (const auto& want : tries)
        for (auto it = fs::directory_iterator(folder, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
            if (it->path().extension() == ".yaml" && lower(it->path().stem().string()) == want &&
                it->is_regular_file(ec))
                return it->path();
    return std::nullopt;
}

// Every string of a `text:`-less file: section → key → text, flattened to
// "section.key" with the value's node.
void flatten(const YNode& map, const std::string& prefix, std::vector<std::pair<std::string, const YNode*>>& out) {
    for (const auto& [k, v] : map.entries) {
        const std::string key = prefix.empty() ? k.scalar : prefix + "." + k.scalar;
        if (v.is_map())
            flatten(v, key, out);
        else
            out.emplace_back(key, &v);
    }
}

// The same placeholders, in any order: a translation may need another word order.
bool same_placeholders(std::string_view a, std::string_view b) {
    auto x = placeholders(a), y = placeholders(b);
    std::sort(x.begin(), x.end());
    std::sort(y.begin(), y.end());
    return x == y;
}

class Reader {
public:
    Reader(Strings& s, Diagnostics& d) : s_(s), d_(d) {}

    // The file's strings over what is set; `english`: the reference file,
    // whose missing keys are errors.
    void strings(const YNode& root, bool english, std::string_view language) {
        std::vector<bool> seen(kStringCount, false);
        std::vector<std::string> known;
        for (std::size_t i = 0; i < kStringCount; ++i) known.emplace_back(string_key(static_cast<Str>(i)));
        std::vector<std::pair<std::string, const YNode*>> all;
        for (const auto& [k, v] : root.entries)
            if (k.scalar != "language" && k.scalar != "typography" && v.is_map()) flatten(v, k.scalar, all);
        for (const auto& [key, node] : all) {
            const auto id = find_string_key(key);
            if (!id) {
                msg::unknown_string_key(d_, node->pos, key, known);
                continue;
            }
            seen[static_cast<std::size_t>(*id)] = true;
            if (!node->is_scalar()) {
                if (english) msg::english_string_missing(d_, node->pos, key);
                else msg::string_not_text(d_, node->pos, key, kind_name(*node));
                continue;
            }
            if (!english && !same_placeholders(node->scalar, s_(*id))) {
                msg::string_placeholders_differ(d_, node->pos, key, s_(*id));
                continue;
            }
            s_.set(*id, node->scalar);
        }
        for (std::size_t i = 0; i < kStringCount; ++i) {
            if (seen[i]) continue;
            const SourcePos at{root.pos.file, 0, 0};
            if (english) msg::english_string_missing(d_, at, string_key(static_cast<Str>(i)));
            else msg::string_missing(d_, at, string_key(static_cast<Str>(i)), language);
        }
    }

    void typography(const YNode* t, bool english) {
        Typography& ty = s_.typography;
        if (!english) ty.hyphenation.clear();  // never another language's patterns
        if (!t || !t->is_map()) return;
        auto scalar = [&](const char* key, std::string& into) {
            const YNode* n = t->get(key);
            if (!n) return;
            if (n->is_scalar()) into = n->scalar;
            else msg::bad_typography(d_, n->pos, key, "a string");
        };
        auto list = [&](const char* key, std::size_t want, auto assign) {
            const YNode* n = t->get(key);
            if (!n) return;
            bool ok = n->is_seq() && (want == 0 || n->items.size() == want);
            for (const auto& i : ok ? n->items : std::vector<YNode>{}) ok = ok && i.is_scalar() && !i.scalar.empty();
            if (!ok) {
                msg::bad_typography(d_, n->pos, key,
                                    want ? fmt_count(want) : std::string("a list of strings"));
                return;
            }
            assign(n->items);
        };
        scalar("hyphenation", ty.hyphenation);
        scalar("collation", ty.collation);
        scalar("date", ty.date);
        list("quotes", 4, [&](const std::vector<YNode>& v) {
            for (std::size_t i = 0; i < 4; ++i) ty.quotes[i] = v[i].scalar;
        });
        list("months", 12, [&](const std::vector<YNode>& v) {
            for (std::size_t i = 0; i < 12; ++i) ty.months[i] = v[i].scalar;
        });
        list("hyphen-exceptions", 0, [&](const std::vector<YNode>& v) {
            ty.hyphen_exceptions.clear();
            for (const auto& i : v) ty.hyphen_exceptions.push_back(i.scalar);
        });
        for (const auto& [k, v] : t->entries)
            if (k.scalar != "hyphenation" && k.scalar != "collation" && k.scalar != "date" && k.scalar != "quotes" &&
                k.scalar != "months" && k.scalar != "hyphen-exceptions")
                msg::unknown_string_key(d_, k.pos, "typography." + k.scalar,
                                        {"typography.hyphenation", "typography.collation", "typography.date",
                                         "typography.quotes", "typography.months", "typography.hyphen-exceptions"});
    }

private:
    static std::string fmt_count(std::size_t n) { return "a list of " + std::to_string(n) + " strings"; }
    Strings& s_;
    Diagnostics& d_;
};

}  // namespace

Strings load_strings(const fs::path& folder, std::string_view language, const SourcePos& at, Diagnostics& diags) {
    Strings s;
    s.language = std::string(language);
    const fs::path english = folder / "en.yaml";
    Diagnostics quiet;  // a missing English file is reported once, as ours
    auto en = read_yaml_file(english.string(), quiet);
    if (!en || !en->is_map()) {
        msg::english_strings_missing(diags, english.string());
        return s;
    }
    Reader r(s, diags);
    r.strings(*en, true, "English");
    r.typography(en->get("typography"), true);
    if (is_english(language)) return s;

    const auto file = file_for(folder, language);
    if (!file) {
        msg::no_strings_for_language(diags, at, language, folder.string());
        s.typography.hyphenation.clear();
        s.typography.hyphen_exceptions.clear();
        return s;
    }
    // never another language's patterns, whatever the file holds
    s.typography.hyphenation.clear();
    s.typography.hyphen_exceptions.clear();
    auto tr = read_yaml_file(file->string(), diags);  // unreadable or not YAML: an error, as content is
    if (!tr) return s;
    if (!tr->is_map()) {
        msg::strings_not_a_mapping(diags, tr->pos, kind_name(*tr));
        return s;
    }
    if (const YNode* l = tr->get("language"); l && l->is_scalar() && lower(l->scalar) != lower(file->stem().string()))
        msg::strings_wrong_language(diags, l->pos, l->scalar, file->filename().string());
    s.typography.hyphen_exceptions.clear();
    r.strings(*tr, false, language);
    r.typography(tr->get("typography"), false);
    return s;
}

std::vector<std::string> string_languages(const fs::path& folder) {
    std::vector<std::string> out;
    std::error_code ec;
    for (auto it = fs::directory_iterator(folder, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
        if (it->path().extension() == ".yaml" && it->is_regular_file(ec)) out.push_back(it->path().stem().string());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace lerbrief::load
