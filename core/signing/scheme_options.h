#pragma once

#include <QMap>
#include <QString>

namespace hookbench {

// A scheme's configuration as a small string map, so an endpoint or a subscription can store it
// as JSON or in a key/value table without knowing the scheme. Only `compass` and `hmac` read it;
// the keys are those of HmacRecipe::toConfig().
using SchemeConfig = QMap<QString, QString>;

enum class Diagnosis {
    // On failure, try the usual suspects (body variants, encodings, secret forms).
    Full,
    // Only answer valid or invalid: what the scheme finder uses for its many trial recipes.
    None,
};

struct SchemeOptions
{
    // Unix time in seconds against which timestamps are judged and with which signing stamps.
    qint64 now = 0;
    // Largest accepted distance between a signed timestamp and `now`, either way. Zero or
    // less switches the check off (replaying an old stored delivery on purpose).
    qint64 toleranceSeconds = 300;
    SchemeConfig config;
    Diagnosis diagnosis = Diagnosis::Full;
};

} // namespace hookbench
