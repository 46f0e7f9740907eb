#include "model/text_fields.h"

namespace lerbrief {

namespace {

struct Walker {
    const TextVisitor& visit;
    SourcePos document;  // document.yaml, for values the model keeps no position of

    void text(Text& t, std::string_view field, TextKind kind) { visit(t.value, t.pos, field, kind); }
    void texts(std::vector<Text>& v, std::string_view field, TextKind kind) {
        for (auto& t : v) text(t, field, kind);
    }
    void plain(std::string& s, const SourcePos& pos, std::string_view field, TextKind kind) { visit(s, pos, field, kind); }
};

void stakeholder_texts(Walker& w, Stakeholder& s) {
    w.text(s.name, "name", TextKind::line);
    w.text(s.short_name, "short-name", TextKind::line);
    if (s.icon) w.plain(s.icon->alt, s.icon->pos, "icon alt", TextKind::metadata);
    w.text(s.definition, "definition", TextKind::paragraph);
    w.text(s.examples, "examples", TextKind::paragraph);
    for (auto& r : s.roles) {
        w.text(r.summary, "roles.summary", TextKind::paragraph);
        w.texts(r.bullets, "roles.bullets", TextKind::paragraph);
    }
    for (auto& cm : s.commitments) w.texts(cm.bullets, "action-areas.bullets", TextKind::paragraph);
    for (auto* cases : {&s.business_case, &s.social_case})
        for (auto& cs : *cases) {
            w.text(cs.title, "case title", TextKind::line);
            w.text(cs.description, "description", TextKind::paragraph);
        }
    if (s.quote) {
        w.text(s.quote->text, "quote.text", TextKind::paragraph);
        w.text(s.quote->attribution, "quote.attribution", TextKind::line);
    }
}

}  // namespace

void for_each_text(Content& c, const TextVisitor& visit) {
    Walker w{visit, {c.meta.title.pos.file, 0, 0}};
    Meta& m = c.meta;
    w.text(m.title, "title", TextKind::line);
    w.text(m.subtitle, "subtitle", TextKind::line);
    w.plain(m.author, w.document, "author", TextKind::metadata);
    w.plain(m.subject, w.document, "subject", TextKind::metadata);
    for (auto& k : m.keywords) w.plain(k, w.document, "keywords", TextKind::metadata);
    w.plain(m.source.name, w.document, "source.name", TextKind::line);
    w.plain(m.source.license, w.document, "source.license", TextKind::line);
    w.plain(m.source.url, w.document, "source.url", TextKind::url);
    w.plain(m.source.license_url, w.document, "source.license-url", TextKind::url);
    w.plain(m.source.authors, w.document, "source.authors", TextKind::line);
    w.plain(m.source.changes, w.document, "source.changes", TextKind::line);
    w.plain(m.base_url, w.document, "base-url", TextKind::url);

    Intro& in = c.intro;
    w.text(in.imagine_title, "imagine-title", TextKind::line);
    w.texts(in.imagine, "imagine", TextKind::paragraph);
    w.text(in.lers_intro, "lers-intro", TextKind::paragraph);
    for (auto& d : in.lers_are) {
        w.text(d.term, "lers-are.term", TextKind::line);
        w.text(d.text, "lers-are.text", TextKind::paragraph);
    }
    w.text(in.ecosystem, "ecosystem", TextKind::paragraph);
    w.text(in.map_text, "map-text", TextKind::paragraph);
    w.text(in.action_areas_intro, "action-areas-intro", TextKind::paragraph);

    for (auto& p : c.phases) {
        w.text(p.title, "phase title", TextKind::line);
        w.text(p.summary, "phase summary", TextKind::paragraph);
    }
    for (auto& a : c.action_areas) {
        w.text(a.title, "action area title", TextKind::line);
        w.text(a.lead, "lead", TextKind::paragraph);
        w.text(a.summary, "summary", TextKind::paragraph);
        w.texts(a.bullets, "bullets", TextKind::paragraph);
    }
    for (auto& s : c.stakeholders) stakeholder_texts(w, s);
    for (auto& g : c.glossary) {
        w.text(g.term, "term", TextKind::line);
        w.text(g.definition, "definition", TextKind::paragraph);
        w.texts(g.list, "list", TextKind::paragraph);
    }
    for (auto& rg : c.resources) {
        w.text(rg.name, "resource group name", TextKind::line);
        for (auto& r : rg.items) {
            w.text(r.title, "resource title", TextKind::line);
            w.text(r.author, "resource author", TextKind::line);
            w.text(r.description, "resource description", TextKind::paragraph);
            w.plain(r.url, r.pos, "resource url", TextKind::url);
        }
    }
    for (auto& sec : c.explainer) {
        w.text(sec.title, "explainer title", TextKind::line);
        w.text(sec.text, "explainer text", TextKind::paragraph);
        w.texts(sec.bullets, "explainer bullets", TextKind::paragraph);
        for (auto& st : sec.steps) {
            w.text(st.title, "step title", TextKind::line);
            w.text(st.text, "step text", TextKind::paragraph);
            if (st.picture) w.plain(st.picture->alt, st.picture->pos, "picture alt", TextKind::metadata);
        }
    }
}

std::size_t text_bytes(const Stakeholder& s) {
    std::size_t n = 0;
    const TextVisitor count = [&n](std::string& v, const SourcePos&, std::string_view, TextKind) { n += v.size(); };
    Walker w{count, s.pos};
    stakeholder_texts(w, const_cast<Stakeholder&>(s));  // the walk only reads: `count` changes no value
    return n;
}

}  // namespace lerbrief
