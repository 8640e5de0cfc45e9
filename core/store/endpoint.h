#pragma once

#include "http/header_list.h"
#include "signing/scheme_options.h"

#include <QByteArray>
#include <QString>

namespace hookbench {

// The answer an endpoint gives to every request it captures. The defaults are what a sender
// expects of a healthy receiver; a user changes them to make a sender see a 500 or a timeout.
struct CannedResponse
{
    int status = 200;
    HeaderList headers;
    QByteArray body;
    int delayMs = 0;

    friend bool operator==(const CannedResponse &, const CannedResponse &) = default;
};

// How an endpoint checks who sent a request. No scheme: nothing is checked ("not configured").
struct EndpointVerification
{
    QString schemeId; // a SchemeRegistry id, or empty
    SchemeConfig config;
    QByteArray secret;
    qint64 toleranceSeconds = 300;
    // Answer 401 to a request whose signature fails, as a real receiver would. It is still
    // stored, so the user can see what was refused and why.
    bool rejectInvalid = false;

    bool isConfigured() const { return !schemeId.isEmpty(); }
    friend bool operator==(const EndpointVerification &, const EndpointVerification &) = default;
};

// An incoming endpoint: every request whose path starts with `path` is captured under it.
struct Endpoint
{
    qint64 id = 0;
    QString name;
    QString path; // always starts with '/', no trailing '/' unless it is the root
    CannedResponse response;
    EndpointVerification verification;
    qint64 createdAtMs = 0;

    friend bool operator==(const Endpoint &, const Endpoint &) = default;

    // "/hooks/github/" and "hooks/github" both become "/hooks/github".
    static QString normalizedPath(const QString &path);
    // True when the request path belongs to this endpoint: the prefix itself or below it.
    bool matches(QByteArrayView requestPath) const;
};

// What happens to a request whose path belongs to no endpoint, once endpoints exist.
enum class UnknownPathPolicy {
    CaptureToInbox,
    Reject404,
};

} // namespace hookbench
