#pragma once

#include "crypto.h"
#include "http/header_list.h"
#include "scheme_options.h"
#include "verification_result.h"

#include <QCoreApplication>
#include <functional>
#include <optional>
#include <variant>

namespace hookbench {

// The shared engine behind every HMAC scheme: computes the expected digest, compares it in
// constant time with each received signature (several allow key rotation), judges the
// timestamp and, on a mismatch, tries the usual suspects to say why.
class SignatureCheck
{
    Q_DECLARE_TR_FUNCTIONS(SignatureCheck)

public:
    // Builds the signed string from a body; the diagnosis calls it again with body variants.
    using MessageBuilder = std::function<QByteArray(const QByteArray &body)>;

    // Takes the secret as the key (a scheme that derives its key replaces it), the body and
    // the time, tolerance and diagnosis level of the options.
    SignatureCheck(const QByteArray &givenSecret, const QByteArray &requestBody,
                   const SchemeOptions &options);

    crypto::HashAlgorithm algorithm = crypto::HashAlgorithm::Sha256;
    crypto::SignatureEncoding encoding = crypto::SignatureEncoding::Hex;
    MessageBuilder message;
    // The HMAC key the scheme derived from the secret, and the secret as the user gave it:
    // the diagnosis tries other forms of the secret.
    QByteArray key;
    QByteArray secret;
    QByteArray body;
    QByteArray headerName;
    // Shown before expected and received values: "sha256=", "v1,".
    QByteArray prefix;
    // The signatures found in the request, without their prefix.
    QList<QByteArray> received;
    std::optional<qint64> timestamp;
    qint64 now = 0;
    qint64 toleranceSeconds = 300;
    Diagnosis diagnosis = Diagnosis::Full;

    VerificationResult run() const;

    // Results every scheme reports the same way.
    static VerificationResult headerMissing(QByteArrayView name, const HeaderList &headers);
    static VerificationResult headerMalformed(QByteArrayView name, const QByteArray &value,
                                              const QString &why);
    // For auth-header schemes: compares a received credential with the configured one in
    // constant time; the values shown are masked, since they are the secret itself.
    static VerificationResult checkCredential(QByteArrayView headerName, const QByteArray &received,
                                              const QByteArray &expected, const QString &what);
    static QByteArray masked(const QByteArray &secret);
    // The credentials of "<scheme> <credentials>" when the scheme is `expectedScheme`
    // (case-insensitive, RFC 9110 section 11.1), or why not.
    static std::variant<QByteArray, QString>
    authorizationCredentials(QByteArrayView value, QByteArrayView expectedScheme);
    // Header names that look like the wanted one: sharing a word, or naming a signature.
    static QList<QByteArray> similarHeaders(const HeaderList &headers, QByteArrayView wanted);
    // Unix seconds; a value in milliseconds (13 digits) is not accepted, since no scheme here
    // signs one and accepting it would hide a sender bug.
    static std::optional<qint64> parseTimestamp(QByteArrayView text);
    // A message id for signing when the request carries none: derived from the time and the
    // body rather than random, so signing the same request twice gives the same headers.
    static QByteArray derivedMessageId(qint64 now, const QByteArray &body);
    // Judges |now - timestamp| against the tolerance; nullopt when it passes.
    static std::optional<VerificationResult> checkTimestamp(qint64 timestamp, qint64 now,
                                                            qint64 toleranceSeconds);

private:
    struct Candidate
    {
        SuspectTrial::Kind kind;
        QString description;
        QByteArray digest;
        crypto::SignatureEncoding encoding;
    };
    bool matches(const QByteArray &digest, crypto::SignatureEncoding as) const;
    QList<Candidate> suspects() const;
};

} // namespace hookbench
