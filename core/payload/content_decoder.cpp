#include "content_decoder.h"

#include "zlib_inflater.h"

#include <QCoreApplication>

namespace hookbench {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("hookbench::ContentDecoder", text);
}

ContentDecoder::Status statusFor(ZlibInflater::Status status)
{
    switch (status) {
    case ZlibInflater::Status::Ok:
        return ContentDecoder::Status::Ok;
    case ZlibInflater::Status::TooLarge:
        return ContentDecoder::Status::TooLarge;
    case ZlibInflater::Status::Truncated:
        return ContentDecoder::Status::Truncated;
    case ZlibInflater::Status::Corrupt:
        break;
    }
    return ContentDecoder::Status::Corrupt;
}

} // namespace

ContentDecoder::Result ContentDecoder::decode(const HeaderList &headers, const QByteArray &body,
                                              const Options &options)
{
    Result result;
    result.body = body;
    for (const QByteArray &value : headers.values("Content-Encoding")) {
        for (const QByteArray &coding : value.split(',')) {
            const QByteArray name = coding.trimmed().toLower();
            if (!name.isEmpty() && name != "identity")
                result.encodings.append(name);
        }
    }

    QByteArray current = body;
    for (auto it = result.encodings.crbegin(); it != result.encodings.crend(); ++it) {
        ZlibInflater::Format format;
        // RFC 9110 section 8.4.1.3: recipients should treat x-gzip as gzip.
        if (*it == "gzip" || *it == "x-gzip") {
            format = ZlibInflater::Format::Gzip;
        } else if (*it == "deflate") {
            format = ZlibInflater::Format::Deflate;
        } else {
            result.status = Status::UnsupportedCoding;
            result.error = tr("unsupported content coding \"%1\"").arg(QString::fromLatin1(*it));
            return result;
        }
        const bool last = std::next(it) == result.encodings.crend();
        ZlibInflater::Result inflated = ZlibInflater::inflate(
                current, format, options.maxDecodedSize, last ? options.padding : 0);
        if (inflated.status != ZlibInflater::Status::Ok) {
            result.status = statusFor(inflated.status);
            result.error = tr("%1: %2").arg(QString::fromLatin1(*it), inflated.error);
            return result;
        }
        current = std::move(inflated.data);
    }
    result.body = std::move(current);
    return result;
}

} // namespace hookbench
