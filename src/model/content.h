#pragma once
// The content model: what a briefing is made of, independent of where it was
// loaded from (our YAML schema in data/, or the LER Ecosystem Map website's
// _data/ folder). Plain values; every piece of text keeps its source position
// so later stages (glyph coverage, fitting) can point back at the content.
//
// Text values hold our inline markup (docs/CONTENT.md): **bold**, *italic*,
// [label](url), a backslash escapes the next character, and a blank line
// ("\n\n") separates paragraphs. Loaders produce markup; model/markup.h parses
// it.
#include <optional>
#include <string>
#include <vector>

#include "model/source_pos.h"

namespace lerbrief {

struct Text {
    std::string value;  // markup, UTF-8
    SourcePos pos;
    bool empty() const { return value.empty(); }
};

struct Quote {
    Text text;
    Text attribution;  // "Name, Role, Organization"; may be empty
};

// A titled item of a value proposition (business or social case).
struct Case {
    Text title;
    Text description;
};

// What a group does in one phase of the ecosystem.
struct PhaseRole {
    std::string phase;  // Phase::id
    SourcePos pos;
    Text summary;                // optional one-liner (website: subheader)
    std::vector<Text> bullets;
};

// A group's part in one action area: the area's id and, when the content has
// them, the group's own commitments there.
struct Commitment {
    std::string area;  // ActionArea::id
    SourcePos pos;
    std::vector<Text> bullets;
};

struct Icon {
    std::string path;  // as written in the content (relative to the content folder)
    std::string alt;
    SourcePos pos;
};

struct Stakeholder {
    std::string id;  // also the last part of its URL on the online map
    SourcePos pos;
    Text name;
    Text short_name;  // optional, for the diagram; falls back to name
    std::optional<Icon> icon;
    Text definition;
    Text examples;
    std::vector<PhaseRole> roles;
    std::vector<Commitment> commitments;
    std::vector<Case> business_case;
    std::vector<Case> social_case;
    std::optional<Quote> quote;

    // A group "with content" gets a fact sheet; one the content only names
    // does not.
    bool has_content() const { return !definition.empty(); }
    // What the diagram labels the group with: short-name, else name.
    const Text& diagram_label() const { return short_name.empty() ? name : short_name; }
};

struct Phase {
    std::string id;  // developing, issuing, using, adopting
    SourcePos pos;
    Text title;
    Text summary;
};

struct ActionArea {
    std::string id;
    SourcePos pos;
    Text title;
    Text lead;     // optional lead sentence, set bold before the summary (ours only)
    Text summary;
    std::vector<Text> bullets;
};

struct GlossaryTerm {
    Text term;
    Text definition;         // may hold several paragraphs
    std::vector<Text> list;  // numbered senses, when the term has several
    SourcePos pos;
};

struct Resource {
    Text title;
    Text author;
    std::string url;  // may be empty
    Text description;  // may be empty (the website's early flat list had one)
    SourcePos pos;
};

struct ResourceGroup {
    Text name;
    std::vector<Resource> items;
    SourcePos pos;
};

// A picture the content names (a PNG or SVG file inside the content folder),
// with its alternative text.
struct Picture {
    std::string path;  // as written in the content (relative to the content folder)
    std::string alt;
    SourcePos pos;
};

// "LERs explained": the map's own explainer for newcomers. Each section has a
// title, text (paragraphs), bullets, and steps of a scenario, each step with
// an optional picture.
struct ExplainerStep {
    Text title;
    Text text;
    std::optional<Picture> picture;
    SourcePos pos;
    // A website step with no title, or a picture with no useful alternative
    // text: named "Step N" in the edition's language (load::name_website).
    int unnamed_number = 0;
    bool untitled = false, unnamed_picture = false;
};
struct ExplainerSection {
    Text title;
    Text text;  // may hold several paragraphs
    std::vector<Text> bullets;
    std::vector<ExplainerStep> steps;
    SourcePos pos;
};

struct DefinedTerm {  // "what makes an LER different": term + explanation
    Text term;
    Text text;
};

struct Intro {
    Text imagine_title;  // "Imagine a world where…"
    std::vector<Text> imagine;
    Text lers_intro;
    std::vector<DefinedTerm> lers_are;
    Text ecosystem;
    Text map_text;
    Text action_areas_intro;
};

// Where the content comes from, for the attribution its licence asks for
// (CC BY 4.0: title, authors, link, licence, what was changed).
struct Source {
    std::string name;
    std::string url;
    std::string license;
    std::string license_url;  // may be empty
    std::string authors;      // may be empty
    std::string changes;      // what was changed in setting it for print; may be empty
};

struct Meta {
    Text title;
    Text subtitle;
    std::string author;
    std::string subject;
    std::vector<std::string> keywords;
    std::string language = "en-US";
    std::string base_url;  // stakeholder page = base_url + id
    SourcePos base_url_pos;  // where base_url was written (document.yaml); no file: CNAME or --base-url
    std::string date;      // ISO date for the colophon; empty = from SOURCE_DATE_EPOCH
    Source source;
};

enum class SourceKind { ours, website };

struct Content {
    SourceKind kind = SourceKind::ours;
    std::string root;  // the content folder as given
    Meta meta;
    Intro intro;
    std::vector<Phase> phases;
    std::vector<ActionArea> action_areas;
    std::vector<Stakeholder> stakeholders;
    std::vector<GlossaryTerm> glossary;
    std::vector<ResourceGroup> resources;
    std::vector<ExplainerSection> explainer;  // "LERs explained"; may be empty

    const Stakeholder* find_stakeholder(const std::string& id) const;
    const ActionArea* find_area(const std::string& id) const;
    const Phase* find_phase(const std::string& id) const;
};

}  // namespace lerbrief
