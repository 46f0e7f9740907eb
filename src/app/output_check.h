#pragma once
// Before layout: what the build makes of the content that is not content
// itself, checked so that --check refuses what the build would. The file
// name of each fact sheet, `<id>.pdf`, is one a file system takes; each
// group's map link (base URL + id) fits a QR code, or its fact sheet goes
// without one (compose::qr_block), with one warning naming where the base
// URL came from.
#include <string>
#include <vector>

#include "app/document_plan.h"
#include "app/options.h"
#include "app/print_plan.h"
#include "model/layout_spec.h"
#include "model/content.h"
#include "model/diagnostic.h"

namespace lerbrief {

// Errors at the id of each sheet of `jobs` whose file name comes from its id.
void check_sheet_names(const std::vector<PlannedDocument>& jobs, Diagnostics& diags);

// The Windows device name `id` is (CON, PRN, AUX, NUL, COM1–9, LPT1–9, in
// any case), or empty.
std::string reserved_device_name(const std::string& id);

// An error at the layout when its page, imposed two to a sheet and given
// bleed and crop marks as `plan` asks, makes a sheet over the PDF's 200 in.
void check_sheet_size(const LayoutSpec& spec, const PrintPlan& plan, Diagnostics& diags);

// One warning when a group with a fact sheet has a map link over limits::kMaxQrBytes.
void check_qr_links(const Content& content, const Options& options, Diagnostics& diags);

}  // namespace lerbrief
