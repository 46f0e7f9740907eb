#include "load/site_url.h"

#include <filesystem>
#include <fstream>

#include "load/contained.h"
#include "load/fields.h"
#include "load/yaml_tree.h"
#include "messages/website.h"
#include "model/limits.h"
#include "model/strings.h"
#include "model/utf8.h"

namespace lerbrief::load {

namespace fs = std::filesystem;

namespace {

bool inside(const std::string& dir, const fs::path& p) { return resolve_inside(dir, p.string()).inside(); }

// The first bytes of a file of the site, read quietly: only a regular file
// inside the folder (absent, a folder, or a pipe that would block: nothing).
// `more` tells whether the file goes on after them.
std::optional<std::string> read_head(const std::string& dir, const fs::path& p, bool& more) {
    std::error_code ec;
    if (!inside(dir, p) || !fs::is_regular_file(p, ec)) return std::nullopt;
    std::ifstream in(p, std::ios::binary);
    if (!in) return std::nullopt;
    std::string s(limits::kMaxCnameFileBytes, '\0');
    in.read(s.data(), static_cast<std::streamsize>(s.size()));
    s.resize(static_cast<std::size_t>(in.gcount()));
    more = in.peek() != std::char_traits<char>::eof();
    return s;
}

bool host_char(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' ||
           ch == '.';
}

// What a URL path may hold as it is (RFC 3986 pchar and '/').
bool path_char(char ch) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')) return true;
    return std::string_view("-._~!$&'()*+,;=:@/%").find(ch) != std::string_view::npos;
}

msg::UrlProblem bad_char(std::string_view s, std::size_t at) {
    std::size_t i = at;
    const char32_t cp = utf8::next(s, i);
    if (cp == U'\n' || cp == U'\r') return {msg::UrlFault::line_break, at};
    return {msg::UrlFault::character, at, cp};
}

std::string permalink_of(const std::string& dir, Diagnostics& diags) {
    const std::string fallback = "/stakeholder/";
    const std::string config = (fs::path(dir) / "_config.yml").string();
    if (!inside(dir, config) || !has_entry(config)) return fallback;
    Diagnostics ignored;  // _config.yml belongs to Jekyll; only one value is read from it
    auto root = read_yaml_file(config, ignored);
    if (!root || !root->is_map()) return fallback;
    const YNode* coll = root->get("collections");
    const YNode* st = coll && coll->is_map() ? coll->get("stakeholders") : nullptr;
    const YNode* pl = st && st->is_map() ? st->get("permalink") : nullptr;
    if (!pl || !pl->is_scalar()) return fallback;
    std::string permalink = trim(pl->scalar);
    auto colon = permalink.find(":name");
    if (colon != std::string::npos) permalink.erase(colon);
    if (permalink.size() > limits::kMaxPermalinkBytes) {
        msg::permalink_not_path(
            diags, pl->pos, {msg::UrlFault::too_long, 0, 0, permalink.size(), limits::kMaxPermalinkBytes});
        return fallback;
    }
    for (std::size_t i = 0; i < permalink.size(); ++i)
        if (!path_char(permalink[i])) {
            msg::permalink_not_path(diags, pl->pos, bad_char(permalink, i));
            return fallback;
        }
    if (permalink.empty() || permalink[0] != '/') permalink = "/" + permalink;
    return permalink;
}

}  // namespace

msg::UrlProblem check_host_name(std::string_view host) {
    using msg::UrlFault;
    if (host.empty()) return {UrlFault::nothing};
    for (std::size_t i = 0; i < host.size(); ++i)
        if (!host_char(host[i])) return bad_char(host, i);
    if (host.size() > limits::kMaxHostNameBytes)
        return {UrlFault::too_long, 0, 0, host.size(), limits::kMaxHostNameBytes};
    std::size_t start = 0;
    while (start <= host.size()) {
        std::size_t end = host.find('.', start);
        if (end == std::string_view::npos) end = host.size();
        const std::string_view label = host.substr(start, end - start);
        if (label.empty()) return {UrlFault::empty_part, start};
        if (label.size() > limits::kMaxHostLabelBytes)
            return {UrlFault::part_too_long, start, 0, label.size(), limits::kMaxHostLabelBytes};
        if (label.front() == '-' || label.back() == '-')
            return {UrlFault::hyphen_edge, label.front() == '-' ? start : end - 1};
        start = end + 1;
    }
    return {};
}

std::string site_language(const std::string& dir, Diagnostics& diags) {
    const std::string config = (fs::path(dir) / "_config.yml").string();
    if (!inside(dir, config) || !has_entry(config)) return {};
    Diagnostics ignored;  // _config.yml belongs to Jekyll; only its values we use are checked
    auto root = read_yaml_file(config, ignored);
    const YNode* lang = root && root->is_map() ? root->get("lang") : nullptr;
    if (!lang || !lang->is_scalar() || trim(lang->scalar).empty()) return {};
    const std::string tag = trim(lang->scalar);
    if (is_language_tag(tag)) return tag;
    msg::site_lang_not_a_tag(diags, lang->pos, tag);
    return {};
}

std::string site_base_url(const std::string& dir, Diagnostics& diags) {
    const fs::path cname = fs::path(dir) / "CNAME";
    bool more = false;
    auto text = read_head(dir, cname, more);
    if (!text) return {};
    const SourceFile file(cname.string());
    // GitHub Pages writes the host followed by a newline; surrounding blanks are no error.
    const char* ws = " \t\r\n";
    const std::size_t b = text->find_first_not_of(ws);
    if (b == std::string::npos) return {};  // an empty CNAME: no custom domain
    const std::size_t e = text->find_last_not_of(ws) + 1;
    if (more) {  // first: the bytes read may end inside a character
        msg::cname_not_host(diags, SourcePos{file, 1, 1},
                            {msg::UrlFault::file_too_long, 0, 0, 0, limits::kMaxCnameFileBytes});
        return {};
    }
    if (auto bad = utf8::first_invalid(*text); bad && *bad < e) {
        auto lc = utf8::line_col(*text, *bad);
        msg::cname_not_utf8(diags, SourcePos{file, lc.line, lc.col});
        return {};
    }
    const std::string_view host = std::string_view(*text).substr(b, e - b);
    if (auto problem = check_host_name(host); problem.fault != msg::UrlFault::none) {
        auto lc = utf8::line_col(*text, b + problem.at);
        msg::cname_not_host(diags, SourcePos{file, lc.line, lc.col}, problem);
        return {};
    }
    return "https://" + std::string(host) + permalink_of(dir, diags);
}

}  // namespace lerbrief::load
