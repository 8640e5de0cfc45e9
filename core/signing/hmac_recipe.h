#pragma once

#include "crypto.h"
#include "scheme_options.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <optional>
#include <variant>

namespace hookbench {

// The parameters of an "HMAC in a header" recipe: what the generic `hmac` scheme stores, and
// what `github`, `jobserv`, `compass`, `shopify` and `slack` are fixed instances of.
struct HmacRecipe
{
    Q_DECLARE_TR_FUNCTIONS(HmacRecipe)

public:
    enum class SecretEncoding { Raw, Base64 };

    // The keys of toConfig()/fromConfig(): an endpoint dialog edits these by name.
    struct ConfigKey
    {
        static constexpr QLatin1StringView algorithm{"algorithm"};
        static constexpr QLatin1StringView header{"header"};
        static constexpr QLatin1StringView prefix{"prefix"};
        static constexpr QLatin1StringView encoding{"encoding"};
        static constexpr QLatin1StringView signedTemplate{"template"};
        static constexpr QLatin1StringView timestampHeader{"timestamp-header"};
        static constexpr QLatin1StringView idHeader{"id-header"};
        static constexpr QLatin1StringView secretEncoding{"secret-encoding"};
    };

    crypto::HashAlgorithm algorithm = crypto::HashAlgorithm::Sha256;
    QByteArray header = QByteArrayLiteral("X-Signature");
    // Text before the digest in the header value, such as "sha256=" (compared case-insensitively).
    QByteArray prefix;
    crypto::SignatureEncoding encoding = crypto::SignatureEncoding::Hex;
    // The signed string. Placeholders: {body}, {timestamp}, {id}, {url}, {method}; everything
    // else is literal.
    QByteArray signedTemplate = QByteArrayLiteral("{body}");
    // Where {timestamp} and {id} come from.
    QByteArray timestampHeader;
    QByteArray idHeader;
    SecretEncoding secretEncoding = SecretEncoding::Raw;

    bool usesTimestamp() const { return signedTemplate.contains("{timestamp}"); }
    bool usesId() const { return signedTemplate.contains("{id}"); }
    bool usesUrl() const { return signedTemplate.contains("{url}"); }

    struct Values
    {
        QByteArray body;
        QByteArray timestamp;
        QByteArray id;
        QByteArray url;
        QByteArray method;
    };
    // Expands the template in one pass, so a body that itself contains "{id}" stays as it is.
    QByteArray signedString(const Values &values) const;

    // Configuration keys: algorithm, header, prefix, encoding, template, timestamp-header,
    // id-header, secret-encoding. Missing keys keep the defaults of `base`.
    SchemeConfig toConfig() const;
    QJsonObject toJson() const;
    // Either the recipe or a translated message naming the bad key.
    static std::variant<HmacRecipe, QString> fromConfig(const SchemeConfig &config);
    static std::variant<HmacRecipe, QString> fromConfig(const SchemeConfig &config,
                                                        const HmacRecipe &base);
    static std::variant<HmacRecipe, QString> fromJson(const QJsonObject &object);
    // "X-Signature: sha256= + hex HMAC-SHA256(secret, {timestamp}.{body})".
    QString describe() const;

    friend bool operator==(const HmacRecipe &, const HmacRecipe &) = default;
};

} // namespace hookbench
