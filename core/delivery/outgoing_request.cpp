#include "outgoing_request.h"

#include "signing/scheme_registry.h"

using namespace Qt::StringLiterals;

namespace hookbench {

std::variant<OutgoingRequest, QString> OutgoingRequest::build(const Subscription &subscription,
                                                              const OutboxMessage &message,
                                                              qint64 nowSeconds)
{
    OutgoingRequest request;
    request.url = subscription.url;
    request.body = message.payload;
    request.headers.append("Content-Type", message.contentType.isEmpty()
                                                   ? QByteArrayLiteral("application/octet-stream")
                                                   : message.contentType);
    request.headers.append("User-Agent", "Hookbench/" HOOKBENCH_VERSION);
    if (subscription.schemeId == u"standard-webhooks")
        request.headers.append("webhook-id", "msg_" + QByteArray::number(message.id));
    // An extra header replaces one of ours of the same name; repeated extras are all sent.
    const HeaderList ours = request.headers;
    for (const HeaderField &field : subscription.headers) {
        if (ours.contains(field.name))
            request.headers.set(field.name, field.value);
        else
            request.headers.append(field);
    }

    auto sign = [&](const QString &schemeId, const QByteArray &secret,
                    const SchemeConfig &config) -> QString {
        const SignatureScheme *scheme = SchemeRegistry::instance().scheme(schemeId);
        if (!scheme)
            return tr("There is no signing scheme \"%1\".").arg(schemeId);
        SchemeOptions options;
        options.now = nowSeconds;
        options.config = config;
        const SignResult signature = scheme->sign(
                {request.headers, request.body, request.url, "POST"}, secret, options);
        if (!signature.isOk())
            return signature.error;
        for (const HeaderField &field : signature.headers)
            request.headers.set(field.name, field.value);
        return {};
    };
    QString error;
    switch (subscription.auth.kind) {
    case AuthKind::None:
        break;
    case AuthKind::Basic:
        error = sign(u"basic"_s, subscription.auth.user.toUtf8() + ':' + subscription.auth.secret,
                     {});
        break;
    case AuthKind::Bearer:
        error = sign(u"bearer"_s, subscription.auth.secret, {});
        break;
    }
    if (error.isEmpty() && !subscription.schemeId.isEmpty())
        error = sign(subscription.schemeId, subscription.secret, subscription.schemeConfig);
    if (!error.isEmpty())
        return error;
    return request;
}

} // namespace hookbench
