#include "curl_command.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {

bool needsAnsiQuoting(QByteArrayView word)
{
    for (const char byte : word) {
        const auto value = static_cast<unsigned char>(byte);
        if (value < 0x20 || value == 0x7f || value >= 0x80 || byte == '\'')
            return true;
    }
    return false;
}

bool isHeader(const HeaderField &field, QByteArrayView name)
{
    return field.name.compare(name, Qt::CaseInsensitive) == 0;
}

// A printf format that writes `bytes` exactly: the only way to hand a NUL byte to curl from a
// shell, since no command-line argument can hold one. Octal escapes are POSIX printf.
QString printfFormat(QByteArrayView bytes)
{
    QString format = u"'"_s;
    for (const char byte : bytes) {
        const auto value = static_cast<unsigned char>(byte);
        if (byte == '%')
            format += u"%%"_s;
        else if (byte == '\\')
            format += u"\\\\"_s;
        else if (byte == '\'')
            format += u"'\\''"_s;
        else if (value >= 0x20 && value < 0x7f)
            format += QChar::fromLatin1(byte);
        else
            format += u"\\%1"_s.arg(uint(value), 3, 8, QChar(u'0'));
    }
    return format + u'\'';
}

} // namespace

QString shellQuote(QByteArrayView word)
{
    if (!needsAnsiQuoting(word))
        return u'\'' + QString::fromLatin1(word) + u'\'';
    // bash, zsh and ksh understand $'...'; every byte outside printable ASCII is escaped, so
    // the command stays valid whatever the terminal's encoding.
    QString quoted = u"$'"_s;
    for (const char byte : word) {
        const auto value = static_cast<unsigned char>(byte);
        if (byte == '\'' || byte == '\\')
            quoted += u'\\' + QChar::fromLatin1(byte);
        else if (value >= 0x20 && value < 0x7f)
            quoted += QChar::fromLatin1(byte);
        else
            quoted += u"\\x%1"_s.arg(uint(value), 2, 16, QChar(u'0'));
    }
    return quoted + u'\'';
}

QString curlCommand(const CurlRequest &request)
{
    QStringList words{u"curl"_s};
    const bool hasBody = !request.body.isEmpty();
    if (request.method == "HEAD")
        words << u"--head"_s;
    else if (!(request.method == "GET" && !hasBody) && !(request.method == "POST" && hasBody))
        words << u"-X"_s << shellQuote(request.method);
    words << shellQuote(request.url);

    bool hasAccept = false;
    bool hasUserAgent = false;
    bool hasContentType = false;
    for (const HeaderField &field : request.headers) {
        // curl writes these itself from the URL and the body it sends.
        if (isHeader(field, "host") || isHeader(field, "content-length")
            || isHeader(field, "transfer-encoding") || isHeader(field, "connection")
            || isHeader(field, "expect")) {
            continue;
        }
        hasAccept |= isHeader(field, "accept");
        hasUserAgent |= isHeader(field, "user-agent");
        hasContentType |= isHeader(field, "content-type");
        // "Name;" is curl's way to send a header with an empty value.
        const QByteArray header = field.value.isEmpty()
                                          ? QByteArray(field.name + ';')
                                          : QByteArray(field.name + ": " + field.value);
        words << u"-H"_s << shellQuote(header);
    }
    if (!hasAccept)
        words << u"-H"_s << u"'Accept:'"_s;
    if (!hasUserAgent)
        words << u"-H"_s << u"'User-Agent:'"_s;
    if (!hasBody)
        return words.join(u' ');
    if (!hasContentType)
        words << u"-H"_s << u"'Content-Type:'"_s;
    if (request.body.contains('\0')) {
        words << u"--data-binary"_s << u"@-"_s;
        // "--": a body starting with "-" (every multipart body) is not an option of printf.
        return u"printf -- "_s + printfFormat(request.body) + u" | "_s + words.join(u' ');
    }
    words << u"--data-binary"_s << shellQuote(request.body);
    return words.join(u' ');
}

} // namespace hookbench
