// QR codes through libqrencode, drawn as vector squares: one filled path of
// pure black rectangles (horizontal runs of dark modules merged), so the code
// stays sharp at any size and prints black on a grayscale printer. The frame
// holds a QrItem (the module matrix); renderers expand it with qr_shape().
#include <qrencode.h>

#include <memory>
#include <stdexcept>

#include "compose/figures.h"
#include "layout/paragraph.h"
#include "messages/compose.h"
#include "model/limits.h"

namespace lerbrief::compose {

using namespace layout;

namespace {
constexpr int kQuietZoneModules = 4;
// The printed URL stays readable: never below this size.
constexpr double kMinUrlSize = 6.5;
struct QrFree {
    void operator()(QRcode* q) const { QRcode_free(q); }
};
}  // namespace

std::string short_url(const std::string& url) {
    auto p = url.find("://");
    std::string s = p == std::string::npos ? url : url.substr(p + 3);
    if (s.rfind("www.", 0) == 0) s.erase(0, 4);
    while (!s.empty() && s.back() == '/') s.pop_back();
    return s;
}

std::shared_ptr<const Frame> qr_block(const std::string& url, const Tools& tools, double module, double width) {
    // A link over what a code holds was warned about before layout (app/output_check.cpp).
    if (url.size() > limits::kMaxQrBytes || url.find('\0') != std::string::npos) return nullptr;
    std::unique_ptr<QRcode, QrFree> qr(QRcode_encodeString(url.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!qr) throw std::runtime_error(msg::qr_not_encoded_text(url));  // out of memory: never content
    const int n = qr->width;
    const double side = (n + 2 * kQuietZoneModules) * module;
    auto frame = std::make_shared<Frame>();
    frame->width = width;
    frame->height = side;
    // Kept as bits and drawn as rectangles only when rendered (layout::qr_shape):
    // a booklet of 2,000 fact sheets holds 2,000 codes until it is drawn.
    QrItem code;
    code.module = module;
    code.side = n;
    code.quiet = kQuietZoneModules;
    code.bits.assign((static_cast<std::size_t>(n) * static_cast<std::size_t>(n) + 7) / 8, 0);
    for (std::size_t i = 0; i < static_cast<std::size_t>(n) * static_cast<std::size_t>(n); ++i)
        if (qr->data[i] & 1) code.bits[i / 8] |= static_cast<std::uint8_t>(1u << (i % 8));
    code.tag = make_tag(Role::figure, nullptr, tools.strings->fill(Str::qr_alt, {{"url", url}}));
    frame->items.push_back(std::move(code));
    const Tag text = make_tag(Role::p);  // the label and the printed URL: one paragraph, its links in it
    // the short URL beside the code, linked
    const LayoutSpec& spec = *tools.spec;
    const TypeStyle& ls = spec.style("small");
    const TypeStyle& lab = spec.style("label");
    const FontId f = tools.fonts->id(ls.font), fl = tools.fonts->id(lab.font);
    const double x = side + 6;
    const std::string& label = (*tools.strings)(Str::qr_label);
    const std::string shown = short_url(url);
    // One line when it fits at the small style's size; else two lines, broken
    // after the last '/', each shrunk no further than kMinUrlSize.
    std::vector<std::string> lines{shown};
    double size = ls.size;
    const double room = width - x;
    if (text_width(*tools.fonts, f, shown, size) > room) {
        auto slash = shown.rfind('/');
        if (slash != std::string::npos && slash + 1 < shown.size())
            lines = {shown.substr(0, slash + 1), shown.substr(slash + 1)};
        for (const auto& l : lines) {
            const double w = text_width(*tools.fonts, f, l, size);
            if (w > room) size = std::max(kMinUrlSize, size * room / w);
        }
    }
    const double mid = side / 2;
    frame->items.push_back(TextItem{{x, mid - 3}, fl, lab.size, to_color(lab.color), label,
                                    text_width(*tools.fonts, fl, label, lab.size), false, text});
    double y = mid + size + 1;
    for (const auto& l : lines) {
        const double w = text_width(*tools.fonts, f, l, size);
        frame->items.push_back(TextItem{{x, y}, f, size, kBlack, l, w, false, text});
        frame->items.push_back(LinkItem{{x, y - size}, w, size + 2, url, -1, 0, text});
        y += size * 1.2;
    }
    frame->items.push_back(LinkItem{{0, 0}, side, side, url, -1, 0, text});  // the code's link: with the URL's
    return frame;
}

}  // namespace lerbrief::compose
