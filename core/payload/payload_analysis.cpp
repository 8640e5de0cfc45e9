#include "payload_analysis.h"

#include "charset_decoder.h"

namespace hookbench {

QString PayloadAnalysis::text() const
{
    return CharsetDecoder::decode(body, charset).text;
}

std::optional<QString> PayloadAnalysis::formValue(QStringView name) const
{
    for (const FormField &field : form) {
        if (field.name == name)
            return field.value;
    }
    return std::nullopt;
}

const MultipartPart *PayloadAnalysis::part(QByteArrayView name) const
{
    for (const MultipartPart &candidate : parts) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

} // namespace hookbench
