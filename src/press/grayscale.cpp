#include "press/grayscale.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>

#include "diagram/image_streams.h"
#include "diagram/style.h"
#include "model/cache_epoch.h"

namespace lerbrief::press {

using namespace layout;

namespace {

Color gray(const Color& c) {
    const double g = luminance_gray(c);
    return {g, g, g};
}

// An icon's gray copy, made once per process: the same icons appear in the
// booklet and in every fact sheet (each document converts on its own thread).
std::shared_ptr<const Raster> gray_raster(const std::shared_ptr<const Raster>& colour) {
    static MadeFrom<Raster, Raster> grays;
    return grays.get(colour, [](const Raster& c) {
        auto r = std::make_shared<Raster>(c);
        r->key += "#gray";
        if (r->rgba.empty()) {  // a picture with only its streams: their pixels, and streams of its own later
            std::vector<std::uint8_t> scratch;
            diagram::pixels(c, scratch);  // c.rgba is empty: they are inflated into scratch
            r->rgba = std::move(scratch);
            r->streams = nullptr;
        }
        for (std::size_t p = 0; p + 3 < r->rgba.size(); p += 4) {
            const Color rgb{r->rgba[p] / 255.0, r->rgba[p + 1] / 255.0, r->rgba[p + 2] / 255.0};
            const auto v = static_cast<std::uint8_t>(std::lround(luminance_gray(rgb) * 255));
            r->rgba[p] = r->rgba[p + 1] = r->rgba[p + 2] = v;
        }
        return r;
    });
}

// The frames of shapes drawn by reference (an icon's art, GroupItem::reuse)
// turned gray once per process, like rasters: each document's copy at the
// same address, so the writer compresses its form once (render/pdf_forms.h).
std::shared_ptr<const Frame> gray_art(const std::shared_ptr<const Frame>& colour) {
    static MadeFrom<Frame, Frame> grays;
    return grays.get(colour, [](const Frame& c) { return recoloured(c, gray); });
}

// Frames are shared (the diagram appears on many pages): each is converted
// once per document. Only colours change: every item keeps its tag (the same
// element, issue 17), so the photocopy edition reads like the colour one.
class Converter {
public:
    void frame(Frame& f) {
        for (auto& item : f.items) std::visit([this](auto& i) { convert(i); }, item);
    }

private:
    std::map<const Frame*, std::shared_ptr<const Frame>> frames_;

    void convert(Shape& s) {
        if (s.fill) s.fill = gray(*s.fill);
        if (s.stroke) s.stroke = gray(*s.stroke);
    }
    void convert(QrItem& q) { q.color = gray(q.color); }
    void convert(TextItem& t) { t.color = luminance_gray(t.color) > kLightText ? kWhite : kBlack; }
    void convert(LinkItem&) {}
    void convert(ImageItem& i) {
        if (i.raster) i.raster = gray_raster(i.raster);
    }
    void convert(GroupItem& g) {
        if (!g.frame) return;
        if (g.reuse && std::all_of(g.frame->items.begin(), g.frame->items.end(), [](const Item& i) {
                return std::holds_alternative<Shape>(i);
            })) {  // an icon's art: the same gray copy in every document
            g.frame = gray_art(g.frame);
            return;
        }
        auto& done = frames_[g.frame.get()];
        if (!done) {
            auto f = std::make_shared<Frame>(*g.frame);
            frame(*f);
            done = std::move(f);
        }
        g.frame = done;
    }
};

}  // namespace

double luminance_gray(const Color& c) {
    const double y = diagram::relative_luminance(c);
    const double g = y <= 0.0031308 ? 12.92 * y : 1.055 * std::pow(y, 1 / 2.4) - 0.055;
    // rounded so that equal colours give equal grays on every machine
    return std::round(std::clamp(g, 0.0, 1.0) * 1000) / 1000;
}

void to_grayscale(Document& doc) {
    Converter c;
    for (auto& page : doc.pages) c.frame(page.frame);
}

}  // namespace lerbrief::press
