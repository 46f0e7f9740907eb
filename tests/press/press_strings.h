#pragma once
// The strings files as lerbrief reads them (strings/en.yaml, strings/es.yaml),
// for the print manifest's words.
#include "model/strings.h"

namespace lerbrief::test {

const Strings& english();
const Strings& spanish();

}  // namespace lerbrief::test
