// Document information dictionary and catalog /Lang.
#include <fmt/format.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <cctype>

#include "render/document_parts.h"
#include "render/render_error.h"
#include "render/text_codes.h"

namespace lerbrief::render {

namespace {

// "YYYY-MM-DDTHH:MM:SS" with an optional "Z"; libharu checks the ranges.
HPDF_Date parse_date(const std::string& s) {
    static constexpr char kPattern[] = "dddd-dd-ddTdd:dd:dd";
    bool ok = s.size() == 19 || (s.size() == 20 && s.back() == 'Z');
    for (std::size_t i = 0; ok && i < 19; ++i)
        ok = kPattern[i] == 'd' ? std::isdigit(static_cast<unsigned char>(s[i])) != 0 : s[i] == kPattern[i];
    if (!ok) throw RenderError(fmt::format("pdf: metadata date '{}' is not YYYY-MM-DDTHH:MM:SS", s));
    auto num = [&](std::size_t at, std::size_t len) { return std::stoi(s.substr(at, len)); };
    return HPDF_Date{num(0, 4), num(5, 2), num(8, 2), num(11, 2), num(14, 2), num(17, 2), 'Z', 0, 0};
}

void set_language(HpdfDoc& doc, const std::string& lang) {
    for (char c : lang)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-')
            throw RenderError(fmt::format("pdf: language '{}' is not a language tag like en-US", lang));
    HPDF_Doc pdf = doc.get();
    doc.check("setting /Lang",
              HPDF_Dict_Add(pdf->catalog, "Lang", HPDF_String_New(pdf->mmgr, lang.c_str(), nullptr)));
}

}  // namespace

void write_metadata(HpdfDoc& doc, const layout::Metadata& meta) {
    const std::pair<HPDF_InfoType, const std::string*> strings[] = {
        {HPDF_INFO_TITLE, &meta.title},     {HPDF_INFO_AUTHOR, &meta.author},
        {HPDF_INFO_SUBJECT, &meta.subject}, {HPDF_INFO_KEYWORDS, &meta.keywords},
        {HPDF_INFO_CREATOR, &meta.creator},
    };
    for (const auto& [type, value] : strings) {
        if (value->empty()) continue;
        pdf_code_points(*value, "metadata");
        doc.check("HPDF_SetInfoAttr", HPDF_SetInfoAttr(doc.get(), type, value->c_str()));
    }
    if (!meta.date.empty()) {
        HPDF_Date date = parse_date(meta.date);
        doc.check("setting the creation date " + meta.date,
                  HPDF_SetInfoDateAttr(doc.get(), HPDF_INFO_CREATION_DATE, date));
        doc.check("setting the modification date " + meta.date,
                  HPDF_SetInfoDateAttr(doc.get(), HPDF_INFO_MOD_DATE, date));
    }
    if (!meta.language.empty()) set_language(doc, meta.language);
}

}  // namespace lerbrief::render
