#pragma once

#include "content_kind.h"
#include "form_decoder.h"
#include "http/header_list.h"
#include "json_tree.h"
#include "media_type.h"
#include "multipart_parser.h"
#include "vendor_summary.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace hookbench {

// Everything the inspector and `hookbench-cli show` derive from one request's stored bytes.
// A value type: copies share the body and the JSON tree.
struct PayloadAnalysis
{
    HeaderList headers;
    QByteArray target; // path and query as received; DevLake's URL names the payload kind

    // Content
    QByteArray contentType;             // the Content-Type header as sent, empty if none
    std::optional<MediaType> mediaType; // parsed Content-Type
    ContentKind kind = ContentKind::Empty;
    bool kindSniffed = false;    // kind comes from the bytes, not from Content-Type
    QList<QByteArray> encodings; // Content-Encoding codings, e.g. {"gzip"}
    QByteArray charset;          // declared charset parameter, empty if none
    QByteArray body;             // the decoded body (the raw body if nothing to undo)
    bool valid = true;           // decodes and parses as its kind
    QString error;               // why not valid, translated; empty when valid

    std::optional<JsonSyntaxError> jsonError; // set for a body that should be JSON but is not
    JsonTree json;                            // empty unless the body is valid JSON
    QList<FormField> form;                    // for application/x-www-form-urlencoded
    QList<MultipartPart> parts;               // for multipart/*

    // Vendor
    QString vendor; // profile id, empty if none matched
    QString event;  // the vendor's event name, empty if unknown
    VendorSummary summary;

    QString kindName() const { return ContentClassifier::name(kind); }
    // The body as text in its charset; computed on each call (a 50 MB body is not kept twice).
    QString text() const;
    std::optional<QString> formValue(QStringView name) const;
    const MultipartPart *part(QByteArrayView name) const;
};

} // namespace hookbench
