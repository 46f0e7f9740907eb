#pragma once
// Website strings carry HTML leftovers: entities (&colon; &#x3b; &amp;) and
// tags (</p><p>, <p class="…">, <br/>, <strong>, <a href>). html_to_markup
// turns them into the characters, paragraph breaks and inline markup they
// mean, and escapes characters that our markup would otherwise read as
// syntax (*, [, ], \).
#include <string>
#include <string_view>

namespace lerbrief::load {

std::string html_to_markup(std::string_view html);

// Decodes one entity at the start of `s` ("&colon;…"); returns the number of
// bytes consumed and appends the character to `out`, or 0 when `s` does not
// start with a known entity (then '&' is a literal ampersand).
std::size_t decode_entity(std::string_view s, std::string& out);

}  // namespace lerbrief::load
