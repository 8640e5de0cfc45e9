#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace hookbench {

// One "usual suspect" the diagnosis tried after a signature did not match: a variant of the
// body, of the encoding, of the secret or of the algorithm, and whether it explains the failure.
struct SuspectTrial
{
    enum class Kind {
        TrailingNewlineRemoved,
        TrailingNewlineAdded,
        CrlfToLf,
        LfToCrlf,
        JsonCompact,
        JsonIndented,
        OtherEncoding,
        SecretTrimmed,
        SecretBase64Decoded,
        SecretRaw,
        SecretWithoutWhsecPrefix,
        OtherAlgorithm,
    };
    enum class Verdict { Matched, NoMatch };

    Kind kind = Kind::TrailingNewlineRemoved;
    Verdict verdict = Verdict::NoMatch;
    QString description;
    // The signature this variant produces, encoded as the scheme sends it.
    QByteArray signature;

    static QString kindName(Kind kind);
    friend bool operator==(const SuspectTrial &, const SuspectTrial &) = default;
};

// The answer of SignatureScheme::verify(): an outcome, a reason, and everything a developer
// needs to see why.
class VerificationResult
{
    Q_DECLARE_TR_FUNCTIONS(VerificationResult)

public:
    enum class Outcome { Valid, Invalid, NotConfigured };
    enum class Reason {
        None,
        MissingSecret,
        InvalidConfiguration,
        HeaderMissing,
        HeaderMalformed,
        TimestampOutsideTolerance,
        // Nothing explains the mismatch: the secret differs or the body was changed, or both.
        SignatureMismatch,
        SecretMismatch,
        BodyChanged,
        EncodingMismatch,
        AlgorithmMismatch,
    };

    Outcome outcome = Outcome::NotConfigured;
    Reason reason = Reason::MissingSecret;
    QString schemeId;
    QString explanation;
    // The header that carries (or should carry) the signature or the credentials.
    QByteArray headerName;
    QByteArray signedString;
    QByteArray expected;
    QList<QByteArray> received;
    // When a header is missing: the request's headers whose names look like what was wanted.
    QList<QByteArray> similarHeaders;
    // now - signed timestamp, for schemes that sign a timestamp.
    std::optional<qint64> timestampSkewSeconds;
    qint64 toleranceSeconds = 0;
    QList<SuspectTrial> suspects;

    bool isValid() const { return outcome == Outcome::Valid; }
    std::optional<SuspectTrial> matchedSuspect() const;

    static VerificationResult valid(const QString &explanation);
    static VerificationResult invalid(Reason reason, const QString &explanation);
    static VerificationResult notConfigured(Reason reason, const QString &explanation);

    // "valid", "invalid", "not-configured"; "header-missing", ...: stable ids for --json,
    // the store and filters.
    static QString outcomeName(Outcome outcome);
    static QString reasonName(Reason reason);
    static std::optional<Outcome> outcomeFromName(QStringView name);
    static std::optional<Reason> reasonFromName(QStringView name);

    // One line: "github: invalid (body changed): ..." — what a CLI prints first on stderr.
    QString summary() const;
    // The diagnosis lines below the summary: signed string, expected, received, suspects.
    QString details() const;
    // summary() and details() together.
    QString toText() const;
    QJsonObject toJson() const;
};

} // namespace hookbench
