#pragma once
// The import: a copy of the LER Ecosystem Map website, loaded into the
// content model, turned into our schema (docs/CONTENT.md, "Importing the
// website's data"). A pure step: it reads no file and writes none. It gets
// the content, what the target folder already holds, and the editorial
// corrections, and returns the files to write (path relative to the target
// folder, and text) and the files to copy (icons, pictures). src/app/
// import_job.cpp reads and writes.
#include <optional>
#include <string>
#include <vector>

#include "model/content.h"
#include "model/diagnostic.h"

namespace lerbrief::import {

// corrections.yaml: where the website copy comes from, and the editorial
// corrections applied to the files the import writes.
struct SourceBlock {
    std::string name, repository, commit, date, license;
};
struct Correction {
    std::string file;  // relative to the target folder: "stakeholders/funders.yaml"
    std::string find, replace, why;
    SourcePos pos;
};
struct Corrections {
    bool present = false;  // the target folder has a corrections.yaml
    SourceBlock source;
    std::vector<Correction> items;
};

// What the target folder holds before the import.
struct Existing {
    const Content* ours = nullptr;          // the folder in our schema, when it is one
    std::vector<std::string> hand_written;  // which of hand_written_files() exist there
};

// The files the import never overwrites once they exist.
const std::vector<std::string>& hand_written_files();  // intro.yaml, document.yaml, lers-explained.yaml

struct OutputFile {
    std::string path;  // relative to the target folder
    std::string text;
    bool hand_written = false;  // written because the folder had none; kept from now on
};
struct CopyFile {
    std::string from;  // a file of the website copy (as the content names it, or resolved)
    std::string to;    // relative to the target folder: icons/<name>.svg, pictures/<name>.png
};
struct AppliedCorrection {
    const Correction* correction = nullptr;
    std::size_t count = 0;  // places it changed; 0: it no longer matches
    bool skipped = false;   // its file is hand-written and kept: not applied
};

struct Plan {
    std::vector<OutputFile> files;
    std::vector<CopyFile> copies;
    std::vector<std::string> kept;  // hand-written files left as they are
    std::vector<AppliedCorrection> corrections;
};

// The website's content (with the introduction the build would use) in our
// schema. Warnings (a correction that no longer matches) go to `diags`.
// `site_label` names the website copy in SOURCE.md.
Plan import_site(const Content& site, const Existing& existing, const Corrections& corrections,
                 const std::string& site_label, Diagnostics& diags);

// Reads <dir>/corrections.yaml when there is one (our YAML reader, its checks).
Corrections read_corrections(const std::string& dir, Diagnostics& diags);

}  // namespace lerbrief::import
