#include "load/site_pages.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>

#include "load/contained.h"
#include "load/fields.h"
#include "load/html_text.h"
#include "messages/website.h"
#include "model/limits.h"
#include "model/markup.h"
#include "model/utf8.h"

namespace lerbrief::load {

namespace fs = std::filesystem;

namespace {

struct DocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;
struct XmlFree {
    void operator()(xmlChar* p) const { xmlFree(p); }
};

// A page of the site: its HTML, with Jekyll's front matter ("---" … "---")
// turned into as many empty lines, so libxml2's line numbers are the file's.
struct Page {
    SourceFile file;
    std::string html;
};

std::string front_matter_blanked(std::string text) {
    if (text.rfind("---", 0) != 0) return text;
    const std::size_t first_eol = text.find('\n');
    if (first_eol == std::string::npos || text.find_first_not_of("-\r", 3) < first_eol) return text;
    std::size_t end = text.find("\n---", first_eol);
    if (end == std::string::npos) return text;
    end = text.find('\n', end + 1);
    if (end == std::string::npos) end = text.size();
    for (std::size_t i = 0; i < end; ++i)
        if (text[i] != '\n') text[i] = ' ';
    return text;
}

// The page `rel` of the site folder, or nullopt: absent (silently), or not
// readable as a page (with a warning; the page is left out).
std::optional<Page> read_page(const std::string& dir, const std::string& rel, Diagnostics& diags) {
    const std::string path = (fs::path(dir) / rel).string();
    if (!has_entry(path)) return std::nullopt;
    const SourcePos whole{path, 0, 0};
    std::error_code ec;
    if (const Resolved r = resolve_inside(dir, path); !r.inside()) {
        msg::site_page_unreadable(diags, whole, rel, r.why());
        return std::nullopt;
    }
    if (!fs::is_regular_file(path, ec)) {
        msg::site_page_unreadable(diags, whole, rel, "not a regular file");
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    std::string text(limits::kMaxSitePageBytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (!in.eof() && !in) {
        msg::site_page_unreadable(diags, whole, rel, "it cannot be read");
        return std::nullopt;
    }
    if (text.size() > limits::kMaxSitePageBytes) {
        msg::site_page_too_large(diags, whole, rel, limits::kMaxSitePageBytes);
        return std::nullopt;
    }
    if (auto bad = utf8::first_invalid(text)) {
        const auto lc = utf8::line_col(text, *bad);
        msg::site_page_not_utf8(diags, SourcePos{path, lc.line, lc.col}, rel);
        return std::nullopt;
    }
    return Page{path, front_matter_blanked(std::move(text))};
}

DocPtr parse_html(const std::string& html) {
    static std::once_flag init;
    std::call_once(init, [] { xmlInitParser(); });
    // NONET: nothing is fetched; NOERROR/NOWARNING: libxml2 prints nothing
    // (it repairs what it can: unclosed tags, stray ones, bare '&').
    return DocPtr(htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                                 HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING));
}

std::string_view name_of(const xmlNode* n) { return n->name ? reinterpret_cast<const char*>(n->name) : ""; }

std::string attribute(const xmlNode* n, const char* attr) {
    std::unique_ptr<xmlChar, XmlFree> v(xmlGetProp(n, BAD_CAST attr));
    return v ? std::string(reinterpret_cast<const char*>(v.get())) : std::string();
}

SourcePos pos_of(const SourceFile& file, const xmlNode* n) {
    const long line = xmlGetLineNo(n);
    return SourcePos{file, line > 0 && line < 1'000'000'000 ? static_cast<int>(line) : 0, 0};
}

void escape_html(std::string& out, std::string_view text) {
    for (char c : text) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else if (c == '"') out += "&quot;";
        else out += c;
    }
}

// The inline content of `n` written back as the HTML html_to_markup reads:
// text escaped, the tags it turns into markup (emphasis, links, line
// breaks) kept, any other tag dropped with its content kept.
// Elements nested deeper than the limit are left out (a warning says so
// when the page is walked).
void inline_html(const xmlNode* n, std::string& out, std::size_t depth = 0) {
    if (depth >= limits::kMaxSitePageNesting) return;
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content) escape_html(out, reinterpret_cast<const char*>(c->content));
            continue;
        }
        if (c->type != XML_ELEMENT_NODE) continue;
        const std::string_view name = name_of(c);
        if (name == "script" || name == "style") continue;
        const bool kept = name == "i" || name == "em" || name == "b" || name == "strong" || name == "a";
        if (name == "br") out += "<br>";
        if (kept && name == "a") {
            out += "<a href=\"";
            escape_html(out, attribute(c, "href"));
            out += "\">";
        } else if (kept) {
            out += "<" + std::string(name) + ">";
        }
        inline_html(c, out, depth + 1);
        if (kept) out += "</" + std::string(name) + ">";
    }
}

// The printed text of an element: our markup, typographic quotes and all.
Text text_of(const SourceFile& file, const xmlNode* n) {
    std::string html;
    inline_html(n, html);
    TextRules rules;
    rules.clean = [](std::string_view s) { return html_to_markup(s); };
    return Text{printed(html, rules), pos_of(file, n)};
}

void add_paragraph(Text& to, const Text& p) {
    if (p.empty()) return;
    if (to.empty()) {
        to = p;
        return;
    }
    to.value += "\n\n" + p.value;
}

bool blank(const xmlNode* n) {
    if (!n->content) return true;
    for (const xmlChar* p = n->content; *p; ++p)
        if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p != 0xC2 && *p != 0xA0) return false;
    return true;
}

// "Step 1 icon", "Step 2 image", "": an alternative text that does not say
// what the picture shows.
bool weak_alt(std::string_view alt) {
    std::string word;
    auto weak_word = [](const std::string& w) {
        return w.empty() || w == "step" || w == "icon" || w == "image" || w == "picture" || w == "graphic" ||
               w == "illustration" || w.find_first_not_of("0123456789") == std::string::npos;
    };
    for (char c : std::string(alt) + " ") {
        if (c == ' ' || c == '\t' || c == '\n' || c == '-' || c == ':' || c == '.') {
            if (!weak_word(word)) return false;
            word.clear();
        } else {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return true;
}

// Walks the body of lers-explained.md in document order.
class ExplainerReader {
public:
    ExplainerReader(SourceFile file, Diagnostics& diags) : file_(std::move(file)), diags_(diags) {}

    std::vector<ExplainerSection> read(const xmlNode* first) {
        walk_list(first);
        finish_step();
        if (out_.empty()) msg::explainer_unexpected(diags_, SourcePos{file_, 0, 0}, "found no <h1> heading");
        return std::move(out_);
    }

private:
    void walk(const xmlNode* n) {
        if (++depth_ >= limits::kMaxSitePageNesting)
            outside(n, "elements nested deeper than " + std::to_string(limits::kMaxSitePageNesting));
        else
            walk_list(n->children);
        --depth_;
    }
    void walk_list(const xmlNode* first) {
        for (const xmlNode* c = first; c; c = c->next) {
            if (c->type == XML_ELEMENT_NODE)
                element(c);
            else if (c->type == XML_TEXT_NODE && !blank(c))
                outside(c, "text outside a paragraph, heading or list");
        }
    }

    void element(const xmlNode* e) {
        const std::string_view name = name_of(e);
        if (name == "h1") return section(e);
        if (name == "p") return paragraph(e);
        if (name == "ul" || name == "ol") return list(e);
        if (name == "img") return picture(e);
        if (name == "h2" || name == "h3" || name == "h4") return step_title(e);
        if (name == "script" || name == "style" || name == "head") return;
        walk(e);
    }

    // Something the site shows that has no place here: said once, left out.
    void outside(const xmlNode* n, const std::string& what) {
        if (warned_) return;
        warned_ = true;
        msg::explainer_unexpected(diags_, pos_of(file_, n), what);
    }

    void section(const xmlNode* e) {
        finish_step();
        ExplainerSection s;
        s.title = text_of(file_, e);
        s.pos = s.title.pos;
        // an empty <h1> starts no section (ours needs a title): what follows
        // stays in the section before
        if (s.title.empty()) return msg::explainer_unexpected(diags_, s.pos, "an empty <h1> heading");
        out_.push_back(std::move(s));
    }

    void paragraph(const xmlNode* e) {
        if (out_.empty()) return outside(e, "a paragraph before the first <h1> heading");
        const Text t = text_of(file_, e);
        if (step_) add_paragraph(step_->text, t);
        else add_paragraph(out_.back().text, t);
    }

    void list(const xmlNode* e) {
        if (out_.empty()) return outside(e, "a list before the first <h1> heading");
        for (const xmlNode* c = e->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            if (name_of(c) != "li") {
                outside(c, "something other than <li> in a list");
                continue;
            }
            Text t = text_of(file_, c);
            if (!t.empty()) out_.back().bullets.push_back(std::move(t));
        }
    }

    void picture(const xmlNode* e) {
        if (out_.empty()) return outside(e, "a picture before the first <h1> heading");
        finish_step();
        step_.emplace();
        step_->pos = pos_of(file_, e);
        std::string src = trim(attribute(e, "src"));
        while (src.rfind("./", 0) == 0) src.erase(0, 2);
        if (src.empty()) {
            msg::explainer_unexpected(diags_, step_->pos, "a picture with no src");
            return;
        }
        step_->picture = Picture{src, trim(attribute(e, "alt")), step_->pos};
    }

    void step_title(const xmlNode* e) {
        if (out_.empty()) return outside(e, "a heading before the first <h1> heading");
        if (step_ && !step_->title.empty()) finish_step();
        if (!step_) {
            step_.emplace();
            step_->pos = pos_of(file_, e);
        }
        step_->title = text_of(file_, e);
    }

    void finish_step() {
        if (!step_) return;
        ExplainerStep st = std::move(*step_);
        step_.reset();
        if (st.title.empty() && st.text.empty()) {
            msg::explainer_unexpected(diags_, st.pos, "a picture with no step title or text after it");
            return;
        }
        ExplainerSection& s = out_.back();
        // named "Step N" in the edition's language once it is known (load::name_website)
        st.unnamed_number = static_cast<int>(s.steps.size()) + 1;
        st.unnamed_picture = st.picture && weak_alt(st.picture->alt);
        // a step needs a title (ours requires one): an untitled step is "Step N"
        st.untitled = st.title.empty();
        s.steps.push_back(std::move(st));
    }

    SourceFile file_;
    Diagnostics& diags_;
    std::vector<ExplainerSection> out_;
    std::optional<ExplainerStep> step_;  // the step being read: a picture, then its title and text
    bool warned_ = false;
    std::size_t depth_ = 0;
};

}  // namespace

std::vector<ExplainerSection> read_explainer(const std::string& dir, Diagnostics& diags) {
    auto page = read_page(dir, "lers-explained.md", diags);
    if (!page) return {};
    DocPtr doc = parse_html(page->html);
    const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    if (!root) {
        msg::explainer_unexpected(diags, SourcePos{page->file, 0, 0}, "found no HTML");
        return {};
    }
    return ExplainerReader(page->file, diags).read(root);
}

std::optional<Text> read_action_areas_intro(const std::string& dir, Diagnostics& diags) {
    auto page = read_page(dir, "_includes/action-areas-intro.html", diags);
    if (!page) return std::nullopt;
    DocPtr doc = parse_html(page->html);
    const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    // The first <p>, in document order.
    std::vector<const xmlNode*> todo;
    if (root) todo.push_back(root);
    while (!todo.empty()) {
        const xmlNode* n = todo.back();
        todo.pop_back();
        if (name_of(n) == "p") {
            Text t = text_of(page->file, n);
            if (!t.empty()) return t;
        }
        std::vector<const xmlNode*> kids;
        for (const xmlNode* c = n->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE) kids.push_back(c);
        todo.insert(todo.end(), kids.rbegin(), kids.rend());
    }
    msg::site_page_no_paragraph(diags, SourcePos{page->file, 0, 0}, "_includes/action-areas-intro.html");
    return std::nullopt;
}

bool about_says_cc_by(const std::string& dir) {
    Diagnostics ignored;  // the About page only tells the licence; nothing of it is printed
    auto page = read_page(dir, "about.md", ignored);
    return page && page->html.find("creativecommons.org/licenses/by/4.0") != std::string::npos;
}

}  // namespace lerbrief::load
