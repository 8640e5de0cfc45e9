#include "hmac_header_scheme.h"

#include "prefixed_signature_parser.h"
#include "signature_check.h"

namespace hookbench {

namespace {
std::optional<QByteArray> hmacKey(const HmacRecipe &recipe, const QByteArray &secret)
{
    if (recipe.secretEncoding == HmacRecipe::SecretEncoding::Raw)
        return secret;
    return crypto::decodeBase64(secret.trimmed());
}
} // namespace

QString HmacHeaderScheme::recipe(const SchemeConfig &config) const
{
    const auto recipe = recipeFor(config);
    if (const auto *error = std::get_if<QString>(&recipe))
        return *error;
    return std::get<HmacRecipe>(recipe).describe();
}

SignatureScheme::Timestamps HmacHeaderScheme::timestamps(const SchemeConfig &config) const
{
    const auto recipe = recipeFor(config);
    const auto *hmacRecipe = std::get_if<HmacRecipe>(&recipe);
    return hmacRecipe && hmacRecipe->usesTimestamp() ? Timestamps::Signed : Timestamps::NotSigned;
}

SignResult HmacHeaderScheme::signRequest(const SignedRequest &request, const QByteArray &secret,
                                         const SchemeOptions &options) const
{
    const auto recipeOrError = recipeFor(options.config);
    if (const auto *error = std::get_if<QString>(&recipeOrError))
        return {{}, {}, *error};
    const HmacRecipe &recipe = std::get<HmacRecipe>(recipeOrError);
    const auto key = hmacKey(recipe, secret);
    if (!key)
        return {{}, {}, tr("The recipe expects a base64 secret, and this one does not decode.")};

    SignResult result;
    HmacRecipe::Values values{request.body, {}, {}, {}, request.method};
    if (recipe.usesTimestamp()) {
        values.timestamp = QByteArray::number(options.now);
        result.headers.append(recipe.timestampHeader, values.timestamp);
    }
    if (recipe.usesId()) {
        values.id = request.headers.value(recipe.idHeader)
                            .value_or(SignatureCheck::derivedMessageId(options.now, request.body));
        if (!request.headers.contains(recipe.idHeader))
            result.headers.append(recipe.idHeader, values.id);
    }
    if (recipe.usesUrl()) {
        if (request.url.isEmpty())
            return {{}, {}, tr("The recipe signs the URL: give the full URL the request goes to.")};
        values.url = request.url.toEncoded();
    }
    result.signedString = recipe.signedString(values);
    const QByteArray digest = crypto::hmac(recipe.algorithm, *key, result.signedString);
    result.headers.append(recipe.header, recipe.prefix + crypto::encode(digest, recipe.encoding));
    return result;
}

VerificationResult HmacHeaderScheme::verifyRequest(const SignedRequest &request,
                                                   const QByteArray &secret,
                                                   const SchemeOptions &options) const
{
    using Reason = VerificationResult::Reason;
    const auto recipeOrError = recipeFor(options.config);
    if (const auto *error = std::get_if<QString>(&recipeOrError))
        return VerificationResult::notConfigured(Reason::InvalidConfiguration, *error);
    const HmacRecipe &recipe = std::get<HmacRecipe>(recipeOrError);
    const auto key = hmacKey(recipe, secret);
    if (!key)
        return VerificationResult::notConfigured(
                Reason::InvalidConfiguration,
                tr("The recipe expects a base64 secret, and this one does not decode."));

    const QList<QByteArray> values = request.headers.values(recipe.header);
    if (values.isEmpty())
        return SignatureCheck::headerMissing(recipe.header, request.headers);
    const auto parsed = PrefixedSignatureParser::parse(values, recipe.prefix);
    if (const auto *error = std::get_if<QString>(&parsed))
        return SignatureCheck::headerMalformed(recipe.header, values.join(", "), *error);

    SignatureCheck check(*key, request.body, options);
    check.secret = secret;
    HmacRecipe::Values fields{{}, {}, {}, {}, request.method};
    if (recipe.usesTimestamp()) {
        const auto text = request.headers.value(recipe.timestampHeader);
        if (!text)
            return SignatureCheck::headerMissing(recipe.timestampHeader, request.headers);
        check.timestamp = SignatureCheck::parseTimestamp(*text);
        if (!check.timestamp)
            return SignatureCheck::headerMalformed(recipe.timestampHeader, *text,
                                                   tr("It is not a Unix time in seconds."));
        fields.timestamp = text->trimmed();
    }
    if (recipe.usesId()) {
        const auto id = request.headers.value(recipe.idHeader);
        if (!id)
            return SignatureCheck::headerMissing(recipe.idHeader, request.headers);
        fields.id = *id;
    }
    if (recipe.usesUrl()) {
        if (request.url.isEmpty())
            return VerificationResult::notConfigured(
                    Reason::InvalidConfiguration,
                    tr("The recipe signs the URL: give the full URL the request was sent to."));
        fields.url = request.url.toEncoded();
    }

    check.algorithm = recipe.algorithm;
    check.encoding = recipe.encoding;
    check.message = [recipe, fields](const QByteArray &body) {
        HmacRecipe::Values withBody = fields;
        withBody.body = body;
        return recipe.signedString(withBody);
    };
    check.headerName = recipe.header;
    check.prefix = recipe.prefix;
    check.received = std::get<QList<QByteArray>>(parsed);
    return check.run();
}

} // namespace hookbench
