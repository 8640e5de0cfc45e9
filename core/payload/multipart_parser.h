#pragma once

#include "http/header_list.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace hookbench {

// One body part of a multipart/form-data (RFC 7578) or other multipart (RFC 2046) body.
struct MultipartPart
{
    HeaderList headers;       // as sent, order and case kept
    QByteArray name;          // Content-Disposition name; BMC Remedy: "entry", "attach-<field>"
    QString filename;         // Content-Disposition filename (filename* preferred)
    bool hasFilename = false; // a file part, even when the filename is empty
    QByteArray contentType;   // as declared; RFC 7578 section 4.4 default "text/plain" if absent
    bool contentTypeDeclared = false;
    QByteArray body;      // exact bytes between the header block and the next delimiter
    qsizetype offset = 0; // where body starts within the whole multipart body

    qsizetype size() const { return body.size(); }
    bool isFile() const { return hasFilename; }
};

// Splits a multipart body at its boundary. Qt has QHttpMultiPart for building multipart bodies
// but nothing to parse one, and Debian ships no maintained C++ parser, so this is ours, following
// RFC 2046 section 5.1.1: delimiters are CRLF "--" boundary, the first may open the body, the
// close delimiter adds "--", and transport padding (spaces) may follow. Bare LF line endings are
// accepted too, because hand-written senders and documentation samples use them.
class MultipartParser
{
public:
    enum class Status {
        Ok,
        NoBoundary,            // the boundary parameter is missing or invalid
        NoParts,               // no delimiter line found in the body
        MissingCloseDelimiter, // the body ends before "--boundary--": parts are partial
        TooManyParts,
        MalformedHeaders, // a part's header block never ends
    };

    struct Limits
    {
        qsizetype maxParts = 10000;
        qsizetype maxHeaderBytes = 64 * 1024;
    };

    struct Result
    {
        Status status = Status::Ok;
        QString error; // translated; empty when status is Ok
        QList<MultipartPart> parts;
    };

    static Result parse(const QByteArray &body, QByteArrayView boundary, const Limits &limits);
    static Result parse(const QByteArray &body, QByteArrayView boundary)
    {
        return parse(body, boundary, Limits{});
    }
};

} // namespace hookbench
