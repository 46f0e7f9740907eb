// Where icons are kept between runs (app/paths.h: icon_cache_dir), from the
// environment, as the man page says.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <optional>
#include <string>

#include "app/paths.h"
#include "support/support.h"

namespace t = lerbrief::test;

namespace {

// Sets (or, given nothing, unsets) a variable for one scope, then puts it back.
class EnvVar {
public:
    EnvVar(const char* name, std::optional<std::string> value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value) setenv(name, value->c_str(), 1);
        else unsetenv(name);
    }
    ~EnvVar() {
        if (old_) setenv(name_, old_->c_str(), 1);
        else unsetenv(name_);
    }
    EnvVar(const EnvVar&) = delete;
    EnvVar& operator=(const EnvVar&) = delete;

private:
    const char* name_;
    std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("paths: the icon cache's folder comes from LERBRIEF_CACHE_DIR, XDG_CACHE_HOME, then HOME") {
    t::TempDir home;
    const std::string h = home.path().string();
    EnvVar own("LERBRIEF_CACHE_DIR", std::nullopt), xdg("XDG_CACHE_HOME", std::nullopt), hv("HOME", h);
    CHECK(lerbrief::icon_cache_dir() == h + "/.cache/lerbrief/icons");
    {
        EnvVar missing_home("HOME", "/nonexistent/home");  // a home folder is never made
        CHECK(lerbrief::icon_cache_dir().empty());
    }
    {
        EnvVar relative_home("HOME", "relative");
        CHECK(lerbrief::icon_cache_dir().empty());
    }
    {
        EnvVar x("XDG_CACHE_HOME", "/not/made/yet");  // XDG's folder as given: made on the first store
        CHECK(lerbrief::icon_cache_dir() == "/not/made/yet/lerbrief/icons");
    }
    {
        EnvVar x("XDG_CACHE_HOME", "relative");  // not absolute: ignored, as XDG says
        CHECK(lerbrief::icon_cache_dir() == h + "/.cache/lerbrief/icons");
    }
    {
        EnvVar o("LERBRIEF_CACHE_DIR", "/elsewhere");
        CHECK(lerbrief::icon_cache_dir() == "/elsewhere");
    }
    {
        EnvVar o("LERBRIEF_CACHE_DIR", "");  // set and empty: off
        CHECK(lerbrief::icon_cache_dir().empty());
    }
    {
        EnvVar o("LERBRIEF_CACHE_DIR", "relative/cache");
        CHECK(lerbrief::icon_cache_dir().empty());
    }
}
