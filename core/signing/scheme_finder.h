#pragma once

#include "scheme_options.h"
#include "signed_request.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <optional>

namespace hookbench {

// "Find the scheme": with a known secret, tries every scheme of the registry and, for the
// generic `hmac`, every header of the request as the signature under every common prefix,
// algorithm, encoding, signed-string template and secret form, and reports which recipes match.
// The answer for a vendor whose documentation does not say how it signs.
class SchemeFinder
{
    Q_DECLARE_TR_FUNCTIONS(SchemeFinder)

public:
    struct Match
    {
        QString schemeId;
        // What to store with the endpoint to verify with this recipe (empty for fixed schemes).
        SchemeConfig config;
        QString recipe;
        std::optional<qint64> timestampSkewSeconds;
    };

    struct Report
    {
        QList<Match> matches;
        int schemesTried = 0;
        int genericRecipesTried = 0;

        bool found() const { return !matches.isEmpty(); }
        QString toText() const;
        QJsonObject toJson() const;
    };

    // Timestamps are not held against a recipe (a captured request may be old); the skew of a
    // match is reported instead.
    static Report find(const SignedRequest &request, const QByteArray &secret, qint64 now);
};

} // namespace hookbench
