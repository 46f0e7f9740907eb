#pragma once
// The public URL of a website folder's group pages: https://<CNAME><permalink
// without :name>. The CNAME must be a plain host name and the permalink a URL
// path; when they cannot make a URL there is a warning and no URL (the groups
// then print without links or QR codes), never an error.
#include <string>
#include <string_view>

#include "model/diagnostic.h"

namespace lerbrief::load {

// "https://lermap.t3networkhub.org/stakeholder/", or "" (no CNAME, or a bad one).
std::string site_base_url(const std::string& dir, Diagnostics& diags);

// Why `host` (the CNAME's text, trimmed) is not a host name, with the byte
// offset of the first offending byte; empty `why` when it is one.
struct HostProblem {
    std::string why;
    std::size_t at = 0;
};
HostProblem check_host_name(std::string_view host);

}  // namespace lerbrief::load
