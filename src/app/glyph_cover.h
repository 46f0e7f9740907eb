#pragma once
// Glyph coverage of every string that will be drawn (#13 item 2): the
// content's (model/text_fields.h) and the event line's. Run in produce()
// once the layout's fonts are known, before anything is laid out, so the
// same warnings come out of `--check` and the build, and the PDF writer's
// checks (render/text_codes.cpp, render/pdf_fonts.cpp) stay a last guard no
// content reaches.
//
// A character that some font of the layout lacks, or that lies above U+FFFF
// (libharu draws only the Basic Multilingual Plane), is replaced by U+25A1
// WHITE SQUARE (□) — a visible mark every bundled Liberation face has; they
// lack U+FFFD — or by '?' when a font of the layout lacks U+25A1. Each
// character is named once per field, at most limits::kMaxGlyphWarningsPerField
// per field and limits::kMaxGlyphWarnings per job. Metadata-only values
// (author, subject, keywords) need no font: only characters above U+FFFF are
// replaced there, by U+FFFD.
#include <iosfwd>
#include <optional>

#include "app/exit_status.h"
#include "app/options.h"
#include "compose/compose.h"
#include "layout/fontset.h"
#include "load/text_check.h"
#include "model/content.h"
#include "model/diagnostic.h"
#include "model/layout_spec.h"

namespace lerbrief {

// Replaces, in `content`, `event` and the layout's running heads and feet,
// what the fonts cannot draw, with warnings. A control character in a running
// head or foot (a YAML escape in the layout file) is an error there.
// `from_file`: where --event-file's values are (unknown positions when none).
void cover_glyphs(Content& content, compose::Event& event, const load::EventPositions& from_file, LayoutSpec& spec,
                  const Options& o, const layout::FontSet& fonts, Diagnostics& diags);

}  // namespace lerbrief
