#include "hmac_recipe.h"

#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {
const QString algorithmKey = HmacRecipe::ConfigKey::algorithm;
const QString headerKey = HmacRecipe::ConfigKey::header;
const QString prefixKey = HmacRecipe::ConfigKey::prefix;
const QString encodingKey = HmacRecipe::ConfigKey::encoding;
const QString templateKey = HmacRecipe::ConfigKey::signedTemplate;
const QString timestampHeaderKey = HmacRecipe::ConfigKey::timestampHeader;
const QString idHeaderKey = HmacRecipe::ConfigKey::idHeader;
const QString secretEncodingKey = HmacRecipe::ConfigKey::secretEncoding;

// RFC 9110 section 5.6.2: a field name is a token.
bool isToken(QByteArrayView name)
{
    if (name.isEmpty())
        return false;
    static const QByteArrayView extra("!#$%&'*+-.^_`|~");
    for (const char c : name) {
        const bool alphanumeric
                = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!alphanumeric && !extra.contains(c))
            return false;
    }
    return true;
}

QString secretEncodingName(HmacRecipe::SecretEncoding encoding)
{
    return encoding == HmacRecipe::SecretEncoding::Raw ? u"raw"_s : u"base64"_s;
}
} // namespace

QByteArray HmacRecipe::signedString(const Values &values) const
{
    QByteArray out;
    out.reserve(signedTemplate.size() + values.body.size() + values.url.size() + 64);
    qsizetype position = 0;
    while (position < signedTemplate.size()) {
        const qsizetype open = signedTemplate.indexOf('{', position);
        if (open < 0) {
            out += QByteArrayView(signedTemplate).sliced(position);
            break;
        }
        out += QByteArrayView(signedTemplate).sliced(position, open - position);
        const qsizetype close = signedTemplate.indexOf('}', open);
        if (close < 0) {
            out += QByteArrayView(signedTemplate).sliced(open);
            break;
        }
        const QByteArrayView name
                = QByteArrayView(signedTemplate).sliced(open + 1, close - open - 1);
        if (name == "body")
            out += values.body;
        else if (name == "timestamp")
            out += values.timestamp;
        else if (name == "id")
            out += values.id;
        else if (name == "url")
            out += values.url;
        else if (name == "method")
            out += values.method;
        else
            out += QByteArrayView(signedTemplate).sliced(open, close - open + 1);
        position = close + 1;
    }
    return out;
}

SchemeConfig HmacRecipe::toConfig() const
{
    SchemeConfig config{
            {algorithmKey, crypto::algorithmName(algorithm)},
            {headerKey, QString::fromLatin1(header)},
            {prefixKey, QString::fromLatin1(prefix)},
            {encodingKey, crypto::encodingName(encoding)},
            {templateKey, QString::fromUtf8(signedTemplate)},
            {secretEncodingKey, secretEncodingName(secretEncoding)},
    };
    if (!timestampHeader.isEmpty())
        config.insert(timestampHeaderKey, QString::fromLatin1(timestampHeader));
    if (!idHeader.isEmpty())
        config.insert(idHeaderKey, QString::fromLatin1(idHeader));
    return config;
}

QJsonObject HmacRecipe::toJson() const
{
    QJsonObject object;
    const SchemeConfig config = toConfig();
    for (auto it = config.cbegin(); it != config.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

std::variant<HmacRecipe, QString> HmacRecipe::fromConfig(const SchemeConfig &config)
{
    return fromConfig(config, HmacRecipe());
}

std::variant<HmacRecipe, QString> HmacRecipe::fromConfig(const SchemeConfig &config,
                                                         const HmacRecipe &base)
{
    HmacRecipe recipe = base;
    for (auto it = config.cbegin(); it != config.cend(); ++it) {
        const QString &key = it.key();
        const QString &value = it.value();
        if (key == algorithmKey) {
            const auto algorithm = crypto::algorithmFromName(value);
            if (!algorithm)
                return tr("Unknown algorithm \"%1\": use sha1, sha256 or sha512.").arg(value);
            recipe.algorithm = *algorithm;
        } else if (key == headerKey) {
            recipe.header = value.trimmed().toLatin1();
        } else if (key == prefixKey) {
            recipe.prefix = value.toLatin1();
        } else if (key == encodingKey) {
            const auto encoding = crypto::encodingFromName(value);
            if (!encoding)
                return tr("Unknown encoding \"%1\": use hex or base64.").arg(value);
            recipe.encoding = *encoding;
        } else if (key == templateKey) {
            recipe.signedTemplate = value.toUtf8();
        } else if (key == timestampHeaderKey) {
            recipe.timestampHeader = value.trimmed().toLatin1();
        } else if (key == idHeaderKey) {
            recipe.idHeader = value.trimmed().toLatin1();
        } else if (key == secretEncodingKey) {
            if (value.compare(u"raw"_s, Qt::CaseInsensitive) == 0)
                recipe.secretEncoding = SecretEncoding::Raw;
            else if (value.compare(u"base64"_s, Qt::CaseInsensitive) == 0)
                recipe.secretEncoding = SecretEncoding::Base64;
            else
                return tr("Unknown secret encoding \"%1\": use raw or base64.").arg(value);
        } else {
            return tr("Unknown setting \"%1\".").arg(key);
        }
    }
    if (!isToken(recipe.header))
        return tr("The signature header name \"%1\" is not a valid header name.")
                .arg(QString::fromLatin1(recipe.header));
    if (recipe.signedTemplate.isEmpty())
        return tr("The signed-string template is empty.");
    if (recipe.usesTimestamp() && !isToken(recipe.timestampHeader))
        return tr("The template uses {timestamp}: set a valid timestamp-header.");
    if (recipe.usesId() && !isToken(recipe.idHeader))
        return tr("The template uses {id}: set a valid id-header.");
    return recipe;
}

std::variant<HmacRecipe, QString> HmacRecipe::fromJson(const QJsonObject &object)
{
    SchemeConfig config;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!it.value().isString())
            return tr("The setting \"%1\" must be a string.").arg(it.key());
        config.insert(it.key(), it.value().toString());
    }
    return fromConfig(config);
}

QString HmacRecipe::describe() const
{
    const QString algorithmLabel = crypto::algorithmName(algorithm).toUpper();
    QString text = tr("%1: %2%3 %4 HMAC-%5(%6, \"%7\")")
                           .arg(QString::fromLatin1(header),
                                prefix.isEmpty() ? QString() : QString::fromLatin1(prefix),
                                prefix.isEmpty() ? QString() : u" +"_s,
                                crypto::encodingName(encoding), algorithmLabel,
                                secretEncoding == SecretEncoding::Raw ? tr("secret")
                                                                      : tr("base64-decoded secret"),
                                QString::fromUtf8(signedTemplate));
    if (usesTimestamp())
        text += tr(", {timestamp} from %1").arg(QString::fromLatin1(timestampHeader));
    if (usesId())
        text += tr(", {id} from %1").arg(QString::fromLatin1(idHeader));
    return text;
}

} // namespace hookbench
