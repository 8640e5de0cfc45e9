#include "multipart_parser.h"

#include "header_parameters.h"

#include <QCoreApplication>

namespace hookbench {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("hookbench::MultipartParser", text);
}

struct Delimiter
{
    qsizetype contentEnd = -1; // end of the preceding part's body (before CRLF/LF)
    qsizetype after = -1;      // first byte after the delimiter line
    bool close = false;
    bool truncated = false; // the body ends right after "--boundary"
};

// Finds the next delimiter line at or after `from`. A delimiter starts a line (or the body) and
// is followed by "--" (close), or optional transport padding and a line break.
std::optional<Delimiter> findDelimiter(const QByteArray &body, QByteArrayView dashBoundary,
                                       qsizetype from, qsizetype partStart)
{
    for (qsizetype at = body.indexOf(dashBoundary, from); at >= 0;
         at = body.indexOf(dashBoundary, at + 1)) {
        if (at > 0 && body[at - 1] != '\n')
            continue;
        qsizetype cursor = at + dashBoundary.size();
        Delimiter delimiter;
        if (body.size() - cursor >= 2 && body[cursor] == '-' && body[cursor + 1] == '-') {
            delimiter.close = true;
            cursor += 2;
        }
        while (cursor < body.size() && (body[cursor] == ' ' || body[cursor] == '\t'))
            ++cursor;
        if (cursor == body.size()) {
            delimiter.after = cursor;
            delimiter.truncated = !delimiter.close;
        } else if (body[cursor] == '\n') {
            delimiter.after = cursor + 1;
        } else if (body[cursor] == '\r' && cursor + 1 < body.size() && body[cursor + 1] == '\n') {
            delimiter.after = cursor + 2;
        } else if (delimiter.close) {
            delimiter.after = cursor; // the epilogue follows without a line break; ignore it
        } else {
            continue; // "--boundaryX": a longer line that merely starts with the boundary
        }
        qsizetype end = at;
        if (end > partStart && body[end - 1] == '\n')
            --end;
        if (end > partStart && body[end - 1] == '\r')
            --end;
        delimiter.contentEnd = end;
        return delimiter;
    }
    return std::nullopt;
}

struct HeaderBlock
{
    QList<HeaderField> fields;
    qsizetype bodyStart = -1; // -1: the block never ends
};

HeaderBlock readHeaders(const QByteArray &body, qsizetype from, qsizetype maxBytes)
{
    HeaderBlock block;
    qsizetype cursor = from;
    while (cursor < body.size() && cursor - from <= maxBytes) {
        qsizetype lineEnd = body.indexOf('\n', cursor);
        if (lineEnd < 0)
            return block;
        QByteArrayView line(body.constData() + cursor, lineEnd - cursor);
        if (line.endsWith('\r'))
            line.chop(1);
        cursor = lineEnd + 1;
        if (line.isEmpty()) {
            block.bodyStart = cursor;
            return block;
        }
        const qsizetype colon = line.indexOf(':');
        const bool folded = line.front() == ' ' || line.front() == '\t';
        // RFC 5322 obs-fold, and lines without a colon: BMC's own Remedy example wraps the
        // Content-Disposition parameters onto a second line that way.
        if ((folded || colon < 0) && !block.fields.isEmpty()) {
            QByteArray &value = block.fields.last().value;
            value.append(' ').append(line.trimmed());
            continue;
        }
        if (colon <= 0)
            continue;
        block.fields.append({line.first(colon).trimmed().toByteArray(),
                             line.sliced(colon + 1).trimmed().toByteArray()});
    }
    return block;
}

// RFC 8187 ext-value: charset'language'percent-encoded
std::optional<QString> decodeExtendedValue(const QByteArray &value)
{
    const qsizetype firstQuote = value.indexOf('\'');
    const qsizetype secondQuote = firstQuote < 0 ? -1 : value.indexOf('\'', firstQuote + 1);
    if (secondQuote < 0)
        return std::nullopt;
    const QByteArray charset = value.first(firstQuote).toLower();
    const QByteArray decoded = QByteArray::fromPercentEncoding(value.sliced(secondQuote + 1));
    if (charset == "utf-8")
        return QString::fromUtf8(decoded);
    if (charset == "iso-8859-1")
        return QString::fromLatin1(decoded);
    return std::nullopt;
}

MultipartPart makePart(QList<HeaderField> fields)
{
    MultipartPart part;
    for (const HeaderField &field : fields)
        part.headers.append(field);
    if (const auto disposition = part.headers.value("Content-Disposition")) {
        const HeaderParameters parameters = HeaderParameters::parse(*disposition);
        part.name = parameters.parameter("name").value_or(QByteArray());
        std::optional<QString> filename;
        if (const auto extended = parameters.parameter("filename*"))
            filename = decodeExtendedValue(*extended);
        if (!filename) {
            if (const auto plain = parameters.parameter("filename"))
                filename = QString::fromUtf8(*plain);
        }
        if (filename) {
            part.filename = *filename;
            part.hasFilename = true;
        }
    }
    if (const auto type = part.headers.value("Content-Type")) {
        part.contentType = *type;
        part.contentTypeDeclared = true;
    } else {
        part.contentType = QByteArrayLiteral("text/plain");
    }
    return part;
}

} // namespace

MultipartParser::Result MultipartParser::parse(const QByteArray &body, QByteArrayView boundary,
                                               const Limits &limits)
{
    Result result;
    // RFC 2046 section 5.1.1 allows 1 to 70 characters; be lenient on length, strict on emptiness.
    if (boundary.isEmpty() || boundary.size() > 200 || boundary.contains('\n')
        || boundary.contains('\r')) {
        result.status = Status::NoBoundary;
        result.error = tr("the multipart boundary is missing or invalid");
        return result;
    }
    const QByteArray dashBoundary = "--" + boundary.toByteArray();

    auto delimiter = findDelimiter(body, dashBoundary, 0, 0);
    if (!delimiter) {
        result.status = Status::NoParts;
        result.error = tr("the body contains no line with the boundary \"%1\"")
                               .arg(QString::fromLatin1(boundary));
        return result;
    }
    while (!delimiter->close) {
        if (delimiter->truncated) {
            result.status = Status::MissingCloseDelimiter;
            break;
        }
        if (result.parts.size() >= limits.maxParts) {
            result.status = Status::TooManyParts;
            result.error = tr("more than %1 parts").arg(limits.maxParts);
            return result;
        }
        HeaderBlock headers = readHeaders(body, delimiter->after, limits.maxHeaderBytes);
        if (headers.bodyStart < 0) {
            result.status = Status::MalformedHeaders;
            result.error = tr("the headers of part %1 do not end with an empty line")
                                   .arg(result.parts.size() + 1);
            return result;
        }
        MultipartPart part = makePart(std::move(headers.fields));
        part.offset = headers.bodyStart;
        // An empty body shares its line break with the header block's end: findDelimiter
        // accepts a delimiter right at bodyStart for that reason.
        delimiter = findDelimiter(body, dashBoundary, headers.bodyStart, headers.bodyStart);
        if (!delimiter) {
            part.body = body.sliced(headers.bodyStart);
            result.parts.append(std::move(part));
            result.status = Status::MissingCloseDelimiter;
            break;
        }
        part.body = body.sliced(headers.bodyStart, delimiter->contentEnd - headers.bodyStart);
        result.parts.append(std::move(part));
    }
    if (result.status == Status::MissingCloseDelimiter)
        result.error = tr("the body ends before the closing boundary \"--%1--\"")
                               .arg(QString::fromLatin1(boundary));
    return result;
}

} // namespace hookbench
