#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace hookbench {

// One name=value pair of an application/x-www-form-urlencoded body, decoded.
struct FormField
{
    QString name;
    QString value;

    friend bool operator==(const FormField &, const FormField &) = default;
};

// Decodes application/x-www-form-urlencoded bodies as the WHATWG URL standard's
// "application/x-www-form-urlencoded parser" does: pairs split on '&', '+' is a space, then
// percent-decoding. Order and duplicates are kept (Twilio and Slack rely on both).
class FormDecoder
{
public:
    // charset: the Content-Type charset parameter; UTF-8 when empty or unknown.
    static QList<FormField> decode(QByteArrayView body, QByteArrayView charset = {});
    // Whether the body plausibly is a form (name=value pairs of URL-safe text); used to sniff.
    static bool looksLikeForm(QByteArrayView body);
};

} // namespace hookbench
