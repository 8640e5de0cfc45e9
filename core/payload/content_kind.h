#pragma once

#include "media_type.h"

#include <QByteArrayView>
#include <QString>
#include <optional>

namespace hookbench {

enum class ContentKind { Empty, Json, Form, Multipart, Xml, Text, Binary };

// Decides how a body is shown: from its media type, and by sniffing when the type is missing
// or too vague to trust (curl -d sends JSON as application/x-www-form-urlencoded).
class ContentClassifier
{
public:
    static ContentKind fromMediaType(const MediaType &type);
    // What the bytes look like: JSON if they open with '{' or '[', XML if with '<?xml' or a tag,
    // a form if only name=value pairs of URL-safe characters, text if valid UTF-8 without control
    // characters, otherwise binary.
    static ContentKind sniff(QByteArrayView body);
    // Whether a declared kind should be double-checked by sniffing for JSON.
    static bool shouldSniffJson(std::optional<ContentKind> declared);
    // Stable names used by the CLI's --json output: "json", "form", "multipart", ...
    static QString name(ContentKind kind);
};

} // namespace hookbench
