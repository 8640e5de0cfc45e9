#include "delivery_signed_request.h"

namespace hookbench {

SignedRequest signedRequestOf(const Delivery &delivery, bool encrypted)
{
    SignedRequest request;
    request.headers = delivery.headers;
    request.body = delivery.body;
    request.method = delivery.method;
    const QByteArray host = delivery.headers.value("host").value_or("localhost");
    request.url = QUrl::fromEncoded((encrypted ? "https://" : "http://") + host + delivery.target);
    return request;
}

} // namespace hookbench
