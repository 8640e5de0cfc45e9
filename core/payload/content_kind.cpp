#include "content_kind.h"

#include "form_decoder.h"

namespace hookbench {

namespace {

QByteArrayView skipLeadingSpace(QByteArrayView body)
{
    // A UTF-8 byte order mark is not JSON (RFC 8259 section 8.1) but senders still add one.
    if (body.startsWith("\xEF\xBB\xBF"))
        body = body.sliced(3);
    qsizetype i = 0;
    while (i < body.size()
           && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n'))
        ++i;
    return body.sliced(i);
}

// truncated: body is a prefix, so a sequence cut at its end is not an error.
bool isValidUtf8Text(QByteArrayView body, bool truncated)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(body.data());
    const qsizetype size = body.size();
    for (qsizetype i = 0; i < size;) {
        const unsigned char lead = bytes[i];
        if (lead < 0x80) {
            if (lead < 0x20 && lead != '\t' && lead != '\n' && lead != '\r' && lead != '\f')
                return false;
            ++i;
            continue;
        }
        const int length = (lead & 0xe0) == 0xc0   ? 2
                           : (lead & 0xf0) == 0xe0 ? 3
                           : (lead & 0xf8) == 0xf0 ? 4
                                                   : 0;
        if (length == 0)
            return false;
        if (i + length > size)
            return truncated;
        for (int k = 1; k < length; ++k) {
            if ((bytes[i + k] & 0xc0) != 0x80)
                return false;
        }
        i += length;
    }
    return true;
}

} // namespace

ContentKind ContentClassifier::fromMediaType(const MediaType &type)
{
    const QByteArray &major = type.type();
    const QByteArray &minor = type.subtype();
    const QByteArray suffix = type.suffix();
    if (minor == "json" || suffix == "json" || minor == "x-json" || minor == "jsonl")
        return ContentKind::Json;
    if (major == "application" && minor == "x-www-form-urlencoded")
        return ContentKind::Form;
    if (major == "multipart")
        return ContentKind::Multipart;
    if (minor == "xml" || suffix == "xml")
        return ContentKind::Xml;
    if (major == "text" || minor == "javascript" || minor == "x-yaml" || minor == "yaml"
        || minor == "graphql")
        return ContentKind::Text;
    return ContentKind::Binary;
}

ContentKind ContentClassifier::sniff(QByteArrayView body)
{
    const QByteArrayView text = skipLeadingSpace(body);
    if (text.isEmpty())
        return body.isEmpty() ? ContentKind::Empty : ContentKind::Text;
    if (text.front() == '{' || text.front() == '[')
        return ContentKind::Json;
    constexpr qsizetype window = 64 * 1024;
    if (!isValidUtf8Text(body.first(std::min(body.size(), window)), body.size() > window))
        return ContentKind::Binary;
    if (text.startsWith("<?xml")
        || (text.front() == '<' && text.size() > 1 && text[1] != '!'
            && text.trimmed().endsWith('>')))
        return ContentKind::Xml;
    if (FormDecoder::looksLikeForm(body))
        return ContentKind::Form;
    return ContentKind::Text;
}

bool ContentClassifier::shouldSniffJson(std::optional<ContentKind> declared)
{
    return !declared || *declared == ContentKind::Text || *declared == ContentKind::Binary
           || *declared == ContentKind::Form;
}

QString ContentClassifier::name(ContentKind kind)
{
    switch (kind) {
    case ContentKind::Empty:
        return QStringLiteral("empty");
    case ContentKind::Json:
        return QStringLiteral("json");
    case ContentKind::Form:
        return QStringLiteral("form");
    case ContentKind::Multipart:
        return QStringLiteral("multipart");
    case ContentKind::Xml:
        return QStringLiteral("xml");
    case ContentKind::Text:
        return QStringLiteral("text");
    case ContentKind::Binary:
        break;
    }
    return QStringLiteral("binary");
}

} // namespace hookbench
