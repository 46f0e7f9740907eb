#pragma once
// Reading the strings files: strings/en.yaml (every key, in English) and the
// edition language's file over it (model/strings.h).
//
// The language's file is found by its tag: "es-MX" reads es-MX.yaml if there
// is one, else es.yaml. A key the language's file lacks, or writes with other
// placeholders than the English, is printed in English with a warning naming
// the key; a key the English lacks is an error (lerbrief's files are
// incomplete). A language with no file is printed with English words and
// no hyphenation, with a warning. The typography (`typography:`) is the
// language file's, each field it leaves out taken from English — except the
// hyphenation dictionary, which is never borrowed from another language.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/strings.h"

namespace lerbrief::load {

// `language`: the edition's BCP 47 tag ("en-US", "es"); `at`: where it was
// chosen (document.yaml's language:, or nothing for --language).
Strings load_strings(const std::filesystem::path& folder, std::string_view language, const SourcePos& at,
                     Diagnostics& diags);

// The languages that have a strings file in `folder` ("en", "es"), sorted.
std::vector<std::string> string_languages(const std::filesystem::path& folder);

}  // namespace lerbrief::load
