#include "body_formatter.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QStringDecoder>

namespace hookbench {

namespace {
void newLine(QByteArray &out, int depth)
{
    out += '\n';
    out += QByteArray(depth * 2, ' ');
}

bool startsLikeJson(QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        return c == '{' || c == '[';
    }
    return false;
}
} // namespace

bool BodyFormatter::looksBinary(QByteArrayView bytes)
{
    const QByteArrayView sample = bytes.first(std::min<qsizetype>(bytes.size(), 8192));
    for (const char c : sample) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r' && byte != '\f')
            return true;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    // A sample may end inside a multi-byte sequence; only a whole body must decode cleanly.
    const QString decoded
            = decoder.decode(bytes.size() == sample.size() ? sample : sample.chopped(4));
    return decoder.hasError();
}

QByteArray BodyFormatter::indentJson(QByteArrayView json)
{
    QByteArray out;
    out.reserve(json.size() + json.size() / 2);
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (inString) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case ' ':
        case '\t':
        case '\r':
        case '\n':
            break;
        case '"':
            inString = true;
            out += c;
            break;
        case '{':
        case '[': {
            out += c;
            qsizetype next = i + 1;
            while (next < json.size() && QByteArrayView(" \t\r\n").contains(json.at(next)))
                ++next;
            if (next < json.size() && (json.at(next) == '}' || json.at(next) == ']')) {
                out += json.at(next);
                i = next;
                break;
            }
            newLine(out, ++depth);
            break;
        }
        case '}':
        case ']':
            newLine(out, --depth);
            out += c;
            break;
        case ',':
            out += c;
            newLine(out, depth);
            break;
        case ':':
            out += ": ";
            break;
        default:
            out += c;
        }
    }
    return out;
}

FormattedBody BodyFormatter::format(const QByteArray &body, qsizetype maxBytes)
{
    FormattedBody result;
    if (body.isEmpty())
        return result;
    if (looksBinary(body)) {
        result.kind = FormattedBody::Kind::Binary;
        result.text = tr("Binary content (%1): see the Hex tab.")
                              .arg(QLocale().formattedDataSize(body.size(), 1));
        return result;
    }
    if (body.size() <= maxBytes && startsLikeJson(body)) {
        QJsonParseError error;
        QJsonDocument::fromJson(body, &error);
        if (error.error == QJsonParseError::NoError) {
            result.kind = FormattedBody::Kind::Json;
            result.text = QString::fromUtf8(indentJson(body));
            return result;
        }
    }
    result.kind = FormattedBody::Kind::Text;
    result.truncated = body.size() > maxBytes;
    QStringDecoder decoder(QStringDecoder::Utf8);
    result.text = decoder.decode(QByteArrayView(body).first(std::min(body.size(), maxBytes)));
    return result;
}

} // namespace hookbench
