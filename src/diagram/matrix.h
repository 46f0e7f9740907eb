#pragma once
// The participation matrix: a second figure, groups as rows and action areas
// as columns, with a dot where a group takes part. Text stays horizontal (a
// TextItem cannot turn), so long area names wrap in their column heads.
#include <string>
#include <vector>

#include "diagram/style.h"
#include "layout/frame.h"

namespace lerbrief::diagram {

// A width-wide figure; its height follows from the content. takes_part[g][a]
// says whether group g takes part in area a; `mark_text` is what a screen
// reader says for a dot (the TD's ActualText), in the edition's language
// ("takes part": the booklet's lead-in says "a dot marks where the group
// takes part"). Group names get up to kLabelColumnShare of the width
// (wrapped); the rest is split evenly between the areas. Heads are bold at
// Style::label_size, smaller when a word would not fit its column (down to
// kFloorLabelSize). The frame's items carry Table/TR/TH/TD tags (place it
// with a null-tagged group). Throws std::invalid_argument when takes_part
// does not match the labels or the counts exceed limits.h.
layout::Frame matrix(const std::vector<std::string>& group_labels, const std::vector<std::string>& area_labels,
                     const std::vector<std::vector<bool>>& takes_part, const std::string& mark_text,
                     const Style& style, const Fonts& fonts, double width);

inline constexpr double kLabelColumnShare = 0.4;

}  // namespace lerbrief::diagram
