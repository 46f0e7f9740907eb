#include "synthetic.h"

#include <fmt/format.h>

#include <array>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace lerbrief::bench {

namespace fs = std::filesystem;

namespace {

// Words of the ecosystem's own vocabulary; text drawn from them hyphenates
// and breaks like the real content.
constexpr std::array kWords = {
    "learning",     "employment",   "records",      "credentials", "skills",       "verifiable",
    "learners",     "earners",      "employers",    "institutions", "workforce",   "development",
    "opportunities", "competencies", "transcripts", "digital",      "wallets",     "issuers",
    "standards",    "interoperable", "data",        "systems",      "pathways",    "hiring",
    "education",    "training",     "programs",     "experience",   "achievement", "evidence",
    "trusted",      "portable",     "recognition",  "access",       "equity",      "outcomes",
    "partners",     "networks",     "governance",   "policy",       "adoption",    "scale",
    "quality",      "assessment",   "career",       "navigation",   "talent",      "matching",
    "the",          "and",          "of",           "to",           "in",          "for",
    "with",         "across",       "their",        "that",         "more",        "through",
    "regional",     "state",        "community",    "colleges",     "apprenticeships", "providers",
    "technology",   "services",     "information",  "validation",   "comprehensive", "infrastructure",
};

class Rng {
public:
    explicit Rng(std::uint64_t seed) : s_(seed) {}
    std::uint64_t next() {  // splitmix64
        std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int between(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }

private:
    std::uint64_t s_;
};

// A sentence-cased run of `words` words ending in a full stop, with a comma now and then.
std::string sentence(Rng& r, int words, bool stop = true) {
    std::string out;
    for (int i = 0; i < words; ++i) {
        std::string w = kWords[r.next() % kWords.size()];
        if (i == 0) w[0] = static_cast<char>(w[0] - 'a' + 'A');
        if (i > 0) out += (i % 9 == 0 && i + 2 < words) ? ", " : " ";
        out += w;
    }
    return stop ? out + "." : out;
}

std::string text(Rng& r, int lo, int hi) {
    int n = r.between(lo, hi);
    std::string out;
    while (n > 0) {
        int k = std::min(n, r.between(8, 18));
        out += (out.empty() ? "" : " ") + sentence(r, k);
        n -= k;
    }
    return out;
}

// Double-quoted YAML: the generated text holds letters, spaces, commas and
// full stops only.
std::string q(const std::string& s) { return "\"" + s + "\""; }

void write(const fs::path& p, const std::string& s) {
    std::ofstream f(p, std::ios::binary | std::ios::trunc);
    if (!(f << s)) throw std::runtime_error("cannot write " + p.string());
}

constexpr const char* kPhases[] = {"developing", "issuing", "using", "adopting"};
constexpr const char* kAreas[] = {"promoting", "building", "gathering", "supporting"};

std::string group(Rng& r, int index) {
    const std::string id = fmt::format("group-{:05d}", index);
    std::string y = "id: " + id + "\n";
    y += "name: " + q(sentence(r, r.between(2, 4), false) + fmt::format(" {}", index)) + "\n";
    y += "definition: " + q(text(r, 20, 40)) + "\n";
    y += "examples: " + q(text(r, 15, 30)) + "\n";
    y += "roles:\n";
    for (const char* p : kPhases) {
        y += fmt::format("  - phase: {}\n    bullets:\n", p);
        for (int b = r.between(1, 2); b > 0; --b) y += "      - " + q(text(r, 8, 16)) + "\n";
    }
    y += "action-areas:\n";
    const int first = r.between(0, 3), count = r.between(2, 3);
    for (int k = 0; k < count; ++k) {
        const char* a = kAreas[(first + k) % 4];
        if (k == 0) {
            y += fmt::format("  - area: {}\n    bullets:\n", a);
            for (int b = r.between(1, 2); b > 0; --b) y += "      - " + q(text(r, 10, 18)) + "\n";
        } else {
            y += fmt::format("  - {}\n", a);
        }
    }
    for (const char* c : {"business-case", "social-case"}) {
        y += std::string(c) + ":\n";
        for (int b = 0; b < 2; ++b)
            y += "  - title: " + q(sentence(r, r.between(2, 4), false)) + "\n    description: " + q(text(r, 10, 22)) + "\n";
    }
    y += "quote:\n  text: " + q(text(r, 20, 40)) + "\n  attribution: " + q(sentence(r, r.between(3, 6), false)) + "\n";
    return y;
}

std::string small_group(Rng& r, int index) {
    const std::string id = fmt::format("group-{:05d}", index);
    return "id: " + id + "\nname: " + q(fmt::format("Group {}", index)) + "\ndefinition: " + q(sentence(r, 10)) + "\n";
}

}  // namespace

void write_synthetic_content(const fs::path& dir, const fs::path& bundled, const SyntheticSize& size) {
    if (size.groups < 1) throw std::runtime_error("synthetic content needs at least one group");
    fs::create_directories(dir / "stakeholders");
    for (const auto& e : fs::directory_iterator(dir / "stakeholders")) fs::remove(e.path());
    for (const char* f : {"intro.yaml", "phases.yaml", "action-areas.yaml"})
        fs::copy_file(bundled / f, dir / f, fs::copy_options::overwrite_existing);
    Rng r(size.seed);
    write(dir / "document.yaml",
          fmt::format("title: Synthetic Briefing of {} Groups\nauthor: lerbrief benchmark\n"
                      "subject: Synthetic content for the benchmark\nlanguage: en-US\n"
                      "base-url: https://example.org/stakeholder/\n"
                      "source:\n  name: lerbrief benchmark\n  url: https://example.org\n"
                      "  license: CC0 1.0 Universal (public domain dedication)\n",
                      size.groups));
    for (int i = 1; i <= size.groups; ++i)
        write(dir / "stakeholders" / fmt::format("group-{:05d}.yaml", i), size.small ? small_group(r, i) : group(r, i));
    std::string g = "terms:\n";
    for (int i = 0, n = size.small ? 10 : std::max(10, size.groups / 2); i < n; ++i) {
        g += "  - term: " + q(sentence(r, r.between(1, 3), false) + fmt::format(" {}", i + 1)) + "\n";
        g += "    definition: " + q(text(r, 12, 40)) + "\n";
        if (i % 5 == 0) g += "    list:\n      - " + q(text(r, 6, 12)) + "\n      - " + q(text(r, 6, 12)) + "\n";
    }
    write(dir / "glossary.yaml", g);
    std::string res = "resources:\n";
    for (int k = 0, groups = size.small ? 2 : std::max(2, size.groups / 50); k < groups; ++k) {
        res += "  - name: " + q(sentence(r, 2, false)) + "\n    items:\n";
        for (int i = 0; i < 10; ++i)
            res += "      - title: " + q(sentence(r, r.between(4, 9), false)) + "\n        author: " +
                   q(sentence(r, 2, false)) + fmt::format("\n        url: https://example.org/r/{}/{}\n", k, i);
    }
    write(dir / "resources.yaml", res);
}

}  // namespace lerbrief::bench
