#pragma once
// The public URL of a website folder's group pages: https://<CNAME><permalink
// without :name>. The CNAME must be a plain host name and the permalink a URL
// path; when they cannot make a URL there is a warning and no URL (the groups
// then print without links or QR codes), never an error.
#include <string>
#include <string_view>

#include "messages/website.h"
#include "model/diagnostic.h"

namespace lerbrief::load {

// "https://lermap.t3networkhub.org/stakeholder/", or "" (no CNAME, or a bad one).
std::string site_base_url(const std::string& dir, Diagnostics& diags);

// The site's language, from `lang:` in _config.yml (which Jekyll's themes
// print as <html lang>): "es", or "" when there is none. A value that is not
// a BCP 47 tag is a warning and "".
std::string site_language(const std::string& dir, Diagnostics& diags);

// What is wrong with `host` (the CNAME's text, trimmed): fault none when it
// is a host name.
msg::UrlProblem check_host_name(std::string_view host);

}  // namespace lerbrief::load
