#include "render/shared_work.h"

#include <set>
#include <string>
#include <system_error>

#include "render/pdf_forms.h"
#include "render/pdf_page.h"

namespace lerbrief::render {

SharedWork shared_work(const layout::Document& document) {
    SharedWork out;
    std::set<const layout::Frame*> forms;
    std::set<std::string> keys;  // a raster by its key, the first seen, as PdfImages embeds it
    for (const auto& page : document.pages)
        for_each_placed(page.frame, [&](const layout::Item& item, double) {
            if (const auto* im = std::get_if<layout::ImageItem>(&item); im && im->raster) {
                if (keys.insert(im->raster->key).second) out.rasters.push_back(im->raster);
            } else if (const auto* g = std::get_if<layout::GroupItem>(&item); g && g->frame && g->reuse) {
                if (forms.insert(g->frame.get()).second) out.forms.push_back(g->frame);
            }
        });
    return out;
}

SharedWorkHelper::SharedWorkHelper(SharedWork work, const PdfImages& images) : work_(std::move(work)), images_(images) {
    if (work_.forms.empty() && work_.rasters.empty()) return;
    try {
        thread_ = std::thread([this] { run(); });
    } catch (const std::system_error&) {  // no thread: the drawing makes it all
    }
}

SharedWorkHelper::~SharedWorkHelper() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
}

void SharedWorkHelper::run() noexcept {
    // from the last page back (a form that is not drawable is drawn inline,
    // and prepare_form leaves it)
    for (auto it = work_.rasters.rbegin(); it != work_.rasters.rend() && !stop_; ++it) try {
            images_.prepare(**it);
        } catch (...) {  // left to the drawing, which meets it again and says so
        }
    for (auto it = work_.forms.rbegin(); it != work_.forms.rend() && !stop_; ++it) try {
            PdfForms::prepare(*it);
        } catch (...) {
        }
}

}  // namespace lerbrief::render
