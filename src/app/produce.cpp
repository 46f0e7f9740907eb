#include "app/produce.h"

#include <ostream>

namespace lerbrief {

ExitStatus produce(const Options&, const Content&, Diagnostics&, Timings&, std::ostream&, std::ostream& err) {
    err << "lerbrief: error: writing PDFs is not available yet\n";
    return ExitStatus::internal_error;
}

}  // namespace lerbrief
