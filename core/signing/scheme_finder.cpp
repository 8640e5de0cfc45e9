#include "scheme_finder.h"

#include "compass_scheme.h"
#include "crypto.h"
#include "hmac_header_scheme.h"
#include "prefixed_signature_parser.h"
#include "scheme_registry.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {
using crypto::HashAlgorithm;
using crypto::SignatureEncoding;

// Prefixes seen in the wild before a digest; "" is always tried as well.
const QList<QByteArray> commonPrefixes{
        "sha1=", "sha256=", "sha512=",      "sha1:",      "sha256:",    "sha512:", "v1=",
        "v0=",   "v1,",     "hmac-sha256=", "hmac-sha1=", "signature=", "HMAC ",
};

bool isTimestampHeader(const HeaderField &field)
{
    const QByteArray name = field.name.toLower();
    const QByteArray value = field.value.trimmed();
    const bool digits = value.size() >= 9 && value.size() <= 11
                        && std::all_of(value.cbegin(), value.cend(),
                                       [](char c) { return c >= '0' && c <= '9'; });
    return digits && (name.contains("timestamp") || name.contains("time") || name.endsWith("-ts"));
}

bool isIdHeader(const HeaderField &field)
{
    const QByteArray name = field.name.toLower();
    return name == "id" || name.endsWith("-id") || name.contains("delivery")
           || name.contains("nonce");
}

QList<qsizetype> decodedLengths(const QList<QByteArray> &tokens, SignatureEncoding encoding)
{
    QList<qsizetype> lengths;
    for (const QByteArray &token : tokens) {
        if (const auto decoded = crypto::decode(token, encoding))
            lengths.append(decoded->size());
    }
    return lengths;
}

struct Template
{
    QByteArray text;
    QByteArray timestampHeader;
    QByteArray idHeader;
};

QList<Template> templatesFor(const SignedRequest &request, const QByteArray &signatureHeader)
{
    QList<Template> templates{{"{body}", {}, {}}};
    QList<QByteArray> timestampHeaders;
    QList<QByteArray> idHeaders;
    for (const HeaderField &field : request.headers) {
        if (field.name.compare(signatureHeader, Qt::CaseInsensitive) == 0)
            continue;
        if (isTimestampHeader(field) && !timestampHeaders.contains(field.name))
            timestampHeaders.append(field.name);
        if (isIdHeader(field) && !idHeaders.contains(field.name))
            idHeaders.append(field.name);
    }
    for (const QByteArray &timestamp : timestampHeaders) {
        for (const char *text : {"{timestamp}.{body}", "{timestamp}:{body}", "{timestamp}{body}",
                                 "v0:{timestamp}:{body}"})
            templates.append({QByteArray(text), timestamp, {}});
        for (const QByteArray &id : idHeaders)
            templates.append({"{id}.{timestamp}.{body}", timestamp, id});
    }
    if (!request.url.isEmpty()) {
        templates.append({"{url}", {}, {}});
        templates.append({"{url}{body}", {}, {}});
    }
    return templates;
}

// Generic recipes that say the same as a fixed scheme (or as Compass with its header) are
// reported under that scheme's name.
std::optional<SchemeFinder::Match> asCompass(const HmacRecipe &recipe)
{
    HmacRecipe compass = CompassScheme::defaultRecipe();
    compass.header = recipe.header;
    if (!(compass == recipe))
        return std::nullopt;
    const SignatureScheme *scheme = SchemeRegistry::instance().scheme(u"compass");
    SchemeConfig config{{u"header"_s, QString::fromLatin1(recipe.header)}};
    return SchemeFinder::Match{scheme->id(), config, scheme->recipe(config), std::nullopt};
}
} // namespace

SchemeFinder::Report SchemeFinder::find(const SignedRequest &request, const QByteArray &secret,
                                        qint64 now)
{
    Report report;
    SchemeOptions options;
    options.now = now;
    options.toleranceSeconds = 0;
    options.diagnosis = Diagnosis::None;

    QList<HmacRecipe> fixedRecipes;
    const SchemeRegistry &registry = SchemeRegistry::instance();
    for (const SignatureScheme *scheme : registry.schemes()) {
        if (scheme->configuration() == SignatureScheme::Configuration::Configurable)
            continue;
        ++report.schemesTried;
        const VerificationResult result = scheme->verify(request, secret, options);
        if (!result.isValid())
            continue;
        report.matches.append({scheme->id(), {}, scheme->recipe(), result.timestampSkewSeconds});
        if (const auto *hmacScheme = dynamic_cast<const HmacHeaderScheme *>(scheme)) {
            const auto recipe = hmacScheme->recipeFor({});
            if (const auto *fixed = std::get_if<HmacRecipe>(&recipe))
                fixedRecipes.append(*fixed);
        }
    }

    const SignatureScheme *generic = registry.scheme(u"hmac");
    const auto base64Secret = crypto::decodeBase64(secret.trimmed());
    QList<QByteArray> headerNames;
    for (const HeaderField &field : request.headers) {
        if (!headerNames.contains(field.name.toLower()))
            headerNames.append(field.name.toLower());
    }
    for (const HeaderField &field : request.headers) {
        if (!headerNames.removeOne(field.name.toLower()))
            continue; // a repeated header was tried with all its values the first time
        const QList<QByteArray> values = request.headers.values(field.name);
        QList<QByteArray> prefixes{QByteArray()};
        for (const QByteArray &prefix : commonPrefixes) {
            if (field.value.trimmed().startsWith(prefix))
                prefixes.append(prefix);
        }
        for (const QByteArray &prefix : prefixes) {
            const auto parsed = PrefixedSignatureParser::parse(values, prefix);
            const auto *tokens = std::get_if<QList<QByteArray>>(&parsed);
            if (!tokens)
                continue;
            for (const SignatureEncoding encoding :
                 {SignatureEncoding::Hex, SignatureEncoding::Base64}) {
                const QList<qsizetype> lengths = decodedLengths(*tokens, encoding);
                for (const HashAlgorithm algorithm :
                     {HashAlgorithm::Sha1, HashAlgorithm::Sha256, HashAlgorithm::Sha512}) {
                    if (!lengths.contains(crypto::digestLength(algorithm)))
                        continue;
                    for (const Template &candidate : templatesFor(request, field.name)) {
                        for (const auto secretEncoding : {HmacRecipe::SecretEncoding::Raw,
                                                          HmacRecipe::SecretEncoding::Base64}) {
                            if (secretEncoding == HmacRecipe::SecretEncoding::Base64
                                && (!base64Secret || *base64Secret == secret))
                                continue;
                            HmacRecipe recipe;
                            recipe.algorithm = algorithm;
                            recipe.header = field.name;
                            recipe.prefix = prefix;
                            recipe.encoding = encoding;
                            recipe.signedTemplate = candidate.text;
                            recipe.timestampHeader = candidate.timestampHeader;
                            recipe.idHeader = candidate.idHeader;
                            recipe.secretEncoding = secretEncoding;
                            ++report.genericRecipesTried;
                            options.config = recipe.toConfig();
                            const VerificationResult result
                                    = generic->verify(request, secret, options);
                            if (!result.isValid())
                                continue;
                            const bool known = std::any_of(
                                    fixedRecipes.cbegin(), fixedRecipes.cend(),
                                    [&recipe](const HmacRecipe &fixed) {
                                        return fixed.algorithm == recipe.algorithm
                                               && fixed.encoding == recipe.encoding
                                               && fixed.signedTemplate == recipe.signedTemplate
                                               && fixed.header.compare(recipe.header,
                                                                       Qt::CaseInsensitive)
                                                          == 0;
                                    });
                            if (known)
                                continue;
                            Match match = asCompass(recipe).value_or(
                                    Match{generic->id(), options.config, recipe.describe(), {}});
                            match.timestampSkewSeconds = result.timestampSkewSeconds;
                            report.matches.append(match);
                        }
                    }
                }
            }
        }
    }
    return report;
}

QString SchemeFinder::Report::toText() const
{
    QStringList lines;
    const QString tried = tr("tried %n schemes", nullptr, schemesTried) + u", "_s
                          + tr("%n generic HMAC recipes", nullptr, genericRecipesTried);
    if (matches.isEmpty()) {
        lines.append(tr("No recipe matches (%1). The secret may be wrong, the body may have "
                        "changed since it was signed, or the sender signs something else.")
                             .arg(tried));
        return lines.join(u'\n');
    }
    lines.append(
            tr("%n recipe(s) match (%1):", nullptr, static_cast<int>(matches.size())).arg(tried));
    for (const Match &match : matches) {
        lines.append(u"  %1: %2"_s.arg(match.schemeId, match.recipe));
        if (!match.config.isEmpty()) {
            QStringList settings;
            for (auto it = match.config.cbegin(); it != match.config.cend(); ++it)
                settings.append(u"%1=%2"_s.arg(it.key(), it.value()));
            lines.append(u"    "_s + tr("settings: %1").arg(settings.join(u' ')));
        }
        if (match.timestampSkewSeconds)
            lines.append(u"    "_s + tr("timestamp skew: %1 s").arg(*match.timestampSkewSeconds));
    }
    return lines.join(u'\n');
}

QJsonObject SchemeFinder::Report::toJson() const
{
    QJsonArray array;
    for (const Match &match : matches) {
        QJsonObject config;
        for (auto it = match.config.cbegin(); it != match.config.cend(); ++it)
            config.insert(it.key(), it.value());
        QJsonObject object{
                {u"scheme"_s, match.schemeId}, {u"config"_s, config}, {u"recipe"_s, match.recipe}};
        if (match.timestampSkewSeconds)
            object.insert(u"timestampSkewSeconds"_s, *match.timestampSkewSeconds);
        array.append(object);
    }
    return QJsonObject{{u"matches"_s, array},
                       {u"schemesTried"_s, schemesTried},
                       {u"genericRecipesTried"_s, genericRecipesTried}};
}

} // namespace hookbench
