#include "zlib_inflater.h"

#include <QCoreApplication>
#include <algorithm>
#include <limits>
#include <zlib.h>

namespace hookbench {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("hookbench::ZlibInflater", text);
}

// One zlib stream with RAII cleanup; windowBits selects gzip (31), zlib (15) or raw deflate (-15).
class Stream
{
public:
    explicit Stream(int windowBits) { m_ok = inflateInit2(&m_stream, windowBits) == Z_OK; }
    ~Stream()
    {
        if (m_ok)
            inflateEnd(&m_stream);
    }
    Stream(const Stream &) = delete;
    Stream &operator=(const Stream &) = delete;

    bool isOk() const { return m_ok; }
    z_stream &get() { return m_stream; }

private:
    z_stream m_stream{};
    bool m_ok = false;
};

bool startsWithGzipMagic(QByteArrayView data)
{
    return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f
           && static_cast<unsigned char>(data[1]) == 0x8b;
}

ZlibInflater::Result run(QByteArrayView input, int windowBits, bool gzipMembers, qint64 maxOutput,
                         qsizetype extraCapacity)
{
    ZlibInflater::Result result;
    Stream stream(windowBits);
    if (!stream.isOk()) {
        result.status = ZlibInflater::Status::Corrupt;
        result.error = tr("zlib could not be initialised");
        return result;
    }
    z_stream &z = stream.get();

    // Guess generously for text (JSON compresses 5-10x), but never beyond the cap.
    const qint64 firstGuess
            = std::clamp<qint64>(qint64(input.size()) * 8, 16 * 1024, maxOutput + 1);
    QByteArray output(qsizetype(firstGuess), Qt::Uninitialized);
    qint64 produced = 0;
    qsizetype consumed = 0;
    const auto *bytes = reinterpret_cast<const Bytef *>(input.data());

    for (;;) {
        if (produced == output.size()) {
            const qint64 grown = std::min<qint64>(qint64(output.size()) * 2, maxOutput + 1);
            output.resize(qsizetype(grown));
        }
        const qsizetype inputLeft = input.size() - consumed;
        z.next_in = const_cast<Bytef *>(bytes + consumed);
        z.avail_in = uInt(std::min<qsizetype>(inputLeft, std::numeric_limits<uInt>::max()));
        z.next_out = reinterpret_cast<Bytef *>(output.data()) + produced;
        z.avail_out = uInt(
                std::min<qint64>(output.size() - produced, std::numeric_limits<uInt>::max()));
        const uInt availInBefore = z.avail_in;
        const uInt availOutBefore = z.avail_out;

        const int rc = ::inflate(&z, Z_NO_FLUSH);
        consumed += availInBefore - z.avail_in;
        produced += availOutBefore - z.avail_out;

        if (produced > maxOutput) {
            result.status = ZlibInflater::Status::TooLarge;
            result.error = tr("the decompressed body exceeds the limit of %1 bytes").arg(maxOutput);
            output.resize(qsizetype(maxOutput));
            result.data = output;
            return result;
        }
        if (rc == Z_STREAM_END) {
            QByteArrayView rest = input.sliced(consumed);
            // RFC 1952 section 2.2: a gzip file is a series of members; tools like pigz emit
            // several.
            if (gzipMembers && startsWithGzipMagic(rest)) {
                inflateReset(&z);
                continue;
            }
            // Some encoders pad the stream with zero bytes; anything else is not ours to guess.
            if (std::any_of(rest.begin(), rest.end(), [](char c) { return c != 0; })) {
                result.status = ZlibInflater::Status::Corrupt;
                result.error = tr("unexpected data after the compressed stream at byte %1")
                                       .arg(consumed);
            }
            break;
        }
        if (rc == Z_BUF_ERROR && consumed == input.size() && produced < output.size()) {
            result.status = ZlibInflater::Status::Truncated;
            result.error = tr("the compressed stream ends early (after %1 of %2 bytes)")
                                   .arg(consumed)
                                   .arg(input.size());
            break;
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR) {
            result.status = ZlibInflater::Status::Corrupt;
            result.error = z.msg ? tr("corrupt compressed data: %1").arg(QString::fromLatin1(z.msg))
                                 : tr("corrupt compressed data");
            break;
        }
    }
    output.resize(qsizetype(produced));
    if (extraCapacity > 0)
        output.reserve(output.size() + extraCapacity);
    result.data = output;
    return result;
}

} // namespace

ZlibInflater::Result ZlibInflater::inflate(QByteArrayView input, Format format, qint64 maxOutput,
                                           qsizetype extraCapacity)
{
    maxOutput = std::max<qint64>(maxOutput, 0);
    if (format == Format::Gzip)
        return run(input, 16 + MAX_WBITS, true, maxOutput, extraCapacity);

    // RFC 9110 section 8.4.1.2 says "deflate" means the zlib format, but servers have long sent
    // raw deflate instead; the zlib header's checksum (RFC 1950 section 2.2) tells them apart.
    const bool zlibHeader = input.size() >= 2
                            && (static_cast<unsigned char>(input[0]) & 0x0f) == Z_DEFLATED
                            && ((static_cast<unsigned char>(input[0]) << 8)
                                | static_cast<unsigned char>(input[1]))
                                               % 31
                                       == 0;
    return run(input, zlibHeader ? MAX_WBITS : -MAX_WBITS, false, maxOutput, extraCapacity);
}

} // namespace hookbench
