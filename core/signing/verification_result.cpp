#include "verification_result.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {
// Long enough to show a typical webhook body whole, short enough for a terminal.
constexpr qsizetype printableLimit = 600;

// Control characters are what the diagnosis is about (a stray \r, a trailing \n), so they
// are shown escaped instead of acting on the terminal.
QString printable(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes.left(printableLimit));
    QString out;
    out.reserve(text.size() + 2);
    out += u'"';
    for (const QChar c : text) {
        if (c == u'\n')
            out += u"\\n"_s;
        else if (c == u'\r')
            out += u"\\r"_s;
        else if (c == u'\t')
            out += u"\\t"_s;
        else if (c == u'"')
            out += u"\\\""_s;
        else if (c == u'\\')
            out += u"\\\\"_s;
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += u"\\x%1"_s.arg(static_cast<int>(c.unicode()), 2, 16, QChar(u'0'));
        else
            out += c;
    }
    out += u'"';
    if (bytes.size() > printableLimit)
        out += VerificationResult::tr(" … (%n more bytes)", nullptr,
                                      static_cast<int>(bytes.size() - printableLimit));
    return out;
}

QString latin1(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes);
}

QJsonArray toJsonArray(const QList<QByteArray> &list)
{
    QJsonArray array;
    for (const QByteArray &item : list)
        array.append(latin1(item));
    return array;
}

struct ReasonEntry
{
    VerificationResult::Reason reason;
    QString name;
};

const QList<ReasonEntry> &reasonTable()
{
    using Reason = VerificationResult::Reason;
    static const QList<ReasonEntry> table{
            {Reason::None, u"none"_s},
            {Reason::MissingSecret, u"missing-secret"_s},
            {Reason::InvalidConfiguration, u"invalid-configuration"_s},
            {Reason::HeaderMissing, u"header-missing"_s},
            {Reason::HeaderMalformed, u"header-malformed"_s},
            {Reason::TimestampOutsideTolerance, u"timestamp-outside-tolerance"_s},
            {Reason::SignatureMismatch, u"signature-mismatch"_s},
            {Reason::SecretMismatch, u"secret-mismatch"_s},
            {Reason::BodyChanged, u"body-changed"_s},
            {Reason::EncodingMismatch, u"encoding-mismatch"_s},
            {Reason::AlgorithmMismatch, u"algorithm-mismatch"_s},
    };
    return table;
}

QString reasonLabel(VerificationResult::Reason reason)
{
    using Reason = VerificationResult::Reason;
    switch (reason) {
    case Reason::None:
        return {};
    case Reason::MissingSecret:
        return VerificationResult::tr("no secret");
    case Reason::InvalidConfiguration:
        return VerificationResult::tr("invalid configuration");
    case Reason::HeaderMissing:
        return VerificationResult::tr("header missing");
    case Reason::HeaderMalformed:
        return VerificationResult::tr("header malformed");
    case Reason::TimestampOutsideTolerance:
        return VerificationResult::tr("timestamp outside tolerance");
    case Reason::SignatureMismatch:
        return VerificationResult::tr("secret mismatch or body changed");
    case Reason::SecretMismatch:
        return VerificationResult::tr("secret mismatch");
    case Reason::BodyChanged:
        return VerificationResult::tr("body changed");
    case Reason::EncodingMismatch:
        return VerificationResult::tr("encoding mismatch");
    case Reason::AlgorithmMismatch:
        return VerificationResult::tr("algorithm mismatch");
    }
    return {};
}
} // namespace

QString SuspectTrial::kindName(Kind kind)
{
    switch (kind) {
    case Kind::TrailingNewlineRemoved:
        return u"trailing-newline-removed"_s;
    case Kind::TrailingNewlineAdded:
        return u"trailing-newline-added"_s;
    case Kind::CrlfToLf:
        return u"crlf-to-lf"_s;
    case Kind::LfToCrlf:
        return u"lf-to-crlf"_s;
    case Kind::JsonCompact:
        return u"json-compact"_s;
    case Kind::JsonIndented:
        return u"json-indented"_s;
    case Kind::OtherEncoding:
        return u"other-encoding"_s;
    case Kind::SecretTrimmed:
        return u"secret-trimmed"_s;
    case Kind::SecretBase64Decoded:
        return u"secret-base64-decoded"_s;
    case Kind::SecretRaw:
        return u"secret-raw"_s;
    case Kind::SecretWithoutWhsecPrefix:
        return u"secret-without-whsec-prefix"_s;
    case Kind::OtherAlgorithm:
        return u"other-algorithm"_s;
    }
    return {};
}

std::optional<SuspectTrial> VerificationResult::matchedSuspect() const
{
    for (const SuspectTrial &trial : suspects) {
        if (trial.verdict == SuspectTrial::Verdict::Matched)
            return trial;
    }
    return std::nullopt;
}

VerificationResult VerificationResult::valid(const QString &explanation)
{
    VerificationResult result;
    result.outcome = Outcome::Valid;
    result.reason = Reason::None;
    result.explanation = explanation;
    return result;
}

VerificationResult VerificationResult::invalid(Reason reason, const QString &explanation)
{
    VerificationResult result;
    result.outcome = Outcome::Invalid;
    result.reason = reason;
    result.explanation = explanation;
    return result;
}

VerificationResult VerificationResult::notConfigured(Reason reason, const QString &explanation)
{
    VerificationResult result;
    result.outcome = Outcome::NotConfigured;
    result.reason = reason;
    result.explanation = explanation;
    return result;
}

QString VerificationResult::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Valid:
        return u"valid"_s;
    case Outcome::Invalid:
        return u"invalid"_s;
    case Outcome::NotConfigured:
        return u"not-configured"_s;
    }
    return {};
}

QString VerificationResult::reasonName(Reason reason)
{
    for (const ReasonEntry &entry : reasonTable()) {
        if (entry.reason == reason)
            return entry.name;
    }
    return {};
}

std::optional<VerificationResult::Outcome> VerificationResult::outcomeFromName(QStringView name)
{
    for (const Outcome outcome : {Outcome::Valid, Outcome::Invalid, Outcome::NotConfigured}) {
        if (outcomeName(outcome) == name)
            return outcome;
    }
    return std::nullopt;
}

std::optional<VerificationResult::Reason> VerificationResult::reasonFromName(QStringView name)
{
    for (const ReasonEntry &entry : reasonTable()) {
        if (entry.name == name)
            return entry.reason;
    }
    return std::nullopt;
}

QString VerificationResult::summary() const
{
    switch (outcome) {
    case Outcome::Valid:
        return tr("%1: valid: %2").arg(schemeId, explanation);
    case Outcome::Invalid:
        return tr("%1: invalid (%2): %3").arg(schemeId, reasonLabel(reason), explanation);
    case Outcome::NotConfigured:
        return tr("%1: not configured (%2): %3").arg(schemeId, reasonLabel(reason), explanation);
    }
    return {};
}

QString VerificationResult::details() const
{
    QStringList lines;
    const auto add = [&lines](const QString &label, const QString &value) {
        lines.append(u"  %1 %2"_s.arg(label + u':', -17).arg(value));
    };
    if (!headerName.isEmpty())
        add(tr("header"), latin1(headerName));
    if (!signedString.isEmpty())
        add(tr("signed string"), tr("%1 (%n bytes)", nullptr, static_cast<int>(signedString.size()))
                                         .arg(printable(signedString)));
    if (!expected.isEmpty())
        add(tr("expected"), latin1(expected));
    for (const QByteArray &value : received)
        add(tr("received"), latin1(value));
    if (!similarHeaders.isEmpty()) {
        QStringList names;
        for (const QByteArray &name : similarHeaders)
            names.append(latin1(name));
        add(tr("similar headers"), names.join(u", "_s));
    }
    if (timestampSkewSeconds) {
        const qint64 skew = *timestampSkewSeconds;
        const QString signedSkew = (skew > 0 ? u"+"_s : QString()) + QString::number(skew);
        add(tr("timestamp skew"),
            toleranceSeconds > 0 ? tr("%1 s (tolerance %2 s)").arg(signedSkew).arg(toleranceSeconds)
                                 : tr("%1 s (tolerance check off)").arg(signedSkew));
    }
    if (!suspects.isEmpty()) {
        lines.append(u"  "_s + tr("suspects tried:"));
        for (const SuspectTrial &trial : suspects) {
            const QString verdict = trial.verdict == SuspectTrial::Verdict::Matched
                                            ? tr("[match]   ")
                                            : tr("[no match]");
            lines.append(
                    u"    %1 %2 -> %3"_s.arg(verdict, trial.description, latin1(trial.signature)));
        }
    }
    return lines.join(u'\n');
}

QString VerificationResult::toText() const
{
    const QString body = details();
    return body.isEmpty() ? summary() : summary() + u'\n' + body;
}

QJsonObject VerificationResult::toJson() const
{
    QJsonObject object{
            {u"scheme"_s, schemeId},
            {u"outcome"_s, outcomeName(outcome)},
            {u"reason"_s, reasonName(reason)},
            {u"explanation"_s, explanation},
            {u"header"_s, latin1(headerName)},
            {u"signedString"_s, QString::fromUtf8(signedString)},
            {u"expected"_s, latin1(expected)},
            {u"received"_s, toJsonArray(received)},
            {u"similarHeaders"_s, toJsonArray(similarHeaders)},
            {u"toleranceSeconds"_s, toleranceSeconds},
    };
    if (timestampSkewSeconds)
        object.insert(u"timestampSkewSeconds"_s, *timestampSkewSeconds);
    QJsonArray trials;
    for (const SuspectTrial &trial : suspects) {
        trials.append(QJsonObject{
                {u"kind"_s, SuspectTrial::kindName(trial.kind)},
                {u"matched"_s, trial.verdict == SuspectTrial::Verdict::Matched},
                {u"description"_s, trial.description},
                {u"signature"_s, latin1(trial.signature)},
        });
    }
    object.insert(u"suspects"_s, trials);
    return object;
}

} // namespace hookbench
