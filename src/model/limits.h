#pragma once
// Every limit lerbrief puts on its input, in one place (as harfbuzz does in
// hb-limits.hh). Content files are edited by hand and passed around; these
// bounds keep a hostile or broken file from crashing the run, hanging it or
// eating the machine's memory. Each limit has its own message naming it and
// the place that went over it (src/load/messages.cpp).
#include <cstddef>

namespace lerbrief::limits {

// A content or layout file. The real website data is ~60 KB all told.
inline constexpr std::size_t kMaxFileBytes = 2 * 1024 * 1024;
// Nesting of YAML collections (our schema needs 5). Checked before parsing
// for `- - - …` and `[[[…` runs, which make yaml-cpp 0.7 use quadratic memory
// or recurse deeply, and again on the parsed events.
inline constexpr int kMaxDepth = 32;
// One string value. libharu clamps strings at 65,535 bytes.
inline constexpr std::size_t kMaxScalarBytes = 64 * 1024;
// Values (scalars, lists and mappings) in one YAML file. Each costs about
// 100 bytes once read (load/yaml_tree.h), so a 2 MiB file of a million
// one-letter values would take over 100 MB; the largest real file (a
// glossary of a few thousand terms) has tens of thousands.
inline constexpr std::size_t kMaxYamlValues = 200'000;
// Items in one list (bullets, terms, resources…).
inline constexpr std::size_t kMaxListItems = 10'000;
// Stakeholder groups in one content folder (the benchmark goes to 5,000).
inline constexpr std::size_t kMaxStakeholders = 10'000;
// Files in the stakeholders/ folder that are read.
inline constexpr std::size_t kMaxFiles = 10'000;
// Pages in one output document (the booklet or one fact sheet): checked after
// layout, before anything is rendered or written.
inline constexpr std::size_t kMaxPages = 50'000;
// A document's compressed page streams held in memory until it is saved;
// past this, its pages wait in a temporary file (render/page_spool.h). The
// website's booklet holds about 0.2 MB; a booklet of 2,000 groups 8.3 MB.
inline constexpr std::size_t kPageSpoolAfterBytes = 1024 * 1024;

// Finished pages whose content streams wait to be compressed on a second
// thread (render/page_compressor.h) while the next pages are drawn; the
// drawing waits when this many wait. Each holds its uncompressed stream
// (~22 KB a page), as a page did before it was compressed.
inline constexpr std::size_t kMaxPagesWaitingToCompress = 4;

// Icons (SVG). A file larger than kMaxIconBytes is refused before it is
// parsed (the map website's illustrations are 5–30 KB), and no raster over
// kMaxIconPixels (width × height) is allocated: 2048² = 16 MB of RGBA. A
// 48 pt icon at 300 dpi is 200², a 3 in icon at 600 dpi 1800².
inline constexpr std::size_t kMaxIconBytes = 1024 * 1024;
inline constexpr std::size_t kMaxIconPixels = 2048 * 2048;
// What one icon may ask librsvg to do, measured by diagram/svg_guard.cpp
// before it draws anything (a small file can ask for a lot: <use> of a group
// of ten <use>, six levels deep, is a million shapes; librsvg gives up only
// after half a million, seconds later, for each such icon).
// The map's illustrations have at most ~100 elements, nest 6 deep, use no
// <use> and no filter; an icon over a limit is left out with a warning.
//   Elements in the file: keeps the guard's own bookkeeping small.
inline constexpr std::size_t kMaxIconElements = 10'000;
//   Elements drawn once every <use> and url(#…) reference is expanded: the
//   rendering time (18,000 shapes in groups with opacity took 0.85 s at the
//   diagram's 200 px; at this limit an icon takes under half a second).
inline constexpr std::size_t kMaxIconExpandedElements = 10'000;
//   Chain of <use> references (a <use> of something holding a <use>…).
inline constexpr std::size_t kMaxIconUseDepth = 8;
//   Element nesting, counting through references: each level that is a
//   group with opacity, a mask or a filter is one more raster in memory.
inline constexpr std::size_t kMaxIconNesting = 48;
//   Filter primitives applied (each one works on every pixel of the icon),
//   with references expanded: 62 blurs took 0.9 s at 200 px. A drop shadow
//   is four or five.
inline constexpr std::size_t kMaxIconFilterPrimitives = 32;
// An icon's drawing recorded as CairoScript (diagram/icon.cpp): the map's
// are 10–60 KB; past this the icon is drawn as a raster.
inline constexpr std::size_t kMaxIconScriptBytes = 16 * 1024 * 1024;
// Everything kept between runs (model/disk_cache.h: icons, pictures, parsed
// YAML, compressed streams): past
// kMaxIconCacheEntries files or kMaxIconCacheBytes the oldest go, down to
// three quarters of both, and an entry over a quarter of the bytes is not
// stored (the map's six step pictures are 3.6 MB together); a raster icon
// keeps its last kMaxIconCacheRasterSizes pixel sizes (the kit draws the
// masked icons at 48 and 72 pt). A run of `--all` on the map keeps about 310
// entries, most of them compressed streams.
inline constexpr std::size_t kMaxIconCacheEntries = 1024;
inline constexpr std::size_t kMaxIconCacheBytes = 64 * 1024 * 1024;
inline constexpr std::size_t kMaxIconCacheRasterSizes = 4;
// Parsed YAML kept between runs (load/yaml_cache.h): only the first
// kMaxYamlCachedFiles YAML files a build reads use the folder (the map's
// website copy is 8 with the strings and layout, the bundled content 19).
// A content of a thousand small files would otherwise push the icons and
// pictures out of the folder, and write its entries again on every run.
inline constexpr std::size_t kMaxYamlCachedFiles = 64;
// Compressed streams kept between runs (render/kept_deflate.h): only the
// first kMaxKeptStreams streams of kMinKeptStreamBytes or more that a build
// compresses use the folder (`--all` on the map compresses about 290: 64
// pages, 55 font files with their ToUnicode CMaps and CIDToGIDMaps, 42
// object streams, 16 icons' forms). A booklet of thousands of pages would
// otherwise push everything else out of the folder; a smaller stream costs
// more to look up than to compress.
inline constexpr std::size_t kMaxKeptStreams = 512;
inline constexpr std::size_t kMinKeptStreamBytes = 512;

// Pictures (the step pictures of "LERs explained", PNG or SVG). A file
// larger than kMaxPictureBytes is refused by the check (load/check.cpp) and
// never read (the map's six are 230–440 KB); a PNG whose
// header (IHDR) declares more than kMaxPicturePixels (width × height) before
// it is decoded: 4096² = 64 MB of ARGB while it is scaled down to 300 ppi of
// its printed size. The map's step pictures are about 1050 × 1250.
// An SVG picture goes through the icon rasteriser and its limits.
inline constexpr std::size_t kMaxPictureBytes = 8 * 1024 * 1024;
inline constexpr std::size_t kMaxPicturePixels = 4096 * 4096;
// A picture is printed at most this many times as tall as it is wide (a
// taller one is set narrower), so a tall, thin image never runs off the page
// and its raster stays small once scaled.
inline constexpr double kMaxPictureAspect = 2.0;

// --diagram FILE.png: pixels (width × height) of the image, 4 bytes each in
// memory while it is drawn and written (36 MB at most). A 16:9 slide at
// 300 dpi is 4000 × 2250, just this; 10in × 10in at 1200 dpi would be 144 M
// pixels (576 MB). Refused as a usage error before any work
// (app/diagram_options.cpp); .svg and .pdf are vector and not limited.
inline constexpr std::size_t kMaxDiagramPixels = 9'000'000;

// The diagram stays readable up to 24 groups and 8 phases; beyond these
// counts it is refused (its layout cost grows with the square).
inline constexpr std::size_t kMaxGroups = 64;
inline constexpr std::size_t kMaxPhases = 12;
// Longest label, in bytes, the diagram wraps.
inline constexpr std::size_t kMaxLabelBytes = 400;
// Participation matrix: most columns (action areas).
inline constexpr std::size_t kMaxMatrixAreas = 16;

// --- text the fonts cannot draw (#13 item 2, app/glyph_cover.cpp) ---
// Characters missing from the fonts named one by one in one field; the rest
// of that field's are counted in one more warning.
inline constexpr std::size_t kMaxGlyphWarningsPerField = 3;
// Characters missing from the fonts named in one job: a whole document in a
// script the fonts lack would otherwise print hundreds of warnings.
inline constexpr std::size_t kMaxGlyphWarnings = 40;
// Values with right-to-left text warned about one by one (load/text_check.cpp);
// the rest are counted in one warning.
inline constexpr std::size_t kMaxRtlWarnings = 10;
// The groups with no content one lint warning names (the rest are counted).
inline constexpr std::size_t kMaxGroupsNamed = 12;
// Diagnostics one run keeps and prints; past them they are only counted, and
// one line says how many more there were. 374 KB of content (5,000 action
// areas, 10,000 references to areas that do not exist) printed 890 MB of
// errors, each with every id in its hint, and took 868 MB to hold them.
inline constexpr std::size_t kMaxDiagnostics = 1'000;
// Ids a hint lists ("known: a, b, … and 4,988 more").
inline constexpr std::size_t kMaxIdsInHint = 12;

// Website (--data SITE): the site's CNAME and permalink make every group's URL.
// A host name is at most 253 bytes in labels of at most 63 (RFC 1035); of
// the CNAME file, only the first kMaxCnameFileBytes are read.
inline constexpr std::size_t kMaxCnameFileBytes = 4096;
inline constexpr std::size_t kMaxHostNameBytes = 253;
inline constexpr std::size_t kMaxHostLabelBytes = 63;
inline constexpr std::size_t kMaxPermalinkBytes = 200;
// A page of the site read for what it prints (lers-explained.md is 8 KB,
// about.md 7 KB, _includes/action-areas-intro.html 400 bytes): a larger one
// is left out with a warning, unparsed.
inline constexpr std::size_t kMaxSitePageBytes = 256 * 1024;
// Elements nested in such a page (lers-explained.md nests 5 deep; libxml2
// stops at 256): deeper ones are left out with a warning, and the reader's
// recursion stays shallow.
inline constexpr std::size_t kMaxSitePageNesting = 64;

// --- What the build makes from the content (#13: --check refuses what the
// build would; app/output_check.cpp, load/check.cpp). ---
// A fact sheet is written as `<id>.pdf`: most file systems (ext4, APFS, NTFS
// in UTF-16 units) take names of at most 255 bytes, and the file is first
// named ".NAME.tmp-PID-RANDOM" (app/atomic_file.cpp: 23 bytes more at most,
// a PID of 7 digits and 9 random ones), so an output's name has 232.
inline constexpr std::size_t kMaxFileNameBytes = 255 - 23;
// A QR code of version 40 at error correction M holds 2,331 bytes (byte
// mode). A group's map link longer than this is printed without a code.
inline constexpr std::size_t kMaxQrBytes = 2331;
// libharu writes PDF strings of at most 65,535 bytes (render/text_codes.h).
inline constexpr std::size_t kMaxPdfStringBytes = 65535;
// A link's address as the PDF holds it (bytes outside printable ASCII
// written %XX) is one such string.
inline constexpr std::size_t kMaxLinkBytes = kMaxPdfStringBytes;
// A PDF page's side (the PDF limit of 200 in, as load/layout_file.cpp takes
// a page): an imposed spread or a page with bleed must stay within it too.
inline constexpr double kMaxPdfPagePt = 14400;

// The convening kit (--kit). Attendees a run prints badges for (an event
// file's attendees: or an --attendees-file): 834 sheets of six; more is an
// error naming the limit. An agenda holds at most kMaxAgendaItems items.
inline constexpr std::size_t kMaxAttendees = 5'000;
inline constexpr std::size_t kMaxAgendaItems = 200;
// Errors reported from one attendees file before reading stops; unknown
// attendee groups warned about one by one before one warning counts the rest.
inline constexpr std::size_t kMaxAttendeesCsvErrors = 20;
inline constexpr std::size_t kMaxUnknownGroupWarnings = 10;
// An --attendees-file is read only up to this size.
inline constexpr std::size_t kMaxAttendeesFileBytes = 2 * 1024 * 1024;

// --watch: at most this many folders are watched (the content folder's tree
// and the folders of the files named on the command line); past it, a
// warning names the limit and the rest of the tree is not watched. Far above
// a content folder's dozen, far below the kernel's default of 8192 watches
// per user.
inline constexpr std::size_t kMaxWatchedFolders = 512;

}  // namespace lerbrief::limits
