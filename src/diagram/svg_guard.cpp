#include "diagram/svg_guard.h"

#include <fmt/format.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "diagram/limits.h"
#include "diagram/svg_allowlist.h"

namespace lerbrief::diagram {

namespace {

constexpr std::string_view kSvgNs = "http://www.w3.org/2000/svg";
constexpr std::string_view kXlinkNs = "http://www.w3.org/1999/xlink";
constexpr std::string_view kXmlNs = "http://www.w3.org/XML/1998/namespace";
constexpr std::string_view kXIncludeNs = "http://www.w3.org/2001/XInclude";

[[noreturn]] void refuse(const std::string& path, const std::string& what) {
    throw IconError(fmt::format("{}: icon: {}", path, what));
}

[[noreturn]] void over(const std::string& path, const std::string& what) {
    throw IconOverLimit(fmt::format("{}: icon: {} (the limit for an icon)", path, what));
}

struct ReaderDeleter {
    void operator()(xmlTextReaderPtr r) const { xmlFreeTextReader(r); }
};
using ReaderPtr = std::unique_ptr<xmlTextReader, ReaderDeleter>;
struct XmlFree {
    void operator()(xmlChar* p) const { xmlFree(p); }
};
using XmlString = std::unique_ptr<xmlChar, XmlFree>;

std::string_view sv(const xmlChar* s) { return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view(); }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::size_t find_nocase(std::string_view hay, std::string_view needle, std::size_t from) {
    for (std::size_t i = from; i + needle.size() <= hay.size(); ++i) {
        std::size_t k = 0;
        while (k < needle.size() && lower(hay[i + k]) == needle[k]) ++k;
        if (k == needle.size()) return i;
    }
    return std::string_view::npos;
}

// The first libxml2 error, with its line; libxml2 prints nothing itself.
struct ParseError {
    std::string message;
    static void record(void* arg, xmlErrorPtr e) {
        auto* self = static_cast<ParseError*>(arg);
        if (!self->message.empty() || !e || e->level < XML_ERR_ERROR) return;
        std::string msg = e->message ? e->message : "malformed XML";
        while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
        self->message = fmt::format("line {}: {}", e->line, msg);
    }
};

// One element of the document: what the drawing of it costs is itself, its
// children and what it references.
struct Node {
    std::vector<std::uint32_t> children;
    std::vector<std::string> refs;  // ids, from url(#…) and href
    bool use = false;               // a <use>: its href is one more level of <use>
    bool primitive = false;         // a filter primitive
    bool graphic = false;
    bool style = false;             // a <style>: its text is a style sheet
};

class Scanner {
public:
    explicit Scanner(const std::string& path) : path_(path) {}

    void element(std::string_view ns, std::string_view name, xmlTextReaderPtr r, bool empty) {
        if (nodes_.size() >= limits::kMaxIconElements)
            over(path_, fmt::format("more than {} elements", limits::kMaxIconElements));
        if (open_.size() >= limits::kMaxIconNesting)
            over(path_, fmt::format("elements nested more than {} deep", limits::kMaxIconNesting));
        const auto id = static_cast<std::uint32_t>(nodes_.size());
        nodes_.emplace_back();
        if (!open_.empty()) nodes_[open_.back()].children.push_back(id);
        if (ns == kXIncludeNs) refuse(path_, "XInclude (<xi:include>) is not supported in icons");
        if (ns.empty() || ns == kSvgNs) svg_element(name, r, nodes_[id]);
        if (!empty) open_.push_back(id);  // an empty element has no end to pop it
    }

    void end() {
        if (open_.empty()) return;
        if (nodes_[open_.back()].style) {
            // librsvg joins a <style>'s text and CDATA pieces into one sheet
            if (find_nocase(style_text_, "@import", 0) != std::string_view::npos)
                refuse(path_, "@import in a style sheet is not supported in icons");
            check_value(style_text_, "a style sheet", style_refs_);
            style_text_.clear();
        }
        open_.pop_back();
    }

    void text(std::string_view s) {
        if (!open_.empty() && nodes_[open_.back()].style) style_text_ += s;  // no longer than the file
    }

    SvgCost cost() { return expand(); }

private:
    void svg_element(std::string_view name, xmlTextReaderPtr r, Node& node) {
        if (name == "image") refuse(path_, "embedded images (<image>) are not supported in icons");
        if (name == "feImage") refuse(path_, "images in filters (<feImage>) are not supported in icons");
        if (!svg_element_allowed(name)) refuse(path_, fmt::format("<{}> elements are not supported in icons", name));
        node.use = name == "use";
        node.primitive = name.substr(0, 2) == "fe";
        node.graphic = svg_element_drawn(name);
        node.style = name == "style";
        text_ += name == "text" || name == "tspan";
        const std::string element(name);
        for (int more = xmlTextReaderMoveToFirstAttribute(r); more == 1; more = xmlTextReaderMoveToNextAttribute(r)) {
            if (xmlTextReaderIsNamespaceDecl(r)) continue;
            attribute(element, sv(xmlTextReaderConstNamespaceUri(r)), sv(xmlTextReaderConstLocalName(r)),
                      sv(xmlTextReaderConstValue(r)), node);
        }
        xmlTextReaderMoveToElement(r);
    }

    void attribute(const std::string& element, std::string_view ns, std::string_view name, std::string_view value,
                   Node& node) {
        const bool href = name == "href" && (ns.empty() || ns == kXlinkNs);
        if (!ns.empty() && !href && ns != kXmlNs) return;  // Inkscape, Sodipodi…: ignored, as librsvg does
        if (ns.empty() && !href && !svg_attribute_allowed(name))
            refuse(path_, fmt::format("the attribute '{}' on <{}> is not supported in icons", name, element));
        if (href) {
            if (value.empty() || value[0] != '#')
                refuse(path_, fmt::format("a reference to '{}' outside the file; icons may only refer to "
                                          "their own elements ('#id')", shorten(value)));
            node.refs.emplace_back(value.substr(1));
        }
        check_value(value, fmt::format("the attribute '{}'", name), node.refs);
    }

    // CSS in a value or style sheet: url(…) only to '#id'; no escapes, which
    // could spell url( so that a plain search misses it.
    void check_value(std::string_view s, const std::string& where, std::vector<std::string>& refs) {
        if (s.find('\\') != std::string_view::npos)
            refuse(path_, fmt::format("backslash escapes in {} are not supported in icons", where));
        for (auto at = find_nocase(s, "url(", 0); at != std::string_view::npos; at = find_nocase(s, "url(", at + 4)) {
            std::size_t i = at + 4;
            while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '"' || s[i] == '\''))
                ++i;
            std::size_t e = i;
            while (e < s.size() && s[e] != ')' && s[e] != '"' && s[e] != '\'' && s[e] != ' ') ++e;
            if (i >= s.size() || s[i] != '#')
                refuse(path_, fmt::format("a reference to '{}' outside the file; icons may only refer to "
                                          "their own elements ('#id')", shorten(s.substr(i, e - i))));
            refs.emplace_back(s.substr(i + 1, e - i - 1));
        }
    }

    static std::string shorten(std::string_view s) {
        return s.size() <= 40 ? std::string(s) : std::string(s.substr(0, 37)) + "...";
    }

public:
    // Ids are collected as the scan goes (an id may be referenced before it appears).
    void remember_id(std::string_view id) {
        if (!id.empty()) ids_.emplace(std::string(id), static_cast<std::uint32_t>(nodes_.size() - 1));
    }

private:
    struct Metrics {
        std::uint64_t expanded = 0, primitives = 0;
        std::size_t nesting = 0, use_depth = 0;
    };

    // Post-order walk over children and references, each element once
    // (shared subtrees are costed once and multiplied), without recursion.
    SvgCost expand() {
        SvgCost total;
        total.elements = nodes_.size();
        total.text = text_;
        if (nodes_.empty()) return total;
        struct Edge {
            std::uint32_t to;
            bool use;
        };
        // A style sheet's url(#…) may apply to every element drawn: one extra
        // node (the last) stands for what the sheet refers to, and each drawn
        // element refers to it.
        const auto sheet = static_cast<std::uint32_t>(nodes_.size());
        std::vector<std::vector<Edge>> edges(nodes_.size() + 1);
        for (const auto& ref : style_refs_)
            if (auto it = ids_.find(ref); it != ids_.end()) edges[sheet].push_back({it->second, false});
        for (std::uint32_t v = 0; v < nodes_.size(); ++v) {
            for (auto c : nodes_[v].children) edges[v].push_back({c, false});
            for (const auto& ref : nodes_[v].refs)
                if (auto it = ids_.find(ref); it != ids_.end()) edges[v].push_back({it->second, nodes_[v].use});
            if (nodes_[v].graphic && !edges[sheet].empty()) edges[v].push_back({sheet, false});
        }
        const std::uint64_t cap = limits::kMaxIconExpandedElements + 1;
        enum : std::uint8_t { fresh, active, done };
        std::vector<std::uint8_t> state(edges.size(), fresh);
        std::vector<Metrics> m(edges.size());
        std::vector<std::pair<std::uint32_t, std::size_t>> stack{{0, 0}};
        state[0] = active;
        while (!stack.empty()) {
            const auto v = stack.back().first;
            const auto next = stack.back().second;
            if (next < edges[v].size()) {
                ++stack.back().second;
                const auto to = edges[v][next].to;
                if (state[to] == active) {
                    auto found = std::find_if(ids_.begin(), ids_.end(), [&](const auto& p) { return p.second == to; });
                    refuse(path_, found == ids_.end() ? std::string("a reference cycle through the style sheet")
                                                      : fmt::format("a reference cycle through '#{}'", found->first));
                }
                if (state[to] == fresh) {
                    state[to] = active;
                    stack.push_back({to, 0});
                }
                continue;
            }
            Metrics r{1, v != sheet && nodes_[v].primitive ? 1u : 0u, 1, 0};
            for (const auto& e : edges[v]) {
                const Metrics& c = m[e.to];
                r.expanded = std::min(cap, r.expanded + c.expanded);
                r.primitives = std::min(cap, r.primitives + c.primitives);
                r.nesting = std::max(r.nesting, c.nesting + 1);
                r.use_depth = std::max(r.use_depth, c.use_depth + (e.use ? 1 : 0));
            }
            m[v] = r;
            state[v] = done;
            stack.pop_back();
        }
        total.expanded = m[0].expanded;
        total.filter_primitives = m[0].primitives;
        total.nesting = m[0].nesting;
        total.use_depth = m[0].use_depth;
        return total;
    }

    const std::string& path_;
    std::vector<Node> nodes_;
    std::vector<std::uint32_t> open_;
    std::unordered_map<std::string, std::uint32_t> ids_;
    std::vector<std::string> style_refs_;
    std::string style_text_;
    std::size_t text_ = 0;  // <text> and <tspan> elements
};

void check_bounds(const std::string& path, const SvgCost& c) {
    if (c.use_depth > limits::kMaxIconUseDepth)
        over(path, fmt::format("<use> references nested more than {} deep", limits::kMaxIconUseDepth));
    if (c.nesting > limits::kMaxIconNesting)
        over(path, fmt::format("elements nested more than {} deep once <use> references are expanded",
                               limits::kMaxIconNesting));
    if (c.expanded > limits::kMaxIconExpandedElements)
        over(path, fmt::format("more than {} elements to draw once <use> references are expanded",
                               limits::kMaxIconExpandedElements));
    if (c.filter_primitives > limits::kMaxIconFilterPrimitives)
        over(path, fmt::format("more than {} filter primitives to apply", limits::kMaxIconFilterPrimitives));
}

// librsvg reads the file with libxml2's detection too; anything but UTF-8
// (UTF-7 can spell markup as plain text) is refused before the first element.
void check_encoding(const std::string& path, xmlTextReaderPtr r) {
    std::string_view enc = sv(xmlTextReaderConstEncoding(r));
    std::string e;
    for (char c : enc) e += lower(c);
    if (!e.empty() && e != "utf-8" && e != "utf8" && e != "us-ascii" && e != "ascii")
        refuse(path, fmt::format("the encoding '{}'; icons must be UTF-8", enc));
}

}  // namespace

SvgCost guard_svg(const std::string& path, std::string_view svg) {
    static std::once_flag init;
    std::call_once(init, [] { xmlInitParser(); });
    if (svg.size() > limits::kMaxIconBytes)
        over(path, fmt::format("more than {} bytes", limits::kMaxIconBytes));
    // No XML_PARSE_NOENT (entities are not substituted), DTDLOAD, DTDATTR or
    // HUGE; NONET in case anything would still reach out.
    // The reader would only meet a DTD after parsing it; refuse it unread.
    // A NUL byte means UTF-16 or UCS-4, where that search would not see it.
    if (svg.find("<!DOCTYPE") != std::string_view::npos || svg.find("<!ENTITY") != std::string_view::npos)
        refuse(path, "document type declarations (<!DOCTYPE>, entity declarations) are not supported in icons");
    if (svg.find('\0') != std::string_view::npos) refuse(path, "not a UTF-8 file (a NUL byte)");
    ReaderPtr reader(xmlReaderForMemory(svg.data(), static_cast<int>(svg.size()), nullptr, nullptr,
                                        XML_PARSE_NONET | XML_PARSE_NOWARNING));
    if (!reader) refuse(path, "cannot set up the XML reader");
    ParseError error;
    xmlTextReaderSetStructuredErrorHandler(reader.get(), &ParseError::record, &error);
    Scanner scan(path);
    int status;
    bool first = true;
    while ((status = xmlTextReaderRead(reader.get())) == 1) {
        xmlTextReaderPtr r = reader.get();
        switch (xmlTextReaderNodeType(r)) {
        case XML_READER_TYPE_DOCUMENT_TYPE:
            refuse(path, "document type declarations (<!DOCTYPE>, entity declarations) are not supported in icons");
        case XML_READER_TYPE_ENTITY_REFERENCE:
            refuse(path, "entity references are not supported in icons");
        case XML_READER_TYPE_PROCESSING_INSTRUCTION:
            refuse(path, "processing instructions (<?...?>, such as style sheet links) are not supported in icons");
        case XML_READER_TYPE_ELEMENT: {
            if (first) check_encoding(path, r);
            first = false;
            const bool empty = xmlTextReaderIsEmptyElement(r) == 1;
            scan.element(sv(xmlTextReaderConstNamespaceUri(r)), sv(xmlTextReaderConstLocalName(r)), r, empty);
            XmlString id(xmlTextReaderGetAttribute(r, BAD_CAST "id"));
            scan.remember_id(sv(id.get()));
            break;
        }
        case XML_READER_TYPE_END_ELEMENT:
            scan.end();
            break;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
            scan.text(sv(xmlTextReaderConstValue(r)));
            break;
        default:
            break;
        }
    }
    if (status != 0 || !error.message.empty())
        refuse(path, fmt::format("not a valid SVG ({})", error.message.empty() ? "malformed XML" : error.message));
    SvgCost cost = scan.cost();
    check_bounds(path, cost);
    return cost;
}

}  // namespace lerbrief::diagram
